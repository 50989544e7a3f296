using System.Text.RegularExpressions;
using Azure.Storage.Blobs;
using BepBot.Features.Broadcasts;
using BepBot.Features.Conferences;
using BepBot.Features.Labs;
using BepBot.Features.Votes;
using BepBot.Infrastructure.Storage;
using BepBot.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;

namespace BepBot.Tests.Bot;

/// <summary>Local play: with the Development seeds on, each of the six Playground users finds something on their first try.</summary>
public sealed partial class DemoSeedTests
{
    private static readonly string[] SeededPrefixes = ["conferences/", "ballots/", "votes/", "labs/", "lab-inbox/", "broadcasts/"];

    // The ballot's audit journal is sealed into its chain in the background, so its keys move by themselves: counted apart.
    private static readonly string[] StablePrefixes = ["conferences/", "ballots/", "labs/", "lab-inbox/", "broadcasts/"];

    private static Dictionary<string, string?> DevelopmentSeeds() => new()
    {
        ["Conferences:SeedDemo"] = "true",
        ["Votes:SeedDemo"] = "true",
        ["Labs:SeedDemo"] = "true",
        ["Broadcasts:SeedDemo"] = "true",
    };

    [Fact]
    public async Task DevelopmentSeeds_FirstTry_OfficersFindTwoLabsOneFullWithAWaitingList()
    {
        await using var bot = new BotApplication(settings: DevelopmentSeeds());
        using var teams = bot.CreateTeamsClient();

        var catalogue = (await teams.SayAsync(TeamsUser.Patti, "séminaires")).Card;

        var text = CardReader.AllText(catalogue);
        text.ShouldContain("La cybersécurité dans nos communes (démonstration)");
        text.ShouldContain("18 places restantes sur 20");
        text.ShouldContain("Commerces de proximité : revitaliser les centres (démonstration)");
        text.ShouldContain(Fr("Complet (3 places) ; 2 en liste d'attente"));
        var full = (await bot.Services.GetRequiredService<LabBook>().FindAsync(LabsSeeder.FullLabId))!;
        full.Confirmed.Select(registration => registration.Name).ShouldBe(["Camille Lambert (démo)", "Julien Petit (démo)", "Sarah Renard (démo)"]);
        full.Waiting.Select(registration => registration.Name).ShouldBe(["Thomas Dubois (démo)", "Élise Martin (démo)"]);

        var lynne = await teams.ClickAsync(TeamsUser.Lynne, (await teams.SayAsync(TeamsUser.Lynne, "séminaires commerces")).Card, "S'inscrire");
        CardReader.AllText(lynne.UpdatedCard!).ShouldContain("Liste d'attente, position 3 (le séminaire est complet).");
        var patti = await teams.ClickAsync(TeamsUser.Patti, (await teams.SayAsync(TeamsUser.Patti, "séminaires cybersécurité")).Card, "S'inscrire");
        CardReader.AllText(patti.UpdatedCard!).ShouldContain(Fr("Inscription confirmée : votre place est réservée."));
    }

    [Fact]
    public async Task DevelopmentSeeds_FirstTry_BourgmestresVoteAndAnswerThePoll_StaffFollowBoth()
    {
        await using var bot = new BotApplication(settings: DevelopmentSeeds());
        using var teams = bot.CreateTeamsClient();
        var question = "(Démo) Approuvez-vous le plan commun de mobilité douce ?";

        foreach (var bourgmestre in new[] { TeamsUser.Adele, TeamsUser.Isaiah })
        {
            (await teams.SayAsync(bourgmestre, "votes")).AllText.ShouldContain(Fr("Voter : ") + question);
        }

        var ballots = (await teams.SayAsync(TeamsUser.Megan, "votes")).Card;
        var ballot = (await teams.ClickAsync(TeamsUser.Megan, ballots, Fr("Voter : ") + question)).Card;
        var voted = await teams.ClickAsync(TeamsUser.Megan, ballot, "Pour");
        voted.UpdatedCard.ShouldNotBeNull();
        (await bot.Services.GetRequiredService<BallotStore>().VotedCommunesAsync((await bot.Services.GetRequiredService<BallotStore>().GetAsync(VotesSeeder.BallotId))!)).ShouldBe(["Namur"]);
        (await teams.SayAsync(TeamsUser.Alex, "votes")).AllText.ShouldContain(Fr("Suivre le vote : ") + question);

        var conferences = (await teams.SayAsync(TeamsUser.Megan, "conférences")).Card;
        var title = "Conférence des Bourgmestres — données de démonstration";
        var poll = (await teams.ClickAsync(TeamsUser.Megan, conferences, Fr($"Ouvrir « {title} »"))).Card;
        CardReader.AllText(poll).ShouldContain("Pour chaque date proposée, indiquez si vous pouvez venir.");
        var answered = await teams.ClickAsync(TeamsUser.Megan, poll, "Envoyer mes disponibilités", new Dictionary<string, string> { ["d0"] = "yes", ["d1"] = "maybe", ["d2"] = "no" });
        CardReader.AllText(answered.UpdatedCard!).ShouldContain("Vos disponibilités sont enregistrées");

        var staff = (await teams.ClickAsync(TeamsUser.Alex, (await teams.SayAsync(TeamsUser.Alex, "conférences")).Card, Fr($"Ouvrir « {title} »"))).Card;
        var tally = CardReader.AllText((await teams.ClickAsync(TeamsUser.Alex, staff, "Résultats du sondage")).UpdatedCard!);
        tally.ShouldContain("1 commune sur 40 a répondu");
        tally.ShouldContain(Fr("Oui : 1 · Peut-être : 0 · Non : 0"));
    }

