using System.Globalization;
using System.Text.Json.Nodes;
using BepBot.Chat;
using BepBot.Infrastructure.Storage;
using BepBot.Platform.Delivery;

namespace BepBot.Benchmarks;

/// <summary>
/// A card about a subject that can close, like a seminar's « S'inscrire » card: open, it carries the button; closed, it
/// says so without one. Rendered from the subject's document at each delivery (one store read, as the features' cards),
/// so the broadcast engine's pace, claims, card index and updates are measured without a feature's own rendering cost.
/// </summary>
public sealed class BenchmarkCardContent(IDocumentStore store) : IBroadcastContent
{
    public const string ContentKind = "benchmark.card";

    /// <summary>The verb of the button an open card carries: a card that shows it still offers the closed subject.</summary>
    public const string OpenVerb = "benchmark.register";

    public string Kind => ContentKind;

    public static string KeyOf(string subjectId) => "benchmark/subjects/" + subjectId;

    public string? SubjectOf(string reference) => SubjectOfId(reference);

    public static string SubjectOfId(string subjectId) => "benchmark:" + subjectId;

    public Task<OutgoingMessage?> RenderAsync(string reference, string recipientKey, CultureInfo culture, CancellationToken cancellationToken) =>
        RenderCurrentAsync(reference, cancellationToken);

    public Task<OutgoingMessage?> RenderUpdateAsync(string reference, string recipientKey, CultureInfo culture, CancellationToken cancellationToken) =>
        RenderCurrentAsync(reference, cancellationToken);

    private async Task<OutgoingMessage?> RenderCurrentAsync(string subjectId, CancellationToken cancellationToken)
    {
        if ((await store.GetAsync<Subject>(KeyOf(subjectId), cancellationToken))?.Value is not { } subject)
        {
            return null;
        }

        var state = subject.Open ? "inscriptions ouvertes" : "inscriptions closes";
        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["version"] = "1.5",
            ["body"] = new JsonArray(new JsonObject { ["type"] = "TextBlock", ["text"] = $"{subject.Title} : {state}", ["wrap"] = true }),
            ["actions"] = subject.Open
                ? new JsonArray(new JsonObject { ["type"] = "Action.Execute", ["title"] = "S'inscrire", ["verb"] = OpenVerb, ["data"] = new JsonObject { ["subjectId"] = subjectId } })
                : new JsonArray(),
        };
        return new OutgoingMessage($"{subject.Title} : {state}", card, Alert: true);
    }

    /// <summary>benchmark/subjects/{id}: what the cards show.</summary>
    public sealed record Subject(string Title, bool Open);
}
