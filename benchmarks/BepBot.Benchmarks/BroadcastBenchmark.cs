using System.Diagnostics;
using System.Globalization;
using BepBot.Infrastructure.Scheduling;
using BepBot.Platform.Delivery;
using BepBot.Tests.Broadcasts;
using BepBot.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;

namespace BepBot.Benchmarks;

/// <summary>
/// A broadcast to N recipients against a fake Teams connector that allows L requests per second and answers
/// 429 (Retry-After: 1) beyond it, like Teams' per-bot limit. Prints the rate achieved, duplicates and losses.
/// </summary>
public static class BroadcastBenchmark
{
    /// <param name="store">LocalFolder (the embedded default: local store and durable local queue) or Blob (Azurite's blob and queue services).</param>
    public static async Task<IReadOnlyList<(string Name, string Value)>> RunAsync(int recipients, int limitPerSecond, string store)
    {
        await using var connector = await FakeTeamsConnector.StartAsync();
        connector.RequestsPerSecondLimit = limitPerSecond;
        connector.RetryAfterSeconds = 1;
        await using var bot = new BotApplication(settings: new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Warning",
            ["Scheduling:PollInterval"] = "00:00:00.500",
            ["Broadcasts:StatusRefreshInterval"] = "00:00:03",
            ["Storage:Provider"] = store,
            ["Storage:LocalFolder"] = Path.Combine(Path.GetTempPath(), "bepbot-bench-" + Guid.NewGuid().ToString("N")),
        });

        Console.WriteLine($"Seeding {recipients} officers and their conversations…");
        var conversations = await BroadcastSteps.SeedOfficersAsync(bot.Store, connector.ServiceUrl, recipients);
        var broadcasts = bot.Services.GetRequiredService<BroadcastStore>();
        var scheduler = bot.Services.GetRequiredService<JobBook>();
        var id = BroadcastStore.NewId();
        var now = DateTimeOffset.UtcNow;
        await broadcasts.CreateAsync(new Broadcast(id, "Benchmark", "Message de test.", new Audience(AudienceKind.AllOfficers), TeamsUser.Alex.AadObjectId, "Alex Wilber", now, null, BroadcastState.Scheduled));

        Console.WriteLine("Broadcasting…");
        var clock = Stopwatch.StartNew();
        await scheduler.ScheduleAsync(LaunchBroadcastJob.JobKind, LaunchBroadcastJob.JobIdOf(id), now, id);
        await BroadcastSteps.WaitForStateAsync(bot, id, BroadcastState.Completed, TimeSpan.FromSeconds(recipients / 20.0 + 180));
        clock.Stop();

        var announcements = connector.Requests.Where(request => request.ConversationId.StartsWith("a:officer-", StringComparison.Ordinal)).ToList();
        var delivered = announcements.Where(request => request.Status is >= 200 and < 300).ToList();
        var sendingWindow = (delivered.Max(request => request.At) - delivered.Min(request => request.At)).TotalSeconds;
        var perConversation = delivered.GroupBy(request => request.ConversationId).ToDictionary(group => group.Key, group => group.Count());
        var duplicates = perConversation.Values.Sum(count => count - 1);
        var losses = conversations.Count(conversation => !perConversation.ContainsKey(conversation));
        var rate = (delivered.Count - 1) / sendingWindow;
        return
        [
            ("recipients", recipients.ToString(CultureInfo.InvariantCulture)),
            ("store and queue", store == "Blob" ? "Azurite 3.35 (blob + queue + table), in memory" : "local folder store + durable local folder queue (the embedded default)"),
            ("connector limit", $"{limitPerSecond} requests/s, 429 with Retry-After: 1 beyond it"),
            ("total time (launch to completed)", $"{clock.Elapsed.TotalSeconds:F1} s"),
            ("sending window (first to last delivered)", $"{sendingWindow:F1} s"),
            ("messages/s delivered", rate.ToString("F1", CultureInfo.InvariantCulture)),
            ("ratio to the limit", $"{rate / limitPerSecond:P1}"),
            ("429 answers", announcements.Count(request => request.Status == 429).ToString(CultureInfo.InvariantCulture)),
            ("duplicates", duplicates.ToString(CultureInfo.InvariantCulture)),
            ("losses", losses.ToString(CultureInfo.InvariantCulture)),
        ];
    }
}
