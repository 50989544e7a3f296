using System.Text;
using System.Text.Json.Nodes;
using BepBot.Features.Observatoire;
using BepBot.Infrastructure.Storage;
using BepBot.Platform.Territory;
using BepBot.Tests.Harness;

namespace BepBot.Tests.Observatoire;

/// <summary>Staff import data sets by sending a CSV file to the bot (Teams file upload), or from a configured path.</summary>
public sealed class ObservatoireImportTests : FileUploadTest
{
    private Task<BotResponse> UploadAsync(TeamsUser user, string fileName, byte[] content, ConversationType type = ConversationType.Personal) =>
        Files.UploadAsync(Client, user, fileName, content, type);

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    [Fact]
    public async Task Upload_ValidCsv_ImportedThenReimportedAsNewVersionPreviousKept()
    {
        var first = await UploadAsync(TeamsUser.Alex, "population.csv", Utf8(ObservatoireCsvTests.Csv(80)));

        first.Texts.Single().ShouldBe(Fr("« population.csv » importé : 80 lignes, 1 indicateur. C'est la version 1 de ce jeu de données."));
        var second = await UploadAsync(TeamsUser.Alex, "population.csv", Utf8(ObservatoireCsvTests.Csv(120)));
        second.Texts.Single().ShouldContain("C'est la version 2 de ce jeu de données. La version 1 reste disponible");

        (await Bot.KeysAsync("observatoire/versions/population/")).ShouldBe(["observatoire/versions/population/000001", "observatoire/versions/population/000002"]);
        var head = (await Bot.Store.GetAsync<DataSetHead>("observatoire/heads/population"))!.Value;
        head.CurrentVersion.ShouldBe(2);
        head.Versions.Select(version => (version.Version, version.RowCount, version.ImportedBy)).ShouldBe([(1, 80, "Alex Wilber"), (2, 120, "Alex Wilber")]);
        var v1 = (await Bot.Store.GetAsync<DataSetVersion>("observatoire/versions/population/000001"))!.Value;
        v1.Observations.Count.ShouldBe(80);

        var list = CardReader.AllText((await Client.SayAsync(TeamsUser.Alex, "jeux de données")).Card);
        list.ShouldContain(Fr("population — version courante : 2"));
        list.ShouldContain("Version 1 · ");
        list.ShouldContain("80 lignes · population.csv");

        var diagnostic = CardReader.AllText((await Client.SayAsync(TeamsUser.Megan, "diagnostic d'Andenne")).Card);
        diagnostic.ShouldContain("version 2");
        diagnostic.ShouldNotContain("démonstration");
    }

