using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;

namespace BepBot.Benchmarks;

/// <summary>Counts the bot's document-store operations (from its own bepbot.store.duration metric) by kind.</summary>
public sealed class StoreCallCounter : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _kindMicroseconds = new(StringComparer.Ordinal);
    private long _microseconds;

    public StoreCallCounter()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == BepBot.Infrastructure.Telemetry.BepBotMetrics.Name && instrument.Name == "bepbot.store.duration")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((_, seconds, tags, _) =>
        {
            Interlocked.Add(ref _microseconds, (long)(seconds * 1_000_000));
            foreach (var tag in tags)
            {
                if (tag.Key == "bepbot.store.operation")
                {
                    _counts.AddOrUpdate((string)tag.Value!, 1, (_, count) => count + 1);
                    _kindMicroseconds.AddOrUpdate((string)tag.Value!, (long)(seconds * 1_000_000), (_, total) => total + (long)(seconds * 1_000_000));
                }
            }
        });
        _listener.Start();
    }

    /// <summary>Operations counted so far, by kind (get, create, replace, list, claim…).</summary>
    public IReadOnlyDictionary<string, int> Counts => _counts.ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);

    public string MeanDuration() => $"{_microseconds / 1000.0 / Math.Max(1, _counts.Values.Sum()):F2} ms";

    public string PerTurn(int turns) =>
        $"{_counts.Values.Sum() / (double)turns:F1} (" +
        string.Join(", ", _counts.OrderByDescending(pair => pair.Value).Select(pair => $"{pair.Key} {pair.Value / (double)turns:F1} × {_kindMicroseconds[pair.Key] / 1000.0 / pair.Value:F2} ms")) + ")";

    public void Dispose() => _listener.Dispose();
}
