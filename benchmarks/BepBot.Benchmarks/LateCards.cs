using System.Diagnostics;
using BepBot.Tests.Harness;

namespace BepBot.Benchmarks;

/// <summary>
/// Clicks answered « Demande prise en compte » (their work outlasted the wait): each such card must then be replaced
/// exactly once by a PUT of the clicked message. Waits for all of them and counts the mistakes.
/// </summary>
public static class LateCards
{
    public static bool IsPending(BotResponse response) =>
        response.UpdatedCard is { } card && CardReader.AllText(card).Contains("Demande prise en compte", StringComparison.Ordinal);

    /// <returns>When the last one was replaced (on <paramref name="since"/>), how many never were, and how many twice.</returns>
    public static async Task<(TimeSpan LastReplaced, int NeverReplaced, int ReplacedTwice)> WaitAsync(
        FakeTeamsConnector connector, IReadOnlyCollection<string> cardActivityIds, Stopwatch since, TimeSpan timeout)
    {
        var lastReplaced = since.Elapsed;
        var giveUp = since.Elapsed + timeout;
        while (cardActivityIds.Any(id => connector.UpdatesOf(id).Count == 0) && since.Elapsed < giveUp)
        {
            await Task.Delay(100);
            lastReplaced = since.Elapsed;
        }

        // Late enough for a second PUT of the same card to have shown up.
        await Task.Delay(TimeSpan.FromSeconds(2));
        return (lastReplaced, cardActivityIds.Count(id => connector.UpdatesOf(id).Count == 0), cardActivityIds.Count(id => connector.UpdatesOf(id).Count > 1));
    }
}
