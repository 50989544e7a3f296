using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using BepBot.Features.Observatoire;
using BepBot.Tests.Cards;
using BepBot.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;

namespace BepBot.Tests.Observatoire;

/// <summary>The Observatoire through the bot, on the demonstration figures, as bourgmestres, officers and staff use it.</summary>
public sealed class ObservatoireBotTests() : BotConversationTest(new Dictionary<string, string?> { ["Observatoire:SeedDemo"] = "true" })
{
    private static readonly CultureInfo Fr = CultureInfo.GetCultureInfo("fr-BE");

    private static IEnumerable<JsonObject> Images(JsonObject card) => CardReader.Nodes(card).Where(node => (string?)node["type"] == "Image");

    private static JsonObject Chart(JsonObject card, string type) => CardReader.Charts(card).Single(chart => (string?)chart["type"] == type);

    [Fact]
    public async Task Diagnostic_Gembloux_IndicatorsComparisonsChartsAndDemoLabel()
    {
        var card = (await Client.SayAsync(TeamsUser.Megan, "diagnostic de Gembloux")).Card;
        var text = CardReader.AllText(card);

        text.ShouldContainAll(
            "Diagnostic de Gembloux",
            "Bassin de Namur-Capitale · code INS 92142",
            "Données de démonstration");
        foreach (var indicator in new[] { "Population", "Superficie", "Densité de population", "Ménages", "Logements", "Emploi salarié" })
        {
            text.ShouldContain(indicator);
        }

        text.ShouldContainAll(
            "en 2024",
            "depuis 2019",
            "Médiane du bassin",
            "Médiane des 40 communes du BEP",
            "Rang dans le bassin, du plus élevé au plus bas",
            "sur 16",
            Fr("Source : Données de démonstration (chiffres inventés)"));
        var json = card.ToJsonString();
        Images(card).ShouldBeEmpty();
        json.ShouldNotContain("/exports/");
        json.ShouldNotContain("image/png");
        json.Length.ShouldBeLessThan(28 * 1024, "the card must stay within Teams' size limit");
        CardChecks.Check(card).ShouldBeEmpty();

        var data = await Bot.Services.GetRequiredService<DataSetStore>().LoadAsync(CancellationToken.None);
        var series = data.Series("Gembloux", "population");
        var trend = Chart(card, "Chart.Line");
        ((string)trend["title"]!).ShouldBe("Population — Gembloux");
        var gembloux = trend["data"]!.AsArray().Single(serie => (string?)serie!["legend"] == "Gembloux")!;
        gembloux["values"]!.AsArray().Select(point => ((string?)point!["x"], (decimal)point["y"]!))
            .ShouldBe(series.Select(point => ((string?)point.Year.ToString(CultureInfo.InvariantCulture), point.Value)));
        trend["data"]!.AsArray().Select(serie => (string?)serie!["legend"]).ShouldContain("Médiane du bassin");
        var rows = CardReader.Facts(trend["fallback"]).ToList();
        rows.Count.ShouldBe(series.Count);
        rows[^1].ShouldStartWith(Fr($"{series[^1].Year}: Gembloux : {ObservatoireCards.Number(series[^1].Value, Fr)} habitants · Médiane du bassin : "));

        var bassin = Chart(card, "Chart.HorizontalBar");
        var bars = bassin["data"]!.AsArray().Select(bar => ((string)bar!["x"]!, (decimal)bar["y"]!)).ToList();
        bars.ShouldContain(("Gembloux ◀", series[^1].Value));
        bars.Select(bar => bar.Item2).ShouldBeInOrder(SortDirection.Descending);
        bars.Count.ShouldBe(16 + 1, "the 16 communes of the bassin and its median");
        CardReader.Facts(bassin["fallback"]).ShouldContain($"Gembloux ◀: {ObservatoireCards.Number(series[^1].Value, Fr)} habitants");
        CardReader.Facts(bassin["fallback"]).Count().ShouldBe(bars.Count);
    }

