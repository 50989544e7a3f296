namespace BepBot.Platform.Delivery;

/// <summary>The features' broadcast contents by kind: how a delivery renders its card, and what the card is about.</summary>
public sealed class BroadcastContents(IEnumerable<IBroadcastContent> contents)
{
    private readonly Dictionary<string, IBroadcastContent> _byKind = contents.ToDictionary(content => content.Kind, StringComparer.Ordinal);

    public IBroadcastContent Of(string kind) =>
        _byKind.TryGetValue(kind, out var content) ? content : throw new InvalidOperationException($"No IBroadcastContent is registered for '{kind}'.");

    public string? SubjectOf(BroadcastContent content) =>
        _byKind.TryGetValue(content.Kind, out var renderer) ? renderer.SubjectOf(content.Reference) : null;
}
