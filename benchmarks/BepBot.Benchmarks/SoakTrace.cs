using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace BepBot.Benchmarks;

/// <summary>
/// Where a slow soak turn spent its time: every span the bots' process records (the HTTP request, the admission wait
/// before the turn span, each storage call and its attempts), kept by trace, so that the slowest turns can be printed
/// as timelines against the store cut. Printed to the console only: it explains the figures, it is not one.
/// </summary>
public sealed class SoakTrace : IDisposable
{
    private readonly ActivityListener _listener;
    private readonly ConcurrentQueue<Span> _spans = new();
    private DateTime _cutAt = DateTime.MaxValue;

    public SoakTrace()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "Microsoft.AspNetCore" or "BepBot" || source.Name.StartsWith("Azure.", StringComparison.Ordinal),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => _spans.Enqueue(new Span(
                activity.TraceId, activity.SpanId, activity.ParentSpanId, activity.Source.Name, activity.DisplayName,
                activity.StartTimeUtc, activity.Duration, activity.Status == ActivityStatusCode.Error || activity.GetTagItem("error.type") is not null,
                (activity.GetTagItem("url.full") ?? activity.GetTagItem("http.url")) as string)),
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public void NoteCut() => _cutAt = DateTime.UtcNow;

    /// <summary>The <paramref name="count"/> slowest requests to the bots, each as a timeline of its spans.</summary>
    public string SlowestTurns(int count)
    {
        var byTrace = _spans.GroupBy(span => span.TraceId).ToDictionary(group => group.Key, group => group.OrderBy(span => span.Start).ToList());
        var requests = byTrace.Values
            .Select(spans => spans.FirstOrDefault(span => span.Source == "Microsoft.AspNetCore"))
            .OfType<Span>()
            .OrderByDescending(request => request.Duration)
            .Take(count);
        var text = new StringBuilder();
        foreach (var request in requests)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"request of {request.Duration.TotalSeconds:F1} s, begun {Seconds(request.Start - _cutAt)} relative to the cut");
            foreach (var span in byTrace[request.TraceId].Where(span => span.Start <= request.Start + request.Duration && span.Source != "Azure.Core.Http"))
            {
                var attempts = byTrace[request.TraceId].Where(attempt => attempt.Source == "Azure.Core.Http" && attempt.ParentSpanId == span.SpanId).ToList();
                var tries = attempts.Count > 1 ? $", {attempts.Count} attempts ({attempts.Count(attempt => attempt.Failed)} failed)" : string.Empty;
                var last = attempts.LastOrDefault();
                var lastAttempt = last is null ? string.Empty : $", last attempt at {Seconds(last.Start - request.Start)} for {last.Duration.TotalMilliseconds:F0} ms {Path(last.Url)}";
                text.AppendLine(CultureInfo.InvariantCulture, $"  {Seconds(span.Start - request.Start),8} {span.Duration.TotalMilliseconds,8:F0} ms  {span.Name}{(span.Failed ? " (failed)" : string.Empty)}{tries}{lastAttempt}");
            }
        }

        return text.ToString();
    }

    /// <summary>Storage requests per half second after the cut, those of turns and those of background work apart.</summary>
    public string StoreTrafficAfterCut(TimeSpan length)
    {
        var requestTraces = RequestTraces();
        var text = new StringBuilder("half-second after the cut: storage attempts ended (turns / background), failed\n");
        foreach (var bucket in _spans.Where(span => span.Source == "Azure.Core.Http" && span.Start >= _cutAt && span.Start < _cutAt + length)
            .GroupBy(span => (int)((span.Start + span.Duration - _cutAt).TotalMilliseconds / 500)).OrderBy(group => group.Key))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {bucket.Key * 0.5,5:F1} s  {bucket.Count(span => requestTraces.Contains(span.TraceId)),5} / {bucket.Count(span => !requestTraces.Contains(span.TraceId)),5}, {bucket.Count(span => span.Failed),5}");
        }

        return text.ToString();
    }

    /// <summary>Background storage requests that ended in the <paramref name="window"/> after the store came back, by what they touched.</summary>
    public string BackgroundAfterCut(TimeSpan outage, TimeSpan window)
    {
        var requestTraces = RequestTraces();
        var back = _cutAt + outage;
        var text = new StringBuilder($"background storage requests ended in the {window.TotalSeconds:F0} s after the store came back, by path (count, mean ms):\n");
        foreach (var group in _spans
            .Where(span => span.Source == "Azure.Core.Http" && !requestTraces.Contains(span.TraceId) && span.Start + span.Duration >= back && span.Start + span.Duration < back + window)
            .GroupBy(span => Kind(span.Url))
            .OrderByDescending(group => group.Count()))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {group.Count(),5}  {group.Average(span => span.Duration.TotalMilliseconds),7:F0}  {group.Key}");
        }

        return text.ToString();
    }

    // The traces that began with a request to the bots: a turn's; any other is background work.
    private HashSet<ActivityTraceId> RequestTraces() =>
        _spans.Where(span => span.Source == "Microsoft.AspNetCore").Select(span => span.TraceId).ToHashSet();

    // What a request touched, without whose it was: the service's first path segments and the query's operation.
    private static string Kind(string? url)
    {
        if (url is null)
        {
            return "?";
        }

        var uri = new Uri(url);
        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).Skip(2).Take(2);
        var operation = System.Web.HttpUtility.ParseQueryString(uri.Query)["comp"] ?? string.Empty;
        return $"{uri.Port} {string.Join('/', segments)} {operation}";
    }

    // The document's blob or table, shortened: which store call it was, not whose.
    private static string Path(string? url)
    {
        var path = url is null ? string.Empty : new Uri(url).AbsolutePath;
        return path.Length > 90 ? path[..90] : path;
    }

    private static string Seconds(TimeSpan offset) => $"{(offset < TimeSpan.Zero ? "-" : "+")}{Math.Abs(offset.TotalSeconds):F3} s";

    public void Dispose() => _listener.Dispose();

    private sealed record Span(ActivityTraceId TraceId, ActivitySpanId SpanId, ActivitySpanId ParentSpanId, string Source, string Name, DateTime Start, TimeSpan Duration, bool Failed, string? Url);
}
