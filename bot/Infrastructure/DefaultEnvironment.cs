namespace BepBot.Infrastructure;

/// <summary>
/// `dotnet run` applies bot/Properties/launchSettings.json, whose variables override the shell's: a profile that set
/// ASPNETCORE_ENVIRONMENT would turn `ASPNETCORE_ENVIRONMENT=Production dotnet run` into a Development start, demo
/// roster included. The profile sets BEPBOT_DEFAULT_ENVIRONMENT instead, which applies only when nothing else names
/// the environment (ASPNETCORE_ENVIRONMENT, DOTNET_ENVIRONMENT or --environment).
/// </summary>
public static class DefaultEnvironment
{
    public const string Variable = "BEPBOT_DEFAULT_ENVIRONMENT";

    public static string? For(string[] args)
    {
        var named = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT")
            ?? Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT")
            ?? new ConfigurationBuilder().AddCommandLine(args).Build()[HostDefaults.EnvironmentKey];
        return string.IsNullOrWhiteSpace(named) ? NullIfBlank(Environment.GetEnvironmentVariable(Variable)) : null;
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
