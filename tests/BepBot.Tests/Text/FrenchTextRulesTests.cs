using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using BepBot.Infrastructure.Text;
using BepBot.Tests.Cards;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BepBot.Tests.Text;

/// <summary>
/// Every French resource text, worded by the bot with sample values, and every card with its sample data follow the
/// rules of docs/french.md: French spacing, elision before a name, plurals chosen by the count, dates written one way.
/// </summary>
public sealed partial class FrenchTextRulesTests
{
    // A value that asks for an elision (« de » + « Éghezée »), and a count of one (« 1 » + a plural noun).
    private const string SampleName = "Éghezée";

    private static readonly MessageLocalizerFactory Localizers = new(new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance));

    // Card properties that are not read by anyone: identifiers, verbs, addresses.
    private static readonly HashSet<string> NotShown = new(StringComparer.Ordinal) { "$schema", "type", "version", "id", "verb", "url", "iconUrl", "data" };

    public static TheoryData<string> FrenchResources()
    {
        var bot = Path.Combine(CardTestPaths.RepositoryRoot, "bot");
        return [.. Directory.EnumerateFiles(bot, "*Texts.resx", SearchOption.AllDirectories)
            .Where(path => !path.Contains("/obj/", StringComparison.Ordinal) && !path.Contains("/bin/", StringComparison.Ordinal))
            .Select(path => Path.GetRelativePath(bot, path))
            .Order(StringComparer.Ordinal)];
    }

    public static TheoryData<string> CardNames() => [.. CardSample.Cards().Select(sample => sample.Name)];

    [Theory]
    [MemberData(nameof(FrenchResources))]
    public void Resource_WordedInFrenchWithSampleValues_FollowsTheFrenchRules(string relativePath)
    {
        var localizer = Localizers.Create(ResourceType(relativePath));
        var problems = new List<string>();
        using (CultureScope.Use(Cultures.French))
        {
            foreach (var (key, text) in Load(Path.Combine(CardTestPaths.RepositoryRoot, "bot", relativePath)))
            {
                var placeholders = Placeholder().Matches(text).Select(match => int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
                var count = placeholders.Count == 0 ? 0 : placeholders.Max() + 1;
                var counted = PluralOf().Matches(text).Select(match => int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
                var withNames = Enumerable.Range(0, count).Select(index => counted.Contains(index) ? 1 : (object)SampleName).ToArray();
                var withOnes = Enumerable.Range(0, count).Select(object (_) => 1).ToArray();
                foreach (var worded in new[] { localizer[key, withNames].Value, localizer[key, withOnes].Value })
                {
                    problems.AddRange(FrenchTextRules.Problems(worded).Select(problem => $"{key}: {problem}"));
                }
            }
        }

        problems.Distinct().ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(CardNames))]
    public void CardSample_Expanded_FollowsTheFrenchRules(string name)
    {
        var card = CardSample.Cards().Single(sample => sample.Name == name).Expand();

        ShownTexts(card, "$").SelectMany(shown => FrenchTextRules.Problems(shown.Text).Select(problem => $"{shown.Path}: {problem}")).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("Quel est le rôle de Anne Dupont\u202F?", "elision")]
    [InlineData("Commune de Eghezée", "elision")]
    [InlineData("bourgmestre de Yvoir", "elision")]
    [InlineData("Centre culturel de Hastière", "elision")]
    [InlineData("Voulez-vous continuer ?", "ordinary space")]
    [InlineData("Voulez-vous continuer?", "no space")]
    [InlineData("Voulez-vous continuer\u00A0?", "narrow no-break space")]
    [InlineData("Rappel : demain", "ordinary space")]
    [InlineData("Rappel\u202F: demain", "narrow space before :")]
    [InlineData("Le vote « Budget\u00A0» est clos.", "« not followed")]
    [InlineData("Le vote «\u00A0Budget » est clos.", "» not preceded")]
    [InlineData("1 destinataire(s) n'ont pas reçu le message.", "(s)")]
    [InlineData("Il reste 1 places.", "« 1 » with a plural")]
    [InlineData("lundi 1 mars 2027 à 9\u00A0h\u00A030", "1er")]
    [InlineData("lundi 2 mars 2027 à 09h30", "time written 14h00")]
    [InlineData("lundi 2 mars 2027 à 14:00", "after « à »")]
    [InlineData("Population, années 2024 à 2024", "one year")]
    [InlineData("La conférence prévue le (date encore à fixer) est annulée.", "le (…)")]
    public void Rules_TextWithAFault_AreNamed(string text, string rule)
    {
        FrenchTextRules.Problems(text).ShouldContain(problem => problem.Contains(rule, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Quel est le rôle d'Anne Dupont\u202F?")]
    [InlineData("Commune de Havelange, commune de Houyet, commune d'Hastière, commune de Yannick")]
    [InlineData("Voulez-vous continuer\u202F? Oui\u202F! Non\u202F; peut-être\u00A0: «\u00A0non\u00A0».")]
    [InlineData("Voir https://bep.be/?page=1 ou écrire 12/03/2027 14:00 (Graph:*, commune;indicateur).")]
    [InlineData("1 destinataire n'a pas reçu le message, 1 fois en 1 mois, 21 places, 0,1 points.")]
    [InlineData("lundi 1er mars 2027 à 9\u00A0h\u00A030, de 14\u00A0h à 16\u00A0h")]
    public void Rules_TextWithoutFault_PassesThem(string text)
    {
        FrenchTextRules.Problems(text).ShouldBeEmpty();
    }

    private static Type ResourceType(string relativePath)
    {
        var folder = Path.GetDirectoryName(relativePath)!.Replace(Path.DirectorySeparatorChar, '.');
        var name = $"BepBot.{folder}.{Path.GetFileNameWithoutExtension(relativePath)}";
        return typeof(BepBot.Chat.ChatTexts).Assembly.GetType(name) ?? throw new InvalidOperationException($"No type {name} for {relativePath}.");
    }

    private static IEnumerable<(string Key, string Text)> Load(string path) =>
        XDocument.Load(path).Root!.Elements("data").Select(data => ((string)data.Attribute("name")!, (string?)data.Element("value") ?? string.Empty));

    private static IEnumerable<(string Path, string Text)> ShownTexts(JsonNode? node, string path) => node switch
    {
        JsonObject obj => obj.Where(property => !NotShown.Contains(property.Key)).SelectMany(property => ShownTexts(property.Value, $"{path}.{property.Key}")),
        JsonArray array => array.SelectMany((item, index) => ShownTexts(item, $"{path}[{index}]")),
        JsonValue value when value.TryGetValue<string>(out var text) && !text.StartsWith("http", StringComparison.Ordinal) => [(path, text)],
        _ => [],
    };

    [GeneratedRegex(@"\{(\d+)")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\{(\d+)\s*,\s*plural")]
    private static partial Regex PluralOf();
}
