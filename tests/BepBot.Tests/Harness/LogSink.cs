using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace BepBot.Tests.Harness;

/// <summary>Every line of every category, with its structured values and its scopes: what an exporter could send.</summary>
public sealed class LogSink : ILoggerProvider, ISupportExternalScope
{
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public ConcurrentQueue<LogEntry> Entries { get; } = new();

    public string AllText() => string.Join('\n', Entries.Select(entry =>
        string.Join(" | ", [entry.Category, entry.Message, .. entry.State.Values.Select(value => value?.ToString()), .. entry.Scope.Values.Select(value => value?.ToString())])));

    public ILogger CreateLogger(string categoryName) => new SinkLogger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private static Dictionary<string, object?> PairsOf(object? state)
    {
        var pairs = new Dictionary<string, object?>();
        if (state is IEnumerable<KeyValuePair<string, object?>> values)
        {
            // As text at once: the redaction's values are pooled and reused after the call.
            foreach (var (key, value) in values)
            {
                pairs[key] = value?.ToString();
            }
        }

        return pairs;
    }

    private sealed class SinkLogger(LogSink sink, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => sink._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scope = new Dictionary<string, object?>();
            sink._scopes.ForEachScope((value, target) =>
            {
                foreach (var (key, item) in PairsOf(value))
                {
                    target[key] = item;
                }
            }, scope);
            sink.Entries.Enqueue(new LogEntry(category, logLevel, formatter(state, exception), exception, PairsOf(state), scope));
        }
    }
}
