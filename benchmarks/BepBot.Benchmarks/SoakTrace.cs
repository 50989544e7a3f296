using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace BepBot.Benchmarks;

/// <summary>
/// Where a slow soak turn spent its time: every span the bots' process records (the HTTP request, the admission wait
/// before the turn span, each storage call and its attempts, an attempt's wait for a connection), kept by trace, so that
/// the slowest turns can be printed as timelines against the store cut; and the thread pool, sampled every 100 ms.
/// Printed to the console only: it explains the figures, it is not one.
/// </summary>
public sealed class SoakTrace : IDisposable
{
    private readonly ActivityListener _listener;
    private readonly ConcurrentQueue<Span> _spans = new();
    private readonly ConcurrentQueue<PoolSample> _pool = new();
    private readonly Thread _sampler;
    private volatile bool _stopping;
    private DateTime _cutAt = DateTime.MaxValue;

    public SoakTrace()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "Microsoft.AspNetCore" or "BepBot" or "System.Net.Http" or "Experimental.System.Net.Http.Connections" || source.Name.StartsWith("Azure.", StringComparison.Ordinal),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => _spans.Enqueue(new Span(
                activity.TraceId, activity.SpanId, activity.ParentSpanId, activity.Source.Name, activity.DisplayName,
                activity.StartTimeUtc, activity.Duration, activity.Status == ActivityStatusCode.Error || activity.GetTagItem("error.type") is not null,
                (activity.GetTagItem("url.full") ?? activity.GetTagItem("http.url")) as string)),
        };
        ActivitySource.AddActivityListener(_listener);

        // On a thread of its own, so that it keeps sampling when the pool's threads are all busy (or blocked).
        _sampler = new Thread(SampleThreadPool) { IsBackground = true, Name = "soak thread-pool sampler" };
        _sampler.Start();
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
            foreach (var span in byTrace[request.TraceId].Where(span => span.Start <= request.Start + request.Duration && span.Source is not ("Azure.Core.Http" or "System.Net.Http") && !IsShortConnectionWait(span)))
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
        var text = new StringBuilder("half-second after the cut: storage attempts ended (turns / background), failed; thread pool: threads, most work items queued, sampler's longest lateness\n");
        var pool = _pool.Where(sample => sample.At >= _cutAt).GroupBy(sample => (int)((sample.At - _cutAt).TotalMilliseconds / 500)).ToDictionary(group => group.Key, group => group.ToList());
        foreach (var bucket in _spans.Where(span => span.Source == "Azure.Core.Http" && span.Start >= _cutAt && span.Start < _cutAt + length)
            .GroupBy(span => (int)((span.Start + span.Duration - _cutAt).TotalMilliseconds / 500)).OrderBy(group => group.Key))
        {
            var samples = pool.GetValueOrDefault(bucket.Key) ?? [];
            var threads = samples.Count == 0 ? "-" : samples.Max(sample => sample.Threads).ToString(CultureInfo.InvariantCulture);
            var pending = samples.Count == 0 ? "-" : samples.Max(sample => sample.Pending).ToString(CultureInfo.InvariantCulture);
            var late = samples.Count == 0 ? "-" : $"{samples.Max(sample => sample.Late).TotalMilliseconds:F0} ms";
            text.AppendLine(CultureInfo.InvariantCulture, $"  {bucket.Key * 0.5,5:F1} s  {bucket.Count(span => requestTraces.Contains(span.TraceId)),5} / {bucket.Count(span => !requestTraces.Contains(span.TraceId)),5}, {bucket.Count(span => span.Failed),5};  {threads,4} {pending,6} {late,8}");
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

    // A connection found at once is not worth a line; one waited for, or opened slowly, is.
    private static bool IsShortConnectionWait(Span span) =>
        span.Source == "Experimental.System.Net.Http.Connections" && span.Duration < TimeSpan.FromMilliseconds(100);

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

    private void SampleThreadPool()
    {
        var interval = TimeSpan.FromMilliseconds(100);
        while (!_stopping)
        {
            var asleepAt = Stopwatch.GetTimestamp();
            Thread.Sleep(interval);
            // Sleeping longer than asked: the cores were too busy to wake this thread on time.
            var late = Stopwatch.GetElapsedTime(asleepAt) - interval;
            _pool.Enqueue(new PoolSample(DateTime.UtcNow, ThreadPool.ThreadCount, ThreadPool.PendingWorkItemCount, late));
        }
    }

    public void Dispose()
    {
        _stopping = true;
        _sampler.Join();
        _listener.Dispose();
    }

    private sealed record PoolSample(DateTime At, int Threads, long Pending, TimeSpan Late);

    private sealed record Span(ActivityTraceId TraceId, ActivitySpanId SpanId, ActivitySpanId ParentSpanId, string Source, string Name, DateTime Start, TimeSpan Duration, bool Failed, string? Url);
}