    [Fact]
    public async Task ChartFiles_PngOfTheCardsIndicator_MadeAtTheClick()
    {
        var card = (await Client.SayAsync(TeamsUser.Megan, "diagnostic de Namur")).Card;

        var files = await Client.ClickAsync(TeamsUser.Megan, card, "Télécharger les graphiques (PNG)", new Dictionary<string, string> { ["indicator"] = "menages" });

        var links = CardReader.Actions(files.Card!).Where(action => (string?)action["type"] == "Action.OpenUrl").ToList();
        links.Select(link => (string?)link["title"]).ShouldBe(["Tendance (PNG)", "Place dans le bassin (PNG)"]);
        CardReader.AllText(files.Card!).ShouldContain(Fr("Les graphiques « Ménages » de Namur en PNG sont prêts."));
        // Each image's text alternative carries its figures: nothing is only in the picture.
        var descriptions = CardReader.Nodes(files.Card!).Select(node => (string?)node["text"]).OfType<string>().Where(text => text.StartsWith("**", StringComparison.Ordinal)).ToList();
        descriptions.Count.ShouldBe(2);
        descriptions[0].ShouldStartWith(Fr("**Tendance (PNG)** — Ménages — Namur : "));
        descriptions[0].ShouldContain(Fr("Médiane du bassin : "));
        descriptions[1].ShouldStartWith("**Place dans le bassin (PNG)** — Ménages en ");
        descriptions[1].ShouldMatch(Fr(@"Namur ◀ : [\d\s]+ ménages ; "));
        foreach (var link in links)
        {
            using var response = await Client.Http.GetAsync(new Uri((string)link["url"]!).AbsolutePath);
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("image/png");
            (await response.Content.ReadAsByteArrayAsync())[..4].ShouldBe(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' });
        }
    }

    [Fact]
    public async Task ChartFiles_ForgedCommunes_RefusedAndNothingExported()
    {
        var exportsBefore = (await Bot.KeysAsync("exports/")).Count;

        var forged = await Client.InvokeAsync(TeamsUser.Megan, "observatoire.exportCharts", new JsonObject { ["communes"] = new JsonArray("Namur", "Atlantis") });

        forged.AllText.ShouldContain("Indiquez deux ou trois communes");
        (await Bot.KeysAsync("exports/")).Count.ShouldBe(exportsBefore);
    }

    [Fact]
    public async Task ChiffresDeLaCommune_AndMaCommuneEnChiffres_ShowTheRightCommune()
    {
        (await Client.CardTextAsync(TeamsUser.Patti, "chiffres de la commune de Ciney")).ShouldContain("Diagnostic de Ciney");
        (await Client.CardTextAsync(TeamsUser.Lynne, "Ma commune en chiffres")).ShouldContain("Diagnostic de Ciney");
        (await Client.CardTextAsync(TeamsUser.Adele, "ma commune en chiffres ?")).ShouldContain("Diagnostic de Dinant");
        (await Client.CardTextAsync(TeamsUser.Megan, "diagnostic d'Andenne")).ShouldContain("Diagnostic d'Andenne");
        (await Client.CardTextAsync(TeamsUser.Megan, "diagnostic 93088")).ShouldContain("Diagnostic de Walcourt");
        (await Client.SayAsync(TeamsUser.Alex, "ma commune en chiffres")).Texts.Single().ShouldContain("Votre profil n'est rattaché à aucune commune");
    }

    [Fact]
    public async Task Diagnostic_CommuneWithoutAFigure_SaysSoAndNeverZero()
    {
        var card = (await Client.SayAsync(TeamsUser.Megan, "diagnostic de Doische")).Card;
        var text = CardReader.AllText(card);

        text.ShouldContain("Pas de donnée pour Doische.");
        text.ShouldNotContain("**0 postes**");

        var onEmployment = await Client.ClickAsync(TeamsUser.Megan, card, "Voir les graphiques", new Dictionary<string, string> { ["indicator"] = "emploi salarie" });

        CardReader.AllText(onEmployment.UpdatedCard!).ShouldContain(Fr("Pas de graphique : Doische n'a pas de valeur pour l'indicateur Emploi salarié."));
        CardReader.Charts(onEmployment.UpdatedCard!).ShouldBeEmpty();
    }

    [Fact]
    public async Task ShowCharts_OtherIndicator_CardUpdatedInPlace()
    {
        var card = (await Client.SayAsync(TeamsUser.Lynne, "diagnostic de Ciney")).Card;

        var clicked = await Client.ClickAsync(TeamsUser.Lynne, card, "Voir les graphiques", new Dictionary<string, string> { ["indicator"] = "menages" });

        var updated = clicked.UpdatedCard!;
        CardReader.AllText(updated).ShouldContain(Fr("Graphiques : Ménages"));
        ((string)Chart(updated, "Chart.Line")["title"]!).ShouldBe("Ménages — Ciney");
        ((string)CardReader.FindInput(updated, "indicator")!["value"]!).ShouldBe("menages");
    }

    [Fact]
    public async Task Compare_CineyEtDinant_SideBySide()
    {
        var card = (await Client.SayAsync(TeamsUser.Adele, "comparer Ciney et Dinant")).Card;
        var text = CardReader.AllText(card);

        text.ShouldContainAll(
            Fr("Comparaison : Ciney et Dinant"),
            "Données de démonstration",
            "Population (habitants)");
        // A table whose header row names each commune: a screen reader reads every value with its commune.
        var rows = CardReader.Nodes(card).Single(node => (string?)node["type"] == "Table")["rows"]!.AsArray();
        rows[0]!["cells"]!.AsArray().Select(cell => (string?)cell!["items"]![0]!["text"]).ShouldBe(["Indicateur", "Ciney", "Dinant"]);
        rows.Skip(1).ShouldAllBe(row => row!["cells"]!.AsArray().Count == 3);
        var lines = Chart(card, "Chart.Line");
        lines["data"]!.AsArray().Select(serie => (string?)serie!["legend"]).ShouldBe(["Ciney", "Dinant"]);
        CardReader.Facts(lines["fallback"]).ShouldAllBe(row => row.Contains(Fr("Ciney : ")) && row.Contains(Fr(" · Dinant : ")));
        Images(card).ShouldBeEmpty();

        var three = (await Client.SayAsync(TeamsUser.Adele, "comparer Ciney, Dinant et Doische")).Card;
        CardReader.AllText(three).ShouldContain("pas de donnée");

        var updated = (await Client.ClickAsync(TeamsUser.Adele, three, "Voir les graphiques", new Dictionary<string, string> { ["indicator"] = "logements" })).UpdatedCard!;
        CardReader.AllText(updated).ShouldContain(Fr("Graphiques : Logements"));
        CardReader.AllText(updated).ShouldContain(Fr("Comparaison : Ciney, Dinant et Doische"));
        Chart(updated, "Chart.Line")["data"]!.AsArray().Select(serie => (string?)serie!["legend"]).ShouldBe(["Ciney", "Dinant", "Doische"]);
        updated.ToJsonString().Length.ShouldBeLessThan(28 * 1024, "three communes, every indicator: the card must stay within Teams' size limit");
        CardChecks.Check(updated).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("comparer Ciney")]
    [InlineData("comparer Ciney et Ciney")]
    [InlineData("comparer Ciney, Dinant, Yvoir et Hamois")]
    public async Task Compare_NotTwoOrThree_Usage(string text) =>
        (await Client.SayAsync(TeamsUser.Adele, text)).Texts.Single().ShouldContain("Indiquez deux ou trois communes");

    [Fact]
    public async Task UnknownCommune_ClearMessage()
    {
        (await Client.SayAsync(TeamsUser.Adele, "comparer Ciney et Atlantis")).Texts.Single().ShouldBe(Fr("« Atlantis » n'est pas une des 40 communes du BEP. Exemple : diagnostic de Gembloux."));
        (await Client.SayAsync(TeamsUser.Adele, "diagnostic de Rochefort")).Texts.Single().ShouldContain(Fr("« Rochefort » n'est pas une des 40 communes"));
        (await Client.SayAsync(TeamsUser.Adele, "diagnostic")).Texts.Single().ShouldContain("De quelle commune souhaitez-vous le diagnostic");
    }

    [Fact]
    public async Task Indicateurs_ListsSourceAndDate()
    {
        var text = await Client.CardTextAsync(TeamsUser.Patti, "indicateurs");

        text.ShouldContainAll(
            "6 indicateurs disponibles.",
            "Emploi salarié (postes)",
            Fr("Source : Données de démonstration (chiffres inventés) · années 2019 à 2024 · données du"),
            "Données de démonstration");
    }

    [Fact]
    public async Task Export_Csv_LinkServesTheDiagnostic()
    {
        var card = (await Client.SayAsync(TeamsUser.Megan, "diagnostic de Gembloux")).Card;

        var export = (await Client.ClickAsync(TeamsUser.Megan, card, "Exporter en CSV")).Card;

        CardReader.AllText(export).ShouldContain("Le diagnostic de Gembloux en CSV est prêt");
        var link = (string)CardReader.FindAction(export, "Télécharger le CSV")["url"]!;
        using var response = await Client.Http.GetAsync(new Uri(link).AbsolutePath);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var csv = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].TrimEnd('\r').ShouldBe(string.Join(';', DiagnosticCsv.Header));
        lines.Count(line => line.StartsWith("Gembloux;92142;Namur-Capitale;Population;", StringComparison.Ordinal)).ShouldBe(6);
        lines.ShouldAllBe(line => line.TrimEnd('\r').EndsWith(";oui", StringComparison.Ordinal) || line.StartsWith("commune", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Guest_Refused_AndForgedPayloads_RefusedWithoutWriting()
    {
        (await Client.SayAsync(TeamsUser.Stranger, "diagnostic de Gembloux")).Texts.Single().ShouldContain("réservée aux membres");
        (await Client.InvokeAsync(TeamsUser.Stranger, "observatoire.export", new JsonObject { ["commune"] = "Gembloux" })).AllText.ShouldContain("réservée aux membres");
        var exportsBefore = (await Bot.KeysAsync("exports/")).Count;

        (await Client.InvokeAsync(TeamsUser.Megan, "observatoire.export", new JsonObject { ["commune"] = "Atlantis" })).AllText.ShouldContain(Fr("« Atlantis » n'est pas une des 40 communes"));
        (await Client.InvokeAsync(TeamsUser.Megan, "observatoire.export", new JsonObject { ["commune"] = "Namur", ["admin"] = true })).AllText.ShouldContain("données invalides");
        (await Client.InvokeAsync(TeamsUser.Megan, "observatoire.chart", new JsonObject { ["communes"] = new JsonArray("Ciney", "Dinant", "Yvoir", "Hamois") })).AllText.ShouldContain("Indiquez deux ou trois communes");
        (await Client.InvokeAsync(TeamsUser.Megan, "observatoire.chart", new JsonObject { ["communes"] = "Ciney" })).AllText.ShouldContain("données invalides");
        (await Client.InvokeAsync(TeamsUser.Megan, "observatoire.chart", new JsonObject())).AllText.ShouldContain("données invalides");

        (await Bot.KeysAsync("exports/")).Count.ShouldBe(exportsBefore);
    }

    [Fact]
    public async Task UnknownIndicatorInPayload_SaysSoAndShowsTheDefault()
    {
        var response = await Client.InvokeAsync(TeamsUser.Megan, "observatoire.chart", new JsonObject { ["communes"] = new JsonArray("Ciney"), ["indicator"] = "chomage" });

        CardReader.AllText(response.UpdatedCard!).ShouldContain(Fr("Graphiques : Population"));
    }

    [Fact]
    public async Task CommunePageSection_HeadlineFigures()
    {
        var section = Bot.Services.GetServices<BepBot.Platform.CommunePages.ICommunePageSection>().OfType<ObservatoirePageSection>().Single();
        var viewer = new BepBot.Chat.ChatUser("x", "Lynne", BepBot.Chat.Role.Officer, null);

        var page = (await section.DescribeAsync("Doische", viewer, BepBot.Infrastructure.Time.BelgianTime.French, CancellationToken.None))!;

        page.Title.ShouldBe("L'Observatoire en chiffres");
        page.Lines.Select(line => line.Text).ShouldContain(text => text.StartsWith(Fr("Population : "), StringComparison.Ordinal) && text.EndsWith("habitants (2024)", StringComparison.Ordinal));
        page.Lines.ShouldNotContain(line => line.Text.StartsWith("Emploi", StringComparison.Ordinal));
        page.Lines.ShouldAllBe(line => line.Detail == "données de démonstration");
    }

    [Fact]
    public async Task English_Diagnostic()
    {
        Client.Locale = "en-US";

        var text = await Client.CardTextAsync(TeamsUser.Megan, "diagnostic of Gembloux");

        text.ShouldContainAll(
            "Diagnostic of Gembloux",
            "Demonstration data",
            "Bassin median");
    }

    [Fact]
    public async Task Help_ListsTheObservatoireCommandsWithTheirTexts()
    {
        var help = await Client.CardTextAsync(TeamsUser.Lynne, "aide");

        help.ShouldContainAll(
            "Observatoire du Territoire",
            "diagnostic de (commune)",
            "ma commune en chiffres",
            "comparer (commune) et (commune)");
        help.ShouldNotContain("Command_observatoire");
        help.ShouldNotContain("jeux de données");
    }
}
