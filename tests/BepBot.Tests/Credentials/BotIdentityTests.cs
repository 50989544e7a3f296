using BepBot.Teams;
using BepBot.Tests.Harness;

namespace BepBot.Tests.Credentials;

public sealed class BotIdentityTests
{
    private const string AppId = "5f0c3d6e-1a2b-4c3d-8e9f-0a1b2c3d4e5f";
    private const string Tenant = "11111111-2222-3333-4444-555555555555";

    [Theory]
    [InlineData("MultiTenant", AppId, "secret", null)]
    [InlineData(null, AppId, "secret", null)]
    [InlineData("SingleTenant", AppId, "secret", Tenant)]
    [InlineData("UserAssignedMSI", AppId, null, Tenant)]
    [InlineData("userassignedmsi", AppId, null, Tenant)]
    [InlineData("SingleTenant", null, null, null)]
    public void Validate_WhatTheSdkCanSignInWith_Accepted(string? appType, string? appId, string? password, string? tenant)
    {
        var options = new BotIdentityOptions { MicrosoftAppType = appType, MicrosoftAppId = appId, MicrosoftAppPassword = password, MicrosoftAppTenantId = tenant };

        new BotIdentityValidation().Validate(null, options).Succeeded.ShouldBeTrue();
    }

    [Theory]
    [InlineData("UserAssignedMSI", null, null, Tenant, "UserAssignedMSI but MicrosoftAppId, the client id of the user-assigned managed identity, is not set")]
    [InlineData("UserAssignedMSI", AppId, null, null, "UserAssignedMSI but MicrosoftAppTenantId")]
    [InlineData("UserAssignedMSI", AppId, "secret", Tenant, "MicrosoftAppPassword must be empty")]
    [InlineData("SingleTenant", AppId, "secret", null, "SingleTenant but MicrosoftAppTenantId")]
    [InlineData("SingleTenant", AppId, null, Tenant, "SingleTenant but MicrosoftAppPassword")]
    [InlineData("MultiTenant", AppId, null, null, "MultiTenant but MicrosoftAppPassword")]
    [InlineData("SingleTenat", AppId, "secret", Tenant, "MicrosoftAppType 'SingleTenat' is not one of MultiTenant, SingleTenant, UserAssignedMSI")]
    public void Validate_Misconfigured_SaysWhichKey(string? appType, string? appId, string? password, string? tenant, string expected)
    {
        var options = new BotIdentityOptions { MicrosoftAppType = appType, MicrosoftAppId = appId, MicrosoftAppPassword = password, MicrosoftAppTenantId = tenant };

        new BotIdentityValidation().Validate(null, options).FailureMessage.ShouldNotBeNull().ShouldContain(expected);
    }

    [Fact]
    public async Task Start_UserAssignedMsiWithoutClientId_BotRefusesToStartWithTheReason()
    {
        var bot = new BotApplication(settings: new Dictionary<string, string?> { ["MicrosoftAppType"] = "UserAssignedMSI", ["MicrosoftAppTenantId"] = Tenant });

        var error = Should.Throw<Exception>(() => bot.CreateClient());

        error.ToString().ShouldContain("MicrosoftAppType is UserAssignedMSI but MicrosoftAppId, the client id of the user-assigned managed identity, is not set.", customMessage: error.ToString());
        await bot.DisposeAsync();
    }
}
