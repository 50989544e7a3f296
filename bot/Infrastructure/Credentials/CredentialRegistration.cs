namespace BepBot.Infrastructure.Credentials;

public static class CredentialRegistration
{
    public static IHostApplicationBuilder AddCredentialExpiry(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<CredentialOptions>()
            .Bind(builder.Configuration.GetSection(CredentialOptions.Section))
            .Validate(
                options => options.WarningPeriod >= TimeSpan.Zero && options.CheckInterval > TimeSpan.Zero,
                "Credentials: WarningPeriod must not be negative and CheckInterval must be positive.")
            .ValidateOnStart();
        builder.Services.AddSingleton<CredentialExpiries>();
        builder.Services.AddHostedService<CredentialExpiryWatch>();
        return builder;
    }
}
