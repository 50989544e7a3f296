using Microsoft.Extensions.Options;

namespace BepBot.Teams;

/// <summary>
/// A bot identity the SDK cannot sign in with fails the start with the key to fix. Left to the SDK, an unknown app
/// type silently becomes MultiTenant, and a missing key surfaces only at the first message.
/// </summary>
public sealed class BotIdentityValidation : IValidateOptions<BotIdentityOptions>
{
    public ValidateOptionsResult Validate(string? name, BotIdentityOptions options)
    {
        var failure = FailureOf(options);
        return failure is null ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failure + " See docs/deploy.md, section 1.");
    }

    private static string? FailureOf(BotIdentityOptions options)
    {
        var appType = string.IsNullOrWhiteSpace(options.MicrosoftAppType) ? BotIdentityOptions.MultiTenant : options.MicrosoftAppType.Trim();
        var hasAppId = !string.IsNullOrWhiteSpace(options.MicrosoftAppId);
        var hasPassword = !string.IsNullOrWhiteSpace(options.MicrosoftAppPassword);
        var hasTenant = !string.IsNullOrWhiteSpace(options.MicrosoftAppTenantId);
        if (Is(appType, BotIdentityOptions.UserAssignedMsi))
        {
            if (!hasAppId)
            {
                return "MicrosoftAppType is UserAssignedMSI but MicrosoftAppId, the client id of the user-assigned managed identity, is not set.";
            }

            if (!hasTenant)
            {
                return "MicrosoftAppType is UserAssignedMSI but MicrosoftAppTenantId, the tenant of the managed identity, is not set.";
            }

            return hasPassword ? "MicrosoftAppType is UserAssignedMSI: a managed identity has no password, so MicrosoftAppPassword must be empty." : null;
        }

        if (!Is(appType, BotIdentityOptions.SingleTenant) && !Is(appType, BotIdentityOptions.MultiTenant))
        {
            return $"MicrosoftAppType '{appType}' is not one of MultiTenant, SingleTenant, UserAssignedMSI.";
        }

        if (!hasAppId)
        {
            // Authentication off: local play with the Agents Playground (MapTeams warns).
            return null;
        }

        if (Is(appType, BotIdentityOptions.SingleTenant) && !hasTenant)
        {
            return "MicrosoftAppType is SingleTenant but MicrosoftAppTenantId, the tenant of the app registration, is not set.";
        }

        return hasPassword ? null : $"MicrosoftAppType is {appType} but MicrosoftAppPassword, the app registration's client secret, is not set.";
    }

    private static bool Is(string appType, string expected) => string.Equals(appType, expected, StringComparison.OrdinalIgnoreCase);
}
