using System.Text.RegularExpressions;
using BepBot.Tests.Cards;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BepBot.Tests.Text;

/// <summary>
/// What the bot says lives in the resources (`…Texts.resx` and `.en.resx`), where it is worded in the reader's
/// language: a French sentence written in C# reaches English readers in French. This reads every string of the bot's
/// code and fails on one that looks French and is not one of the kinds that are not shown to anyone as the bot's words.
/// </summary>
public sealed partial class FrenchOutsideResourcesTests
{
    // Files whose French is data, not the bot's words, and why.
    private static readonly Dictionary<string, string> DataFiles = new(StringComparer.Ordinal)
    {
        ["bot/Platform/Territory/TerritoryMap.cs"] = "the names of the bassins and the communes",
        ["bot/Features/Observatoire/CommuneCodes.cs"] = "commune names and their NIS codes",
        ["bot/Features/Observatoire/ObservatoireCsv.cs"] = "the column names of the Observatoire's file format (docs/observatoire.md)",
        ["bot/Features/Observatoire/DiagnosticCsv.cs"] = "the column names of the diagnostic export, the same for every reader (docs/architecture.md)",
        ["bot/Features/Labs/LabInput.cs"] = "the BEP's seminar themes, stored with each seminar, and how typed dates are read",
        ["bot/Features/Conferences/DateInput.cs"] = "how typed dates are read (« 12/03/2027 à 14h00 »)",
        ["bot/Features/Projects/ProjectQuestions.cs"] = "the words people type about projects, matched to the register's themes",
        ["bot/Infrastructure/Time/BelgianTime.cs"] = "the pattern of a date for French readers only",
        ["bot/Infrastructure/Text/FrenchTypography.cs"] = "the French quotation marks it puts no-break spaces inside",
        ["bot/Features/Projects/DemoProjects.cs"] = "Development demo data",
        ["bot/Features/Projects/ProjectSyncJob.cs"] = "who last changed a project, stored as data (docs/architecture.md)",
        ["bot/Features/Broadcasts/BroadcastsSeeder.cs"] = "Development demo data",
        ["bot/Features/Conferences/ConferencesSeeder.cs"] = "Development demo data",
        ["bot/Features/Labs/LabsSeeder.cs"] = "Development demo data",
        ["bot/Features/Votes/VotesSeeder.cs"] = "Development demo data",
        ["bot/Features/Observatoire/DemoData.cs"] = "Development demo data",
        ["bot/Features/Observatoire/ObservatoireSeeder.cs"] = "Development demo data",
    };

    // Single strings that read what people type, and why.
    private static readonly HashSet<(string File, string Text)> TypedInput =
    [
        ("bot/Features/Votes/NewBallotFlow.cs", " à "),
    ];

    [Fact]
    public void BotCode_EveryString_HoldsNoFrenchOutsideTheResources()
    {
        var root = CardTestPaths.RepositoryRoot;
        var found = new List<string>();
        foreach (var path in Directory.EnumerateFiles(Path.Combine(root, "bot"), "*.cs", SearchOption.AllDirectories))
        {
            var file = Path.GetRelativePath(root, path).Replace('\\', '/');
            if (file.Contains("/bin/", StringComparison.Ordinal) || file.Contains("/obj/", StringComparison.Ordinal) || DataFiles.ContainsKey(file))
            {
                continue;
            }

            var tree = CSharpSyntaxTree.ParseText(File.ReadAllText(path), path: file);
            foreach (var token in tree.GetRoot().DescendantTokens())
            {
                if (IsStringText(token) && LooksFrench(token.ValueText) && !IsNotTheBotsWords(token) && !TypedInput.Contains((file, token.ValueText)))
                {
                    found.Add($"{file}:{token.GetLocation().GetLineSpan().StartLinePosition.Line + 1}: « {token.ValueText} »");
                }
            }
        }

        found.ShouldBeEmpty("French in C#: move it to the feature's …Texts.resx and .en.resx, and word it in the reader's language");
    }

    [Theory]
    [InlineData("Échec après {0} tentative(s) : Teams a répondu {1}.", true)]
    [InlineData("n'a pas voté", true)]
    [InlineData("Donnees de demonstration : rien n'a ete envoye dans Teams", true)]
    [InlineData("Broadcast {BroadcastId} to {Recipient} failed after {Attempts} attempts", false)]
    [InlineData("yyyy-MM-dd HH:mm:ss", false)]
    [InlineData("La Bruyère", true)]
    public void LooksFrench_SentencesAndWords(string text, bool french) => LooksFrench(text).ShouldBe(french);

    private static bool IsStringText(SyntaxToken token) => token.Kind() is
        SyntaxKind.StringLiteralToken or SyntaxKind.InterpolatedStringTextToken or SyntaxKind.SingleLineRawStringLiteralToken or
        SyntaxKind.MultiLineRawStringLiteralToken or SyntaxKind.Utf8StringLiteralToken or SyntaxKind.CharacterLiteralToken;

    private static bool LooksFrench(string text) =>
        text.Any(c => "àâçéèêëîïôûùüÿœæÀÂÇÉÈÊËÎÏÔÛÙÜŸŒÆ«»".Contains(c, StringComparison.Ordinal))
        || FrenchWords().Matches(text).Select(match => match.Value.ToLowerInvariant()).Distinct(StringComparer.Ordinal).Count() >= 2;

    /// <summary>
    /// Strings that are not the bot's words: an attribute's (log messages, patterns), the phrases a command answers to
    /// (what people type), and the constants a typed answer is compared with.
    /// </summary>
    private static bool IsNotTheBotsWords(SyntaxToken token)
    {
        foreach (var node in token.Parent!.AncestorsAndSelf())
        {
            switch (node)
            {
                case AttributeSyntax:
                case ConstantPatternSyntax:
                case CaseSwitchLabelSyntax:
                case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "AddCommand" } }:
                case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name: GenericNameSyntax { Identifier.ValueText: "AddCommand" } } }:
                    return true;
                case StatementSyntax or MemberDeclarationSyntax:
                    return false;
            }
        }

        return false;
    }

    // French words that English never uses, and elisions (« n'a », « l'annuaire »).
    [GeneratedRegex(@"(?<![\p{L}'])(?:(?:le|la|les|des|du|une|vous|votre|vos|est|sont|pour|avec|dans|pas|aucun|aucune|rien|cette|nous)(?![\p{L}'])|(?:l|n|d|qu|s|c)'(?=\p{L}))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FrenchWords();
}
