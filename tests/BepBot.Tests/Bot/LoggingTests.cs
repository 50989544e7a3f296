using System.Collections.Concurrent;
using BepBot.Teams;
using BepBot.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BepBot.Tests.Bot;

public sealed class LoggingTests
{
    [Fact]
    public async Task Turn_Logs_CarryActivityConversationAndHashedUserNeverTheName()
    {
        var sink = new ScopeSink();
        await using var bot = new BotApplication().WithServices(services => services.AddSingleton<ILoggerProvider>(sink));
        using var teams = bot.CreateTeamsClient();

        await teams.SayAsync(TeamsUser.Patti, "blabla", activityId: "activity-42");

        var entry = sink.Entries.First(entry => entry.Message.Contains("No command matched", StringComparison.Ordinal));
        entry.Scope["ActivityId"].ShouldBe("activity-42");
        entry.Scope["ConversationId"].ShouldBe(TeamsClient.ConversationIdFor(TeamsUser.Patti, ConversationType.Personal));
        entry.Scope["UserHash"].ShouldBe(LogScopeMiddleware.HashOf(TeamsUser.Patti.AadObjectId));
        sink.Entries.ShouldNotContain(logged => logged.Message.Contains("Patti", StringComparison.Ordinal) || logged.Scope.Values.Any(value => value != null && value.ToString()!.Contains("Patti", StringComparison.Ordinal)));
    }

    private sealed record Entry(string Message, IReadOnlyDictionary<string, object?> Scope);

    private sealed class ScopeSink : ILoggerProvider, ISupportExternalScope
    {
        private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

        public ConcurrentQueue<Entry> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new SinkLogger(this);

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

        public void Dispose()
        {
        }

        private sealed class SinkLogger(ScopeSink sink) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => sink._scopes.Push(state);

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var scope = new Dictionary<string, object?>();
                sink._scopes.ForEachScope(
                    (value, target) =>
                    {
                        if (value is IEnumerable<KeyValuePair<string, object?>> pairs)
                        {
                            foreach (var (key, item) in pairs)
                            {
                                target[key] = item;
                            }
                        }
                    },
                    scope);
                sink.Entries.Enqueue(new Entry(formatter(state, exception), scope));
            }
        }
    }
}
