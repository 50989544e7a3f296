using BepBot.Infrastructure.Queues;
using BepBot.Infrastructure.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BepBot.Tests.Queues;

public sealed class WorkQueueRegistrationTests
{
    [Fact]
    public void AddWorkQueue_LocalFolderProvider_QueuesFolderInsideTheStoreFolder()
    {
        var contentRoot = Path.GetTempPath();

        var queue = Resolve(contentRoot, ("Storage:Provider", "LocalFolder"), ("Storage:LocalFolder", "data"));

        queue.ShouldBeOfType<LocalFolderWorkQueue>().RootFolder.ShouldBe(Path.Combine(Path.GetFullPath(contentRoot), "data", "queues"));
    }

    [Fact]
    public void AddWorkQueue_NoStorageSection_LocalFolderByDefault()
    {
        Resolve(Path.GetTempPath()).ShouldBeOfType<LocalFolderWorkQueue>();
    }

    [Fact]
    public void AddWorkQueue_BlobWithConnectionString_AzureQueueOnThatAccount()
    {
        var queue = Resolve(Path.GetTempPath(), ("Storage:Provider", "Blob"), ("Storage:ConnectionString", "UseDevelopmentStorage=true"));

        queue.ShouldBeOfType<AzureStorageWorkQueue>().ServiceUri.ShouldBe(new Uri("http://127.0.0.1:10001/devstoreaccount1"));
    }

    [Fact]
    public void AddWorkQueue_BlobWithServiceUri_AzureQueueOnTheSameAccount()
    {
        var queue = Resolve(Path.GetTempPath(), ("Storage:Provider", "Blob"), ("Storage:ServiceUri", "https://bepbotprod.blob.core.windows.net/"));

        queue.ShouldBeOfType<AzureStorageWorkQueue>().ServiceUri.ShouldBe(new Uri("https://bepbotprod.queue.core.windows.net/"));
    }

    [Fact]
    public void AddWorkQueue_BlobWithoutAccount_ThrowsClearly()
    {
        var error = Should.Throw<InvalidOperationException>(() => Resolve(Path.GetTempPath(), ("Storage:Provider", "Blob")));

        error.Message.ShouldContain("Storage:ConnectionString");
    }

    [Theory]
    [InlineData("https://bepbot.blob.core.windows.net", "https://bepbot.queue.core.windows.net/")]
    [InlineData("https://bepbot.blob.core.chinacloudapi.cn/", "https://bepbot.queue.core.chinacloudapi.cn/")]
    public void QueueServiceUriFor_BlobServiceUri_SameAccountQueueHost(string blob, string queue)
    {
        AzureStorageWorkQueue.QueueServiceUriFor(new Uri(blob)).ShouldBe(new Uri(queue));
    }

    [Theory]
    [InlineData("https://bepbot.blob.core.windows.net", "table", "https://bepbot.table.core.windows.net/")]
    [InlineData("https://bepbot.blob.core.usgovcloudapi.net/", "queue", "https://bepbot.queue.core.usgovcloudapi.net/")]
    public void ServiceUriFor_BlobServiceUri_SameAccountOtherService(string blob, string service, string expected)
    {
        StorageAccountUris.ServiceUriFor(new Uri(blob), service).ShouldBe(new Uri(expected));
    }

    [Theory]
    [InlineData("http://127.0.0.1:10000/devstoreaccount1")]
    [InlineData("https://storage.example.be/")]
    [InlineData("https://blob.core.windows.net/")]
    public void QueueServiceUriFor_NotAnAccountBlobHost_ThrowsClearly(string blob)
    {
        Should.Throw<InvalidOperationException>(() => AzureStorageWorkQueue.QueueServiceUriFor(new Uri(blob)))
            .Message.ShouldContain("Storage:ConnectionString");
    }

    private static IWorkQueue Resolve(string contentRoot, params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = contentRoot });
        builder.Configuration.AddInMemoryCollection(settings.Select(setting => KeyValuePair.Create(setting.Key, (string?)setting.Value)));

        builder.AddWorkQueue();

        using var services = builder.Services.BuildServiceProvider();
        return services.GetRequiredService<IWorkQueue>();
    }
}
