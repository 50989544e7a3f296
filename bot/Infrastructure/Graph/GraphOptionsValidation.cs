using Microsoft.Extensions.Options;

namespace BepBot.Infrastructure.Graph;

/// <summary>A Graph credential missing a part fails the start, with the key to set, instead of failing at the first call.</summary>
public sealed class GraphOptionsValidation : IValidateOptions<GraphOptions>
{
    public ValidateOptionsResult Validate(string? name, GraphOptions options)
    {
        var missing = options.Credential switch
        {
            GraphCredentialKind.ClientSecret => Missing(("TenantId", options.TenantId), ("ClientId", options.ClientId), ("ClientSecret", options.ClientSecret)),
            GraphCredentialKind.Certificate => Missing(("TenantId", options.TenantId), ("ClientId", options.ClientId), ("CertificatePath", options.CertificatePath)),
            _ => [],
        };
        if (missing.Count > 0)
        {
            return ValidateOptionsResult.Fail(
                $"Graph:CredentialKind is {options.Credential} but {string.Join(", ", missing.Select(key => "Graph:" + key))} is not set (docs/deploy.md, section 7).");
        }

        if (options.Credential == GraphCredentialKind.Certificate && !File.Exists(options.CertificatePath))
        {
            return ValidateOptionsResult.Fail($"Graph:CertificatePath '{options.CertificatePath}' is not a file this app can read.");
        }

        return ValidateOptionsResult.Success;
    }

    private static List<string> Missing(params (string Key, string? Value)[] settings) =>
        settings.Where(setting => string.IsNullOrWhiteSpace(setting.Value)).Select(setting => setting.Key).ToList();
}
