using BepBot.Infrastructure.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BepBot.Tests.Storage;

public sealed class ActivityClaimsRegistrationTests
{
    [Fact]
    public void AddDocumentStore_BlobWithManagedIdentity_ClaimsInTheAccountsTableService()
    {
        var claims = Resolve(("Storage:Provider", "Blob"), ("Storage:ServiceUri", "https://bepbotstore.blob.core.windows.net/"), ("Storage:Container", "bep-bot"));

        claims.ShouldBeOfType<TableActivityClaims>().TableUri.ShouldBe(new Uri("https://bepbotstore.table.core.windows.net/bepbotactivities"));
    }

    [Fact]
    public void AddDocumentStore_ClaimsTableSet_ThatTable()
    {
        var claims = Resolve(("Storage:Provider", "Blob"), ("Storage:ServiceUri", "https://bepbotstore.blob.core.windows.net/"), ("Storage:ClaimsTable", "bepclaims"));

        claims.ShouldBeOfType<TableActivityClaims>().TableUri.ShouldBe(new Uri("https://bepbotstore.table.core.windows.net/bepclaims"));
    }

    [Fact]
    public void AddDocumentStore_LocalFolder_ClaimsAsDocuments()
    {
        Resolve(("Storage:Provider", "LocalFolder")).ShouldBeOfType<DocumentActivityClaims>();
    }

    private static IActivityClaims Resolve(params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = Path.GetTempPath() });
        builder.Configuration.AddInMemoryCollection(settings.Select(setting => KeyValuePair.Create(setting.Key, (string?)setting.Value)));

        builder.AddDocumentStore();

        using var services = builder.Services.BuildServiceProvider();
        return services.GetRequiredService<IActivityClaims>();
    }
}
