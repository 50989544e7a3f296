using System.Text.Json.Nodes;
using BepBot.Cards;

namespace BepBot.Tests.Cards;

// A template with sample data: every cards/<feature>/<name>.json with its <name>.data.json, and every
// Cases/<case>.template.json with its <case>.data.json.
internal sealed record CardSample(string Name, string TemplatePath, string DataPath)
{
    public string TemplateJson => File.ReadAllText(TemplatePath);

    public JsonNode? Data => JsonNode.Parse(File.ReadAllText(DataPath));

    public JsonObject Expand() => CardTemplate.Parse(Name, TemplateJson).Expand(Data);

    // "card:help/help"
    public static IReadOnlyList<CardSample> Cards()
    {
        var root = CardTestPaths.CardsRoot;
        return [.. Directory.EnumerateFiles(root, "*.json", SearchOption.AllDirectories)
            .Where(file => !file.EndsWith(".data.json", StringComparison.Ordinal))
            .Select(file => new CardSample(
                "card:" + Path.GetRelativePath(root, file).Replace(Path.DirectorySeparatorChar, '/')[..^".json".Length],
                file,
                file[..^".json".Length] + ".data.json"))
            .OrderBy(sample => sample.Name, StringComparer.Ordinal)];
    }

    // "case:operators"
    public static IReadOnlyList<CardSample> Cases() =>
        [.. Directory.EnumerateFiles(CardTestPaths.CasesRoot, "*.template.json")
            .Select(file => new CardSample(
                "case:" + Path.GetFileName(file)[..^".template.json".Length],
                file,
                file[..^".template.json".Length] + ".data.json"))
            .OrderBy(sample => sample.Name, StringComparer.Ordinal)];
}
