using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace BepBot.Tests.Text;

/// <summary>Every French text has its English twin (and back), with the same placeholders, in every resource pair of the bot.</summary>
public sealed partial class ResourceParityTests
{
    public static TheoryData<string> FrenchResources()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.EnumerateFiles(BotFolder(), "*.resx", SearchOption.AllDirectories)
                     .Where(path => !path.EndsWith(".en.resx", StringComparison.Ordinal) && !path.Contains("/obj/", StringComparison.Ordinal) && !path.Contains("/bin/", StringComparison.Ordinal)))
        {
            data.Add(Path.GetRelativePath(BotFolder(), path));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(FrenchResources))]
    public void Resource_FrenchAndEnglish_HaveSameKeysAndPlaceholders(string relativePath)
    {
        var french = Load(Path.Combine(BotFolder(), relativePath));
        var english = Load(Path.Combine(BotFolder(), relativePath[..^".resx".Length] + ".en.resx"));

        english.Keys.Except(french.Keys).ShouldBeEmpty("only in English");
        french.Keys.Except(english.Keys).ShouldBeEmpty("only in French");
        foreach (var (key, text) in french)
        {
            Placeholders(english[key]).ShouldBe(Placeholders(text), $"placeholders of {key}");
        }
    }

    // The compiled .resources keep one of two names that differ only by case, so a help key such as Section_projects
    // would be lost beside a feature's Section_Projects.
    [Theory]
    [MemberData(nameof(FrenchResources))]
    public void Resource_Keys_DifferByMoreThanCase(string relativePath)
    {
        var keys = Load(Path.Combine(BotFolder(), relativePath)).Keys;

        keys.GroupBy(key => key, StringComparer.OrdinalIgnoreCase).Where(group => group.Count() > 1).Select(group => string.Join(" / ", group)).ShouldBeEmpty();
    }

    private static Dictionary<string, string> Load(string path) =>
        XDocument.Load(path).Root!.Elements("data").ToDictionary(data => (string)data.Attribute("name")!, data => (string?)data.Element("value") ?? string.Empty);

    private static List<string> Placeholders(string text) =>
        [.. PlaceholderPattern().Matches(text).Select(match => match.Groups[1].Value).Distinct().Order()];

    private static string BotFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "BepBot.sln")))
            {
                return Path.Combine(folder.FullName, "bot");
            }
        }

        throw new InvalidOperationException("BepBot.sln not found above the test output folder.");
    }

    [GeneratedRegex(@"\{(\d+)(?:[:,][^}]*)?\}")]
    private static partial Regex PlaceholderPattern();
}
