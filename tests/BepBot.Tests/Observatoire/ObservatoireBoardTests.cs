using System.Text.Json.Nodes;
using BepBot.Chat.Dashboard;
using BepBot.Features.Observatoire;
using BepBot.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;

namespace BepBot.Tests.Observatoire;

/// <summary>
/// « Observatoire » in the staff tab, on figures chosen so that every median and rank can be worked out by hand:
/// population of three communes of Essaimage in 2023 and 2024, and of Namur in 2024.
/// </summary>
public sealed class ObservatoireBoardTests() : BotConversationTest()
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Observation Population(string commune, int year, decimal value) => new(commune, "Population", year, value, "habitants", "Statbel");
        await Bot.Services.GetRequiredService<DataSetStore>().ImportAsync(
            "population",
            [
                Population("Couvin", 2023, 100), Population("Chimay", 2023, 200), Population("Walcourt", 2023, 300),
                Population("Couvin", 2024, 110), Population("Chimay", 2024, 210), Population("Walcourt", 2024, 290), Population("Namur", 2024, 1000),
            ],
            "Alex Wilber",
            "population.csv",
            isDemo: false,
            contentHash: null,
            CancellationToken.None);
    }

    [Fact]
    public async Task Communes_TheFortyGroupedByBassin_EachLinksToItsDiagnostic()
    {
        var page = await Bot.LoadPageAsync(TeamsUser.Alex, "observatoire");

        var communes = page.Block<TableBlock>("Choisissez une commune").Rows;
        communes.Count.ShouldBe(40);
        var couvin = communes.Single(commune => commune.Id == "Couvin");
        (couvin.Link, couvin.Group, couvin.Texts()["code"]).ShouldBe(("observatoire?commune=Couvin", "Région Essaimage (Entre-Sambre-et-Meuse)", "93014"));
        communes.Single(commune => commune.Id == "Eghezée").Link.ShouldBe("observatoire?commune=Eghez%C3%A9e");
    }

    [Fact]
    public async Task Diagnostic_FiguresAndChartsCarryTheExactValues()
    {
        var page = await Bot.LoadPageAsync(TeamsUser.Alex, "observatoire", new Dictionary<string, string> { ["commune"] = "couvin" });

        (page.Title, page.Back).ShouldBe(("Diagnostic de Couvin", "observatoire"));
        var population = page.Block<TableBlock>("Indicateurs").Rows.Single().Texts();
        (population["latest"], population["year"], population["rank"], population["bassin"], population["province"])
            .ShouldBe(("110 habitants", "2024", "3 sur 3", "210", "250"));
        population["trend"].ShouldStartWith("↗ En hausse depuis 2023");
        var trend = page.Block<ChartBlock>("Population — Couvin");
        trend.Chart.ShouldBe(ChartKind.Line);
        trend.Categories.ShouldBe(["2023", "2024"]);
        trend.Series.Select(series => series.Name).ShouldBe(["Couvin", "Médiane du bassin"]);
        trend.Series[0].Values.ShouldBe([100, 110]);
        trend.Series[1].Values.ShouldBe([200, 210]);
        var bassin = page.Block<ChartBlock>(Fr("Population en 2024 : les communes d'Essaimage"));
        bassin.Categories.ShouldBe(["Walcourt", "Chimay", "Couvin ◀"]);
        bassin.Series.Single().Values.ShouldBe([290, 210, 110]);
        bassin.Series.Single().Texts.ShouldBe(["290 habitants", "210 habitants", "110 habitants"]);
        var province = page.Block<ChartBlock>(Fr("Population en 2024 : la commune, son bassin et la province"));
        province.Categories.ShouldBe(["Couvin", "Médiane du bassin", "Médiane des 40 communes"]);
        province.Series.Single().Values.ShouldBe([110, 210, 250]);
    }

    [Fact]
    public async Task Diagnostic_ExportedFromTheTab_IsTheChatsCsv()
    {
        var result = await Bot.RunActionAsync(TeamsUser.Alex, "observatoire.export", new JsonObject { ["commune"] = "Couvin" });

        var file = result.Next!.Block<ButtonsBlock>("Fichiers à télécharger").Buttons.Single();
        var csv = await Client.Http.GetStringAsync(new Uri(file.Href!).PathAndQuery);
        // French readers get the semicolons Excel expects in Belgium, as from the chat.
        csv.TrimStart('\uFEFF').ShouldStartWith(string.Join(';', DiagnosticCsv.Header));
        csv.ShouldContain("Couvin;93014;Essaimage;Population;2024;110;habitants;210;250;3;3/11;");
    }

    [Fact]
    public async Task UnknownCommune_PageAndExportSaySo_NothingPrepared()
    {
        var page = await Bot.LoadPageAsync(TeamsUser.Alex, "observatoire", new Dictionary<string, string> { ["commune"] = "Atlantide" });
        var export = await Bot.RunActionAsync(TeamsUser.Alex, "observatoire.export", new JsonObject { ["commune"] = "Atlantide" });

        page.Block<FactsBlock>("Commune introuvable").Text.ShouldBe(Fr("« Atlantide » n'est pas une des 40 communes du BEP : choisissez-en une dans la liste."));
        export.ShouldBe(DashboardActionResult.Refused(Fr("« Atlantide » n'est pas une des 40 communes du BEP : choisissez-en une dans la liste.")));
        (await Bot.KeysAsync("exports/")).ShouldBeEmpty();
    }
}
