using Microsoft.Extensions.Logging;

namespace BepBot.Tests.Harness;

/// <summary>One log line as an exporter would see it.</summary>
public sealed record LogEntry(
    string Category, LogLevel Level, string Message, Exception? Exception, IReadOnlyDictionary<string, object?> State, IReadOnlyDictionary<string, object?> Scope);
