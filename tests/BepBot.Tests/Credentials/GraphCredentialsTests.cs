using Azure.Identity;
using BepBot.Infrastructure.Graph;
using BepBot.Tests.Harness;

namespace BepBot.Tests.Credentials;

public sealed class GraphCredentialsTests
{
    private const string Tenant = "11111111-2222-3333-4444-555555555555";
    private const string ClientId = "9d2b6f1a-4c3e-4f8b-a6d7-1e5c0b9a2f34";

    [Fact]
    public void Create_OnlyASecretSet_ClientSecretAsBefore()
    {
        var options = new GraphOptions { TenantId = Tenant, ClientId = ClientId, ClientSecret = "secret" };

        GraphCredentials.Create(options).ShouldBeOfType<ClientSecretCredential>();
        options.IsConfigured.ShouldBeTrue();
    }

    [Fact]
    public void Create_NoCredentialSet_NoneAndGraphNotConfigured()
    {
        var options = new GraphOptions { TenantId = Tenant, ClientId = ClientId };

        GraphCredentials.Create(options).ShouldBeNull();
        options.IsConfigured.ShouldBeFalse();
    }

    [Fact]
    public void Create_Certificate_ClientCertificateFromTheFile()
    {
        using var certificate = TestCertificate.WritePem();
        var options = new GraphOptions { CredentialKind = GraphCredentialKind.Certificate, TenantId = Tenant, ClientId = ClientId, CertificatePath = certificate.Path };

        GraphCredentials.Create(options).ShouldBeOfType<ClientCertificateCredential>();
        new GraphOptionsValidation().Validate(null, options).Succeeded.ShouldBeTrue();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("0f9e8d7c-6b5a-4938-8271-605f4e3d2c1b")]
    public void Create_ManagedIdentity_SystemOrUserAssigned_NoTenantNorSecretNeeded(string? managedIdentityClientId)
    {
        var options = new GraphOptions { CredentialKind = GraphCredentialKind.ManagedIdentity, ManagedIdentityClientId = managedIdentityClientId };

        GraphCredentials.Create(options).ShouldBeOfType<ManagedIdentityCredential>();
        options.IsConfigured.ShouldBeTrue();
        new GraphOptionsValidation().Validate(null, options).Succeeded.ShouldBeTrue();
    }

    [Fact]
    public void Validate_CertificateWithoutPath_NamesTheMissingKey()
    {
        var result = new GraphOptionsValidation().Validate(null, new GraphOptions { CredentialKind = GraphCredentialKind.Certificate, TenantId = Tenant, ClientId = ClientId });

        result.Failed.ShouldBeTrue();
        result.FailureMessage.ShouldNotBeNull().ShouldContain("Graph:CertificatePath is not set");
    }

    [Fact]
    public void Validate_CertificateFileMissing_Refused()
    {
        var result = new GraphOptionsValidation().Validate(null, new GraphOptions
        {
            CredentialKind = GraphCredentialKind.Certificate, TenantId = Tenant, ClientId = ClientId, CertificatePath = "/nowhere/bepbot.pem",
        });

        result.FailureMessage.ShouldNotBeNull().ShouldContain("Graph:CertificatePath '/nowhere/bepbot.pem' is not a file this app can read");
    }

    [Fact]
    public async Task Start_ClientSecretKindWithoutTenant_BotRefusesToStart()
    {
        var bot = new BotApplication(settings: new Dictionary<string, string?>
        {
            ["Graph:CredentialKind"] = "ClientSecret",
            ["Graph:ClientId"] = ClientId,
            ["Graph:ClientSecret"] = "secret",
        });

        var error = Should.Throw<Exception>(() => bot.CreateClient());

        error.ToString().ShouldContain("Graph:CredentialKind is ClientSecret but Graph:TenantId is not set");
        await bot.DisposeAsync();
    }
}
