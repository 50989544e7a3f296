using System.Security.Cryptography;
using Microsoft.Extensions.Compliance.Classification;
using Microsoft.Extensions.Compliance.Redaction;

namespace BepBot.Infrastructure.Telemetry;

/// <summary>
/// Logs keep people's privacy: outside Development, names and e-mail addresses are erased and ids become an HMAC of
/// fixed length (keyed by <c>Telemetry:LogHashKey</c>, so that the same person has the same pseudonym on every instance
/// and after a restart). Development keeps them readable for local play.
/// </summary>
public static class LogRedactionRegistration
{
    public const string HashKeyKey = TelemetryOptions.Section + ":" + nameof(TelemetryOptions.LogHashKey);

    public static IHostApplicationBuilder AddLogRedaction(this IHostApplicationBuilder builder)
    {
        builder.Logging.EnableRedaction();
        var personal = new DataClassificationSet(LogData.Personal);
        var pseudonymous = new DataClassificationSet(LogData.Pseudonymous);
        builder.Services.AddSingleton<LogPseudonyms>();
        if (builder.Environment.IsDevelopment())
        {
            builder.Services.AddRedaction(redaction => redaction.SetRedactor<NullRedactor>(personal, pseudonymous));
            return builder;
        }

        builder.Services.AddRedaction(redaction =>
        {
            redaction.SetRedactor<ErasingRedactor>(personal);
            redaction.SetHmacRedactor(_ => { }, pseudonymous);
        });
        // Read when the options are built, so that every configuration source (Key Vault references, tests) has its say.
        var processKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
        builder.Services.AddOptions<HmacRedactorOptions>().Configure<IConfiguration>((options, configuration) =>
        {
            options.KeyId = 1;
            options.Key = ConfiguredKey(configuration) ?? processKey;
        });
        builder.Services.AddHostedService<LogHashKeyWarning>();
        return builder;
    }

    /// <summary>The configured key when it is one: at least 32 bytes of base64, not an unresolved Key Vault reference.</summary>
    public static string? ConfiguredKey(IConfiguration configuration)
    {
        var key = configuration[HashKeyKey];
        var bytes = new byte[key?.Length ?? 0];
        return key is not null && Convert.TryFromBase64String(key, bytes, out var length) && length >= 32 ? key : null;
    }
}
