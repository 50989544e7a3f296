using System.Net;
using BepBot.Infrastructure.Exports;
using BepBot.Infrastructure.Telemetry;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using Microsoft.IdentityModel.Validators;

namespace BepBot.Dashboard;

/// <summary>
/// How a Teams single sign-on token is checked: signed by a key of Microsoft Entra ID's metadata, issued by the tenant the
/// token names (the multi-tenant check of Microsoft's identity libraries), for this app, not expired, from an
/// organisation in Bot:AllowedTenants.
/// </summary>
public sealed partial class TeamsSsoTokens(IOptions<DashboardOptions> dashboard, IOptions<ExportOptions> exports, ILogger<TeamsSsoTokens> logger)
    : IConfigureNamedOptions<JwtBearerOptions>
{
    // The issuers Entra ID writes, {tenantid} being the token's own tid: v2 and v1 access tokens.
    private static readonly string[] IssuerTemplates = ["https://login.microsoftonline.com/{tenantid}/v2.0", "https://sts.windows.net/{tenantid}/"];

    public void Configure(string? name, JwtBearerOptions options)
    {
        if (name != TabSchemes.TeamsSso)
        {
            return;
        }

        var settings = dashboard.Value;
        options.MetadataAddress = settings.MetadataAddress.AbsoluteUri;
        options.RequireHttpsMetadata = !IsLoopback(settings.MetadataAddress);
        options.MapInboundClaims = false;
        var audiences = settings.Audiences(exports.Value.PublicBaseUrl);
        options.TokenValidationParameters = new TokenValidationParameters
        {
            ValidAudiences = audiences,
            ValidIssuers = IssuerTemplates,
            IssuerValidator = AadIssuerValidator.GetAadIssuerValidator(AuthorityOf(settings.MetadataAddress)).Validate,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ClockSkew = TimeSpan.FromMinutes(2),
            NameClaimType = "name",
        };
        options.Events = new JwtBearerEvents
        {
            OnTokenValidated = context =>
            {
                var tenant = context.Principal?.FindFirst("tid")?.Value;
                if (settings.AllowedTenants.Count > 0 && (tenant is null || !settings.AllowedTenants.Contains(tenant, StringComparer.OrdinalIgnoreCase)))
                {
                    LogTenantRefused(logger, TenantIdForLog.Of(tenant));
                    context.Fail("The token's tenant is not in Bot:AllowedTenants.");
                }

                return Task.CompletedTask;
            },
            OnAuthenticationFailed = context =>
            {
                LogRefused(logger, context.Exception.GetType().Name);
                return Task.CompletedTask;
            },
        };
        if (audiences.Count == 0)
        {
            LogNoAudience(logger);
        }
    }

    public void Configure(JwtBearerOptions options) => Configure(Options.DefaultName, options);

    // The validator reads the issuer template from {authority}/.well-known/openid-configuration when the templates above
    // do not match: the same metadata as the keys, so a test's fake answers it too.
    private static string AuthorityOf(Uri metadata) =>
        metadata.AbsoluteUri.Replace("/.well-known/openid-configuration", string.Empty, StringComparison.OrdinalIgnoreCase);

    private static bool IsLoopback(Uri address) =>
        address.IsLoopback || (IPAddress.TryParse(address.Host, out var ip) && IPAddress.IsLoopback(ip));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dashboard sign-in refused: tenant {TenantId} is not in Bot:AllowedTenants")]
    private static partial void LogTenantRefused(ILogger logger, string tenantId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dashboard sign-in refused: the Teams token did not validate ({Reason})")]
    private static partial void LogRefused(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dashboard: no MicrosoftAppId is configured, so no Teams single sign-on token can be accepted")]
    private static partial void LogNoAudience(ILogger logger);
}
