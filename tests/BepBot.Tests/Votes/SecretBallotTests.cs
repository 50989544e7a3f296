using System.Text.Json.Nodes;
using BepBot.Features.Votes;
using BepBot.Infrastructure.Storage;
using BepBot.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;
using static BepBot.Tests.Votes.VoteSteps;

namespace BepBot.Tests.Votes;

/// <summary>
/// A secret ballot stays secret to whoever reads the storage account: the choice is sealed until the close counts it,
/// then erased, and no crash on the way loses or double-counts a vote. Demo roster: Megan (Namur), Adele (Dinant) and
/// Isaiah (Couvin) are bourgmestres.
/// </summary>
public sealed class SecretBallotTests() : ConnectedBotTest(
    [TeamsUser.Alex, TeamsUser.Megan, TeamsUser.Adele, TeamsUser.Isaiah],
    settings: new Dictionary<string, string?> { ["Votes:CloseSettle"] = "00:00:00" })
{
    private static readonly string[] Communes = ["Namur", "Dinant", "Couvin"];

    private BallotStore Ballots => Bot.Services.GetRequiredService<BallotStore>();

    [Fact]
    public async Task Close_CountsTheSealedChoicesThenNothingInTheStoreLinksACommuneToItsChoice()
    {
        var ballot = await OpenWithThreeVotesAsync();

        await Teams.InvokeAsync(TeamsUser.Alex, "votes.close", new JsonObject { ["ballotId"] = ballot.Id });

        var result = (await GetAsync(Bot, ballot.Id)).Result!;
        result.Counts["pour"].ShouldBe(2);
        result.Counts["contre"].ShouldBe(1);
        result.Participants.ShouldBe(3);
        (await Ballots.ListParticipationAsync(ballot.Id)).Select(participation => participation.Commune).Order().ShouldBe(Communes.Order());
        (await Ballots.ListParticipationAsync(ballot.Id)).ShouldAllBe(participation => participation.SealedChoice == null);
        var choiceWords = ballot.Choices.SelectMany(choice => new[] { choice.Id, choice.Label }).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var key in await Bot.KeysAsync())
        {
            if (key == "ballots/" + ballot.Id)
            {
                continue; // The question, its choices, the communes in scope and the counts: public, and no commune with a choice.
            }

            var strings = StringsOf(JsonNode.Parse((await Bot.Store.GetAsync(key))!.Content.ToString()));
            strings.Where(choiceWords.Contains).ShouldBeEmpty($"{key} names a choice");
            strings.ShouldNotContain(value => value.Contains("sealed", StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public async Task Close_CrashAfterTheResultBeforeTheErasure_AnotherCloseErasesAndCountsNothingTwice()
    {
        var ballot = await OpenAsync(Bot, Motion() with { Secret = true });
        await VoteAsync(Teams, TeamsUser.Megan, ballot.Id, "Namur", "contre");
        await VoteAsync(Teams, TeamsUser.Adele, ballot.Id, "Dinant", "pour");
        var counted = new BallotResult(
            new Dictionary<string, int> { ["pour"] = 1, ["contre"] = 1, ["abstention"] = 0 }, 2, 40, true, BallotOutcome.Rejected, [], AuditLog.GenesisHash, 0, Bot.Clock.GetUtcNow());
        // As a closer that died right after storing the result leaves it: closed, counted, choices still sealed.
        await Ballots.ChangeAsync(ballot.Id, current => current with { State = BallotState.Closed, ClosedAt = Bot.Clock.GetUtcNow(), Result = counted });

        var again = await Teams.InvokeAsync(TeamsUser.Alex, "votes.close", new JsonObject { ["ballotId"] = ballot.Id });

        again.AllText.ShouldNotContain("Désolé");
        (await Ballots.ListParticipationAsync(ballot.Id)).ShouldAllBe(participation => participation.SealedChoice == null);
        (await Ballots.ListParticipationAsync(ballot.Id)).Count.ShouldBe(2);
        var result = (await GetAsync(Bot, ballot.Id)).Result!;
        result.Counts.ShouldBe(counted.Counts, ignoreOrder: true);
        result.ComputedAt.ShouldBe(counted.ComputedAt, TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public async Task Close_CrashBeforeTheResult_TheNextCloseCountsEachSealedChoiceOnce()
    {
        var ballot = await OpenWithThreeVotesAsync();
        // As a closer that died after marking the ballot closed leaves it: no result, every choice still sealed.
        await Ballots.ChangeAsync(ballot.Id, current => current with { State = BallotState.Closed, ClosedAt = Bot.Clock.GetUtcNow() });
        Bot.Clock.Offset = TimeSpan.FromMinutes(6);

        await Teams.InvokeAsync(TeamsUser.Alex, "votes.close", new JsonObject { ["ballotId"] = ballot.Id });

        var result = (await GetAsync(Bot, ballot.Id)).Result!;
        result.Counts["pour"].ShouldBe(2);
        result.Counts["contre"].ShouldBe(1);
        (await Ballots.ListParticipationAsync(ballot.Id)).ShouldAllBe(participation => participation.SealedChoice == null);
    }

    [Fact]
    public async Task Seal_CopiedOntoAnotherCommune_DoesNotOpen()
    {
        var ballot = await OpenAsync(Bot, Motion() with { Secret = true });
        await VoteAsync(Teams, TeamsUser.Megan, ballot.Id, "Namur", "contre");
        var seal = Bot.Services.GetRequiredService<BallotSeal>();
        var namur = (await Ballots.GetParticipationAsync(ballot.Id, "Namur"))!;

        seal.Open(ballot.Id, "Namur", namur.SealedChoice!).ShouldBe(["contre"]);
        Should.Throw<BallotSealException>(() => seal.Open(ballot.Id, "Couvin", namur.SealedChoice!));
        Should.Throw<BallotSealException>(() => seal.Open(BallotStore.NewId(), "Namur", namur.SealedChoice!));
        Should.Throw<BallotSealException>(() => seal.Open(ballot.Id, "Namur", "pas-un-sceau"));
    }

    [Theory]
    [InlineData("secret", true)]
    [InlineData("public", false)]
    public async Task NewBallot_SecretAmongFewVoters_StaffAreWarnedBeforeConfirming(string kind, bool warned)
    {
        string[] answers = ["Approuvez-vous la convention de la centrale d'achat ?", "-", "-", "default", "all", "maintenant", "à la main", kind, "50 %", "simple", "non", .. kind == "public" ? new[] { "non" } : []];
        await Teams.SayAsync(TeamsUser.Alex, "nouveau vote");
        BotResponse last = null!;
        foreach (var answer in answers)
        {
            last = await Teams.SayAsync(TeamsUser.Alex, answer);
        }

        last.AllText.ShouldContain(Fr("Créer ce vote ?"));
        if (warned)
        {
            last.AllText.ShouldContain("Dans ce périmètre, seules 3 communes ont leur bourgmestre dans l'annuaire (moins de 5)");
        }
        else
        {
            last.AllText.ShouldNotContain("Seules");
        }
    }

    /// <summary>A secret motion: Namur « contre », Dinant and Couvin « pour ».</summary>
    private async Task<Ballot> OpenWithThreeVotesAsync()
    {
        var ballot = await OpenAsync(Bot, Motion() with { Secret = true });
        await VoteAsync(Teams, TeamsUser.Megan, ballot.Id, "Namur", "contre");
        await VoteAsync(Teams, TeamsUser.Adele, ballot.Id, "Dinant", "pour");
        await VoteAsync(Teams, TeamsUser.Isaiah, ballot.Id, "Couvin", "pour");
        return ballot;
    }

    private static List<string> StringsOf(JsonNode? node) => node switch
    {
        JsonObject obj => [.. obj.SelectMany(pair => StringsOf(pair.Value).Append(pair.Key))],
        JsonArray array => [.. array.SelectMany(StringsOf)],
        JsonValue value when value.TryGetValue<string>(out var text) => [text],
        _ => [],
    };
}
