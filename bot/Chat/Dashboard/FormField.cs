namespace BepBot.Chat.Dashboard;

/// <param name="Hint">Says what to enter (and is what an error repeats), e.g. « Un fichier .csv : email,name,role,commune ».</param>
/// <param name="Options">For <see cref="FormFieldKind.Choice"/>: value → label.</param>
public sealed record FormField(
    string Name,
    string Label,
    FormFieldKind Kind,
    bool Required = false,
    string? Hint = null,
    IReadOnlyDictionary<string, string>? Options = null,
    string? Value = null);