    [Fact]
    public async Task DevelopmentSeeds_FirstTry_StaffSeeTheSentAnnouncementWithItsReport()
    {
        await using var bot = new BotApplication(settings: DevelopmentSeeds());
        using var teams = bot.CreateTeamsClient();

        var list = (await teams.SayAsync(TeamsUser.Alex, "diffusions")).Card;

        var text = CardReader.AllText(list);
        text.ShouldContain("Deux séminaires ouverts aux inscriptions (démonstration)");
        text.ShouldContain("Terminée · Tous les bourgmestres");
        var report = (await teams.ClickAsync(TeamsUser.Alex, list, "Exporter le rapport (CSV)")).AllText;
        var csv = await teams.Http.GetStringAsync(new Uri(CsvLink().Match(report).Groups[1].Value).PathAndQuery);
        foreach (var bourgmestre in new[] { "Megan Bowen", "Adele Vance", "Isaiah Langer" })
        {
            csv.ShouldContain($"{bourgmestre},");
        }

        csv.ShouldContain(",envoyé,");
        csv.ShouldContain(Fr("Données de démonstration : rien n'a été envoyé dans Teams."));
        csv.ShouldNotContain("Patti");
    }

    [Fact]
    public async Task DevelopmentSeeds_Restart_SeedNothingTwice()
    {
        string container;
        Dictionary<string, string> before;
        await using (var first = new BotApplication(settings: DevelopmentSeeds()))
        {
            container = first.Container;
            before = await SeededDocumentsAsync(first);
        }

        await using var second = new BotApplication(container, DevelopmentSeeds());
        second.Clock.Offset = TimeSpan.FromDays(1);
        var after = await SeededDocumentsAsync(second);

        before.Keys.ShouldContain(key => key.StartsWith("conferences/sessions/", StringComparison.Ordinal));
        before.Keys.ShouldContain(key => key.StartsWith("ballots/", StringComparison.Ordinal));
        before.Keys.Count(key => key.StartsWith("labs/", StringComparison.Ordinal)).ShouldBe(2);
        before.Keys.Count(key => key.StartsWith("broadcasts/" + BroadcastsSeeder.BroadcastId + "/deliveries/", StringComparison.Ordinal)).ShouldBe(3);
        after.ShouldBe(before);
        (await second.Services.GetRequiredService<LabBook>().FindAsync(LabsSeeder.FullLabId))!.Registrations.Count.ShouldBe(5);
        (await second.Services.GetRequiredService<ConferenceStore>().ListAsync()).Count.ShouldBe(1);
        (await second.Services.GetRequiredService<AuditLog>().VerifyAsync(VotesSeeder.BallotId)).Entries.ShouldBe(2);
    }

    [Fact]
    public async Task DevelopmentSeeds_OneSeedFails_BotStartsAndTheOthersAreThere()
    {
        var container = $"bot-{Guid.NewGuid():N}";
        // A document the labs seed cannot read where its first lab goes: that seed fails at start.
        await new BlobDocumentStore(new BlobContainerClient(Azurite.ConnectionString, container)).UpsertAsync("labs/" + LabsSeeder.OpenLabId, "not a lab");
        await using var bot = new BotApplication(container, DevelopmentSeeds());
        using var teams = bot.CreateTeamsClient();

        (await teams.SayAsync(TeamsUser.Megan, "votes")).AllText.ShouldContain("(Démo) Approuvez-vous le plan commun de mobilité douce ?");
        (await teams.SayAsync(TeamsUser.Alex, "diffusions")).AllText.ShouldContain("(démonstration)");
        (await bot.KeysAsync("labs/")).ShouldBe(["labs/" + LabsSeeder.OpenLabId]);
    }

    [Fact]
    public async Task DefaultSettings_NothingSeeded()
    {
        await using var bot = new BotApplication();
        using var teams = bot.CreateTeamsClient();

        (await teams.SayAsync(TeamsUser.Patti, "séminaires")).AllText.ShouldContain("Aucun séminaire à venir pour le moment.");
        (await teams.SayAsync(TeamsUser.Megan, "votes")).AllText.ShouldContain("Aucun vote en cours pour vous.");
        foreach (var prefix in SeededPrefixes)
        {
            (await bot.KeysAsync(prefix)).ShouldBeEmpty(prefix);
        }
    }

    /// <summary>Every seeded document with its content, so that a restart that rewrote one (with new dates) shows.</summary>
    private static async Task<Dictionary<string, string>> SeededDocumentsAsync(BotApplication bot)
    {
        bot.CreateClient().Dispose();
        var documents = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var prefix in StablePrefixes)
        {
            foreach (var key in await bot.KeysAsync(prefix))
            {
                documents[key] = (await bot.Store.GetAsync(key))!.Content.ToString();
            }
        }

        return documents;
    }

    [GeneratedRegex(@"\]\((http[^)]+)\)")]
    private static partial Regex CsvLink();
}
