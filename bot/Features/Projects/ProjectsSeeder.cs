using BepBot.Infrastructure;
using Microsoft.Extensions.Options;

namespace BepBot.Features.Projects;

/// <summary>Local play: gives an empty store the seed page's projects and centrals (invented figures marked as demo).</summary>
public sealed partial class ProjectsSeeder(
    ProjectRegisterStore register,
    IOptions<ProjectsOptions> options,
    TimeProvider clock,
    IHostEnvironment environment,
    ILogger<ProjectsSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // Not configured: do not touch the store at start, so a bot whose store is down still starts.
        if (!options.Value.SeedDemo || !DemoSeeding.IsAllowed(environment, logger, "the projects") || await register.ReadAsync(cancellationToken) is not null)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var projects = DemoProjects.Create(now);
        try
        {
            await register.SwapAsync(new ProjectRegister(projects, now, "demo"), etag: null, cancellationToken);
            LogSeeded(logger, projects.Count);
        }
        catch (Infrastructure.Storage.DocumentConflictException)
        {
            // Another instance seeded it first.
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Project register seeded with the {Count} DEMO projects and centrals (local play only)")]
    private static partial void LogSeeded(ILogger logger, int count);
}
