using System.Diagnostics;
using Microsoft.Extensions.Options;

namespace BepBot.Features.Votes;

/// <summary>
/// Seals the audit journals in the background, so that a vote's reply never waits for the chain. Sealing is
/// bookkeeping that competes with the votes for the store, and the journal is already durable: a ballot is sealed once
/// its events pause (<see cref="VotesOptions.AuditSealQuiet"/>), or at the latest <see cref="VotesOptions.AuditSealMaxDelay"/>
/// after its first unsealed event. The close, the exports and the verification seal at once themselves.
/// </summary>
public sealed partial class AuditSealer(AuditLog audit, IOptions<VotesOptions> options, ILogger<AuditSealer> logger) : BackgroundService
{
    // Real time on purpose: this is about load on the store, not about the ballot's clock.
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var waiting = new Dictionary<string, PendingSeal>(StringComparer.Ordinal);
        while (!stoppingToken.IsCancellationRequested)
        {
            while (audit.PendingBallots.TryRead(out var ballotId))
            {
                var now = _clock.Elapsed;
                waiting[ballotId] = waiting.TryGetValue(ballotId, out var pending) ? pending with { LastEvent = now } : new PendingSeal(now, now);
            }

            var due = waiting.Where(pair => DueAt(pair.Value) <= _clock.Elapsed).Select(pair => pair.Key).ToList();
            foreach (var ballotId in due)
            {
                waiting.Remove(ballotId);
                await SealAsync(ballotId, stoppingToken);
            }

            if (due.Count == 0 && !await NextEventAsync(waiting.Count == 0 ? null : waiting.Values.Min(DueAt) - _clock.Elapsed, stoppingToken))
            {
                return;
            }
        }
    }

    private TimeSpan DueAt(PendingSeal pending) =>
        TimeSpan.FromTicks(Math.Min((pending.LastEvent + options.Value.AuditSealQuiet).Ticks, (pending.FirstEvent + options.Value.AuditSealMaxDelay).Ticks));

    /// <returns>False once the journal channel is closed.</returns>
    private async Task<bool> NextEventAsync(TimeSpan? timeout, CancellationToken stoppingToken)
    {
        using var waitLimit = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        if (timeout is { } limit)
        {
            waitLimit.CancelAfter(limit > TimeSpan.Zero ? limit : TimeSpan.Zero);
        }

        try
        {
            return await audit.PendingBallots.WaitToReadAsync(waitLimit.Token);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            return true;
        }
    }

    private async Task SealAsync(string ballotId, CancellationToken stoppingToken)
    {
        try
        {
            await audit.SealAsync(ballotId, wait: false, stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The journal stays: the next event, the close or a verification seals it.
            LogSealFailed(logger, ex, ballotId);
        }
    }

    private sealed record PendingSeal(TimeSpan FirstEvent, TimeSpan LastEvent);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sealing the audit log of ballot {BallotId} failed; it will be retried")]
    private static partial void LogSealFailed(ILogger logger, Exception exception, string ballotId);
}
