using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace BepBot.Cards;

// Every template under cards/<feature>/<name>.json, parsed once: a bad template fails the bot's start,
// not a user's chat. Files ending in .data.json are sample data, not templates.
public sealed partial class CardCatalog
{
    private const string SampleSuffix = ".data.json";

    private static readonly JsonSerializerOptions WebJson = new(JsonSerializerDefaults.Web);

    private static readonly IReadOnlySet<string> NoInputs = new HashSet<string>();

    private readonly Dictionary<string, CardTemplate> _templates;

    private readonly Dictionary<string, IReadOnlySet<string>> _inputsByVerb;

    public CardCatalog(string cardsRootDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(cardsRootDirectory);
        var root = Path.GetFullPath(cardsRootDirectory);
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"Card templates folder '{root}' does not exist.");
        }

        _templates = new Dictionary<string, CardTemplate>(StringComparer.Ordinal);
        var files = Directory.EnumerateFiles(root, "*.json", SearchOption.AllDirectories)
            .Where(file => !file.EndsWith(SampleSuffix, StringComparison.OrdinalIgnoreCase))
            .Select(file => (File: file, Name: NameOf(root, file)))
            .OrderBy(entry => entry.Name, StringComparer.Ordinal);
        foreach (var (file, name) in files)
        {
            _templates.Add(name, CardTemplate.Parse(name, File.ReadAllText(file)));
        }

        Names = [.. _templates.Keys];
        _inputsByVerb = _templates.Values
            .SelectMany(template => template.InputsByVerb)
            .GroupBy(entry => entry.Key, StringComparer.Ordinal)
            .ToDictionary(
                verb => verb.Key,
                IReadOnlySet<string> (verb) => verb.SelectMany(entry => entry.Value).ToHashSet(StringComparer.Ordinal),
                StringComparer.Ordinal);
    }

    /// <summary>The ids of the inputs a click on <paramref name="verb"/> may bring along, from every card that carries it.</summary>
    public IReadOnlySet<string> InputsCarriedBy(string verb) =>
        _inputsByVerb.TryGetValue(verb, out var inputs) ? inputs : NoInputs;

    // "common/error", "help/help", ... sorted.
    public IReadOnlyCollection<string> Names { get; }

    public CardTemplate Get(string name) => _templates.TryGetValue(name, out var template)
        ? template
        : throw new KeyNotFoundException(
            $"No card template named '{name}'. Known templates: {string.Join(", ", Names)}.");

    // The data is serialized like the web APIs do (camelCase), so a record's Title binds as ${title}.
    public JsonObject Render(string name, object data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var template = Get(name);
        var card = template.Expand(JsonSerializer.SerializeToNode(data, data.GetType(), WebJson));
        TidySpokenText(card, "speak");
        TidySpokenText(card, "fallbackText");
        return card;
    }

    // Templates join a title and a message with ". " for screen readers; a title that already ends a sentence
    // (« Votre export est prêt. », « Voter ? ») must not be read with a second stop.
    private static void TidySpokenText(JsonObject card, string property)
    {
        if (card[property] is JsonValue value && value.TryGetValue<string>(out var text))
        {
            card[property] = DoubledStop().Replace(text, "$1");
        }
    }

    [GeneratedRegex(@"([.!?…])\.(?=\s|$)")]
    private static partial Regex DoubledStop();

    private static string NameOf(string root, string file)
    {
        var relative = Path.GetRelativePath(root, file).Replace(Path.DirectorySeparatorChar, '/');
        return relative[..^".json".Length];
    }
}
