using BepBot.Chat;

namespace BepBot.Platform.Reachability;

/// <summary>
/// The whole roster's reachability for a page that shows it all (the staff tab's « Annuaire »). Reading it costs one
/// read per member, seconds for a thousand people, so the page shows the last reading while a newer one is taken in the
/// background, one at a time, once that reading is older than <see cref="FreshFor"/>. A changed roster is read at once.
/// The chat's previews before a send keep reading now (<see cref="ReachabilityCheck"/>).
/// </summary>
public sealed class ReachabilitySnapshot(ReachabilityCheck check, TimeProvider clock)
{
    public static readonly TimeSpan FreshFor = TimeSpan.FromSeconds(30);

    private readonly Lock _lock = new();
    private ReachabilityReading? _last;
    private Task<ReachabilityReading>? _taking;

    public async Task<ReachabilityReading> OfAsync(IReadOnlyList<Member> members, CancellationToken cancellationToken = default)
    {
        Task<ReachabilityReading> taking;
        lock (_lock)
        {
            var last = _last;
            var sameRoster = last is not null && last.Members.SequenceEqual(members);
            if (sameRoster && clock.GetUtcNow() - last!.At < FreshFor)
            {
                return last;
            }

            if (_taking is null || _taking.IsCompleted)
            {
                // Not the request's token: the reading serves whoever asks next, even if this request is gone.
                _taking = Task.Run(() => TakeAsync(members));
            }

            if (sameRoster)
            {
                return last!;
            }

            taking = _taking;
        }

        var reading = await taking.WaitAsync(cancellationToken);
        return reading.Members.SequenceEqual(members) ? reading : await TakeAsync(members);
    }

    private async Task<ReachabilityReading> TakeAsync(IReadOnlyList<Member> members)
    {
        var at = clock.GetUtcNow();
        var reading = new ReachabilityReading([.. members], await check.OfAsync(members), at);
        lock (_lock)
        {
            if (_last is null || _last.At <= at)
            {
                _last = reading;
            }
        }

        return reading;
    }
}
