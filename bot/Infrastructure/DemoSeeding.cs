namespace BepBot.Infrastructure;

/// <summary>
/// Demonstration data never enters a production store, whatever a <c>SeedDemo</c> key says: a demo roster would make
/// the Agents Playground's well-known object ids BEP staff.
/// </summary>
public static partial class DemoSeeding
{
    public static bool IsAllowed(IHostEnvironment environment, ILogger logger, string what)
    {
        if (!environment.IsProduction())
        {
            return true;
        }

        LogRefusedInProduction(logger, what);
        return false;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo seed of {What} refused: the environment is Production; remove its SeedDemo setting")]
    private static partial void LogRefusedInProduction(ILogger logger, string what);
}