    [Fact]
    public async Task Upload_500RowsWith3Bad_RejectedWith3PreciseMessagesNothingStored()
    {
        var csv = ObservatoireCsvTests.Csv(500, new Dictionary<int, string>
        {
            [10] = "Atlantis;Population;2000;12;habitants;Statbel",
            [200] = $"{BepBot.Platform.Territory.TerritoryMap.Communes[198 % 40].Name};Population;2004;douze;habitants;Statbel",
            [400] = "Dinant;Population;2009;12;habitants",
        });

        var card = (await UploadAsync(TeamsUser.Alex, "population.csv", Utf8(csv))).Card;

        var lines = CardReader.Nodes(card).Where(node => (string?)node["type"] == "TextBlock").Select(node => (string)node["text"]!).ToList();
        lines[0].ShouldBe(Fr("« population.csv » n'a pas été importé : 3 erreurs à corriger. Rien n'a été modifié."));
        lines.Skip(1).ShouldBe([
            Fr("Ligne 10 : « Atlantis » n'est ni une des 40 communes ni un de leurs codes INS."),
            Fr("Ligne 200 : La valeur « douze » n'est pas un nombre."),
            Fr("Ligne 400 : 5 colonnes au lieu de 6."),
        ]);
        (await Bot.KeysAsync("observatoire/")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Upload_BadRowsFromEnglishTeams_ErrorsInEnglish()
    {
        var csv = ObservatoireCsvTests.Csv(5, new Dictionary<int, string>
        {
            [3] = "Atlantis;Population;2000;douze;habitants;",
            [5] = "Dinant;Population;2009;12;habitants",
        });
        Client.Locale = "en-US";

        var card = (await UploadAsync(TeamsUser.Alex, "population.csv", Utf8(csv))).Card;

        CardReader.Nodes(card).Where(node => (string?)node["type"] == "TextBlock").Select(node => (string)node["text"]!).ShouldBe([
            "“population.csv” was not imported: 2 errors to fix. Nothing was changed.",
            "Line 3: “Atlantis” is neither one of the 40 communes nor one of their NIS codes; the value “douze” is not a number; the source is empty.",
            "Line 5: 5 columns instead of 6.",
        ]);
    }

    [Fact]
    public async Task Upload_EnglishHeadings_TakenAsADataSetNotARoster()
    {
        var answer = await UploadAsync(TeamsUser.Alex, "employment.csv", Utf8("municipality,indicator,year,value,unit,source\nCiney,Emploi salarié,2023,5310,postes,ONSS\n"));

        answer.Texts.Single().ShouldStartWith(Fr("« employment.csv » importé : 1 ligne"));
        (await Bot.KeysAsync("roster/imports/")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Upload_FromBourgmestre_RefusedAndNotDownloaded()
    {
        (await UploadAsync(TeamsUser.Megan, "population.csv", Utf8(ObservatoireCsvTests.Csv(5)))).Texts.Single()
            .ShouldBe("Seul le personnel du BEP peut m'envoyer des fichiers à importer. Rien n'a été modifié. Pour faire importer des données, adressez-vous à l'équipe supracommunalité du BEP.");

        Files.Requests.ShouldBeEmpty();
        (await Bot.KeysAsync("observatoire/")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Upload_InChannel_NotCsv_TooLarge_Refused()
    {
        (await UploadAsync(TeamsUser.Alex, "population.csv", Utf8(ObservatoireCsvTests.Csv(5)), ConversationType.Channel)).Texts.Single().ShouldContain("conversation privée");
        (await UploadAsync(TeamsUser.Alex, "population.xlsx", [1, 2, 3])).Texts.Single().ShouldBe(Fr("Je n'importe que des fichiers CSV (.csv) ; « population.xlsx » n'en est pas un. Enregistrez-le au format CSV depuis votre tableur, puis renvoyez-le-moi."));
        (await UploadAsync(TeamsUser.Alex, "big.csv", new byte[(5 * 1024 * 1024) + 1])).Texts.Single().ShouldContain("dépasse 5 Mo");
        Files.Files.TryRemove("gone.csv", out _);

        var missing = await Client.PostAsync(Client.Activity(TeamsUser.Alex, "message", ConversationType.Personal, null, activity =>
            activity["attachments"] = new JsonArray(new JsonObject
            {
                ["contentType"] = "application/vnd.microsoft.teams.file.download.info",
                ["name"] = "gone.csv",
                ["content"] = new JsonObject { ["downloadUrl"] = Files.BaseUrl + "/files/gone.csv", ["fileType"] = "csv" },
            })));
        missing.Texts.Single().ShouldBe(Fr("Je n'ai pas pu télécharger « gone.csv ». Réessayez dans un instant."));

        var remote = await Client.PostAsync(Client.Activity(TeamsUser.Alex, "message", ConversationType.Personal, null, activity =>
            activity["attachments"] = new JsonArray(new JsonObject
            {
                ["contentType"] = "application/vnd.microsoft.teams.file.download.info",
                ["name"] = "x.csv",
                ["content"] = new JsonObject { ["downloadUrl"] = "http://169.254.169.254/latest/meta-data", ["fileType"] = "csv" },
            })));
        remote.Texts.Single().ShouldContain("Je n'ai pas pu télécharger");
        (await Bot.KeysAsync("observatoire/")).ShouldBeEmpty();
    }

    [Fact]
    public async Task NoData_CommandsSaySo()
    {
        (await Client.SayAsync(TeamsUser.Megan, "diagnostic de Namur")).Texts.Single().ShouldContain("L'Observatoire n'a encore aucune donnée");
        (await Client.SayAsync(TeamsUser.Megan, "indicateurs")).Texts.Single().ShouldContain("L'Observatoire n'a encore aucune donnée");
        (await Client.SayAsync(TeamsUser.Megan, "jeux de données")).Texts.Single().ShouldContain("réservée au personnel du BEP");
    }

    [Fact]
    public async Task ConfiguredPath_ImportedAtStart_UnchangedFileAddsNoVersion_DemoNotSeededOverRealData()
    {
        var folder = Directory.CreateTempSubdirectory("observatoire-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "emploi.csv"), """
                commune;indicateur;année;valeur;unité;source
                92142;Emploi salarié;2023;8 120;postes;ONSS
                Ciney;Emploi salarié;2023;5 310,0;postes;ONSS
                """);
            var settings = new Dictionary<string, string?> { ["Observatoire:ImportPath"] = folder.FullName, ["Observatoire:SeedDemo"] = "true" };
            var container = $"bot-{Guid.NewGuid():N}";
            await using (var first = new BotApplication(container, settings))
            {
                _ = first.Services;
                (await first.KeysAsync("observatoire/")).ShouldBe(["observatoire/heads/emploi", "observatoire/versions/emploi/000001"]);
            }

            await using (var restarted = new BotApplication(container, settings))
            {
                _ = restarted.Services;
                (await restarted.KeysAsync("observatoire/versions/")).Count.ShouldBe(1);
            }

            await File.AppendAllTextAsync(Path.Combine(folder.FullName, "emploi.csv"), "\nDinant;Emploi salarié;2023;4 010;postes;ONSS\n");
            await using var changed = new BotApplication(container, settings);
            using var client = changed.CreateTeamsClient();
            var text = CardReader.AllText((await client.SayAsync(TeamsUser.Adele, "comparer Ciney et Dinant")).Card);
            text.ShouldContain("Emploi salarié (postes)");
            text.ShouldContain($"**{ObservatoireCards.Number(4010, BepBot.Infrastructure.Time.BelgianTime.French)}**");
            text.ShouldNotContain("démonstration");
            var head = (await changed.Store.GetAsync<DataSetHead>("observatoire/heads/emploi"))!.Value;
            head.Versions.Select(version => (version.Version, version.ImportedBy, version.Origin)).ShouldBe([(1, "configuration", "emploi.csv"), (2, "configuration", "emploi.csv")]);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

}
