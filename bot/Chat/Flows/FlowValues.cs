
namespace BepBot.Chat.Flows;

/// <summary>The answers collected so far, by step name.</summary>
public sealed class FlowValues(IReadOnlyDictionary<string, string> values)
{
    public string? this[string step] => values.GetValueOrDefault(step);

    public string Required(string step) =>
        values.TryGetValue(step, out var value) ? value : throw new InvalidOperationException($"Flow value '{step}' is missing.");

    public bool Has(string step) => values.ContainsKey(step);
}
