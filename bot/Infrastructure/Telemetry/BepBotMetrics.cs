using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace BepBot.Infrastructure.Telemetry;

/// <summary>
/// BepBot's own traces and metrics, under the name "BepBot": turn latency, document-store latency and broadcast
/// progress. Durations are in seconds, as OpenTelemetry's conventions ask, with bucket boundaries sized for a
/// chat bot (milliseconds to seconds).
/// </summary>
public sealed class BepBotMetrics
{
    public const string Name = "BepBot";

    public static readonly ActivitySource ActivitySource = new(Name);

    private static readonly InstrumentAdvice<double> DurationAdvice = new()
    {
        HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    };

    private readonly Histogram<double> _turnDuration;
    private readonly Histogram<double> _storeDuration;
    private readonly Counter<long> _deliveries;

    // From IMeterFactory: the meter belongs to this host, so two bots in one process (tests) keep separate figures.
    public BepBotMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(Name);
        _turnDuration = meter.CreateHistogram("bepbot.turn.duration", "s",
            "Time the bot takes to handle one activity from Teams, middleware included.", advice: DurationAdvice);
        _storeDuration = meter.CreateHistogram("bepbot.store.duration", "s",
            "Time of one document-store operation (Blob Storage or the local folder).", advice: DurationAdvice);
        _deliveries = meter.CreateCounter<long>("bepbot.broadcast.deliveries", "{delivery}",
            "Broadcast deliveries that reached a final status (sent, failed, unreachable).");
    }

    public void RecordTurn(string activityType, string outcome, TimeSpan elapsed) =>
        _turnDuration.Record(elapsed.TotalSeconds,
            new KeyValuePair<string, object?>("bepbot.activity.type", activityType),
            new KeyValuePair<string, object?>("bepbot.outcome", outcome));

    public void RecordStoreOperation(string operation, string outcome, TimeSpan elapsed) =>
        _storeDuration.Record(elapsed.TotalSeconds,
            new KeyValuePair<string, object?>("bepbot.store.operation", operation),
            new KeyValuePair<string, object?>("bepbot.outcome", outcome));

    public void RecordDelivery(string status) =>
        _deliveries.Add(1, new KeyValuePair<string, object?>("bepbot.delivery.status", status));
}
