namespace BepBot.Tests.Cards;

// The gallery (docs/cards, drawn by tools/gallery/render.sh in Chromium) must show every template: a new card
// without its row and its two images fails here. Only files are read, so the test needs no browser.
public sealed class CardGalleryTests
{
    private const string RegenerateHint = "run tools/gallery/render.sh (and give the card a caption in tools/gallery/captions.json)";

    private static readonly string GalleryRoot = Path.Combine(CardTestPaths.RepositoryRoot, "docs", "cards");

    private static readonly string[] Themes = ["light", "dark"];

    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    private static readonly Lazy<List<GalleryRow>> Rows = new(ReadRows);

    private sealed record GalleryRow(string Feature, string Line);

    public static TheoryData<string> CardNames() => [.. CardSample.Cards().Select(sample => sample.Name)];

    [Theory]
    [MemberData(nameof(CardNames))]
    public void Template_Gallery_HasRowUnderItsFeatureWithLinksAndBothImages(string name)
    {
        var id = IdOf(name);
        var feature = id[..id.IndexOf('/', StringComparison.Ordinal)];
        var slug = id.Replace('/', '-');

        var row = RowOf(id);

        row.Feature.ShouldBe(feature, $"{id} is listed under another feature");
        row.Line.ShouldContain($"[template](../../cards/{id}.json)");
        row.Line.ShouldContain($"[data](../../cards/{id}.data.json)");
        foreach (var theme in Themes)
        {
            row.Line.ShouldContain($"<img src=\"{slug}.{theme}.png\"");
            var image = Path.Combine(GalleryRoot, $"{slug}.{theme}.png");
            File.Exists(image).ShouldBeTrue($"docs/cards/{slug}.{theme}.png is missing: {RegenerateHint}");
            File.ReadAllBytes(image).Take(PngSignature.Length).ShouldBe(PngSignature, $"docs/cards/{slug}.{theme}.png is not a PNG");
        }
    }

    [Theory]
    [MemberData(nameof(CardNames))]
    public void Template_Gallery_NotesTeamsChartExactlyWhenTheCardHasOne(string name)
    {
        var sample = CardSample.Cards().Single(s => s.Name == name);
        var row = RowOf(IdOf(name));

        var hasChart = sample.Expand().ToJsonString().Contains($"\"type\":\"{ChartChecks.Prefix}", StringComparison.Ordinal);

        row.Line.Contains("Teams draws", StringComparison.Ordinal).ShouldBe(hasChart, $"{name}: the note that Teams draws a chart there ({RegenerateHint})");
    }

    [Fact]
    public void GalleryFolder_EveryImageAndRow_BelongsToATemplate()
    {
        var ids = CardSample.Cards().Select(sample => IdOf(sample.Name)).ToHashSet(StringComparer.Ordinal);
        var slugs = ids.Select(id => id.Replace('/', '-')).ToHashSet(StringComparer.Ordinal);

        var strayImages = Directory.EnumerateFiles(GalleryRoot, "*.png")
            .Select(Path.GetFileName)
            .Where(file => !Themes.Any(theme => file!.EndsWith($".{theme}.png", StringComparison.Ordinal) && slugs.Contains(file[..^$".{theme}.png".Length])))
            .ToList();
        var strayRows = Rows.Value
            .Where(row => !ids.Any(id => row.Line.StartsWith(RowStart(id), StringComparison.Ordinal)))
            .Select(row => row.Line)
            .ToList();

        strayImages.ShouldBeEmpty($"images of no template in docs/cards: {RegenerateHint}");
        strayRows.ShouldBeEmpty($"rows of no template in docs/cards/README.md: {RegenerateHint}");
    }

    // "card:votes/ballot" -> "votes/ballot"
    private static string IdOf(string sampleName) => sampleName["card:".Length..];

    private static string RowStart(string id) => $"| **`{id}`**";

    private static GalleryRow RowOf(string id)
    {
        var row = Rows.Value.SingleOrDefault(r => r.Line.StartsWith(RowStart(id), StringComparison.Ordinal));
        row.ShouldNotBeNull($"docs/cards/README.md has no row for {id}: {RegenerateHint}");
        return row;
    }

    // The card rows of docs/cards/README.md ("| **`feature/name`** ..."), each with the "## feature" heading above it.
    private static List<GalleryRow> ReadRows()
    {
        var rows = new List<GalleryRow>();
        var feature = string.Empty;
        foreach (var line in File.ReadLines(Path.Combine(GalleryRoot, "README.md")))
        {
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                feature = line[3..].Trim();
            }
            else if (line.StartsWith("| **`", StringComparison.Ordinal))
            {
                rows.Add(new GalleryRow(feature, line));
            }
        }

        return rows;
    }
}
