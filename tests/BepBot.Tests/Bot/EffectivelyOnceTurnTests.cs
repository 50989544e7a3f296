using System.Text.Json.Nodes;
using BepBot.Features.Labs;
using BepBot.Features.Votes;
using BepBot.Tests.Harness;
using BepBot.Tests.Labs;
using Microsoft.Extensions.DependencyInjection;
using static BepBot.Tests.Votes.VoteSteps;
using Point = BepBot.Tests.Harness.FaultInjectingDocumentStore.Point;

namespace BepBot.Tests.Bot;

/// <summary>
/// Teams resends an activity it got no answer for. A turn that failed or whose process died after the activity was
/// claimed must not swallow the resend; a resend while the first delivery still runs is told it is in progress; and
/// whatever the moment of the fault, the click counts once. Faults are injected into the bot's real store.
/// </summary>
public sealed class EffectivelyOnceTurnTests : ConnectedBotTest
{
    // The default lease (Storage:ActivityClaimLease), and a little more.
    private static readonly TimeSpan PastTheLease = TimeSpan.FromSeconds(16);

    public EffectivelyOnceTurnTests()
        : base([TeamsUser.Alex, TeamsUser.Megan, TeamsUser.Patti]) =>
        Bot.WithServices(FaultInjectingDocumentStore.Install);

    private FaultInjectingDocumentStore Store => Bot.Services.GetRequiredService<FaultInjectingDocumentStore>();

    private BallotStore Ballots => Bot.Services.GetRequiredService<BallotStore>();

    [Theory]
    // Before the vote's document: nothing written yet.
    [InlineData("votes", Point.BeforeWrite, "pour", "Vous avez voté : Pour")]
    // After the audit journal entry, the last thing a vote writes: everything written.
    [InlineData("journal", Point.AfterWrite, "contre", "il n'est compté qu'une fois")]
    public async Task VoteClick_FaultAfterTheClaim_ResendCountsAndAuditsItOnceAndAnswers(string write, Point point, string choice, string answer)
    {
        var ballot = await OpenAsync(Bot, Motion());
        Store.ThrowOnce($"votes/{ballot.Id}/{write}/", point);

        var failed = await VoteAsync(Teams, TeamsUser.Megan, ballot.Id, "Namur", choice, activityId: $"vote-fault-{write}");
        var resent = await VoteAsync(Teams, TeamsUser.Megan, ballot.Id, "Namur", choice, activityId: $"vote-fault-{write}");

        failed.AllText.ShouldContain("erreur inattendue");
        resent.UpdatedCard.ShouldNotBeNull(resent.AllText);
        CardReader.AllText(resent.UpdatedCard).ShouldContain(Fr($"Vous avez voté : {(choice == "pour" ? "Pour" : "Contre")}"));
        resent.AllText.ShouldContain(Fr(answer));
        await ShouldHaveOneVoteAsync(ballot.Id, "Namur", choice);
    }

    [Fact]
    public async Task VoteClick_ResentWhileTheFirstStillRuns_ToldInProgressThenRunsOnceAfterTheLease()
    {
        var ballot = await OpenAsync(Bot, Motion());
        var hold = Store.HoldOnce($"votes/{ballot.Id}/votes/");
        var first = VoteAsync(Teams, TeamsUser.Megan, ballot.Id, "Namur", "pour", activityId: "vote-slow");
        await hold.Reached.WaitAsync(TimeSpan.FromSeconds(30));

        var duringFirst = await VoteAsync(Teams, TeamsUser.Megan, ballot.Id, "Namur", "pour", activityId: "vote-slow");
        var votesDuringFirst = await Ballots.ListVotesAsync(ballot.Id);
        // The first delivery's process is frozen: its lease runs out and Teams resends again.
        Bot.Clock.Offset += PastTheLease;
        var afterLease = await VoteAsync(Teams, TeamsUser.Megan, ballot.Id, "Namur", "pour", activityId: "vote-slow");
        hold.Release();
        await first;
        var afterAll = await VoteAsync(Teams, TeamsUser.Megan, ballot.Id, "Namur", "pour", activityId: "vote-slow");

        duringFirst.AllText.ShouldBe("Cette action est en cours de traitement. Si rien n'a changé d'ici quelques secondes, veuillez réessayer.");
        votesDuringFirst.ShouldBeEmpty();
        CardReader.AllText(afterLease.UpdatedCard!).ShouldContain(Fr("Vous avez voté : Pour"));
        CardReader.AllText(afterAll.UpdatedCard!).ShouldContain(Fr("Vous avez voté : Pour"));
        await ShouldHaveOneVoteAsync(ballot.Id, "Namur", "pour");
    }

    [Theory]
    [InlineData("ticket", Point.BeforeWrite, "Votre inscription est confirmée.")]
    [InlineData("ledger", Point.BeforeWrite, "Votre inscription est confirmée.")]
    [InlineData("ledger", Point.AfterWrite, "Votre inscription à ce séminaire est déjà enregistrée.")]
    public async Task LabRegistration_FaultAtEachWrite_ResendRegistersOnceAndAnswers(string write, Point point, string answer)
    {
        // A registration writes an arrival ticket, then takes it into the lab's ledger.
        var lab = await LabFixtures.CreateAsync(Bot, LabFixtures.NewLab());
        Store.ThrowOnce(write == "ticket" ? LabBook.InboxPrefix + lab.Id + "/" : LabBook.Prefix + lab.Id, point);

        var failed = await RegisterAsync(lab, $"lab-fault-{write}-{point}");
        var resent = await RegisterAsync(lab, $"lab-fault-{write}-{point}");

        failed.AllText.ShouldContain("erreur inattendue");
        CardReader.AllText(resent.UpdatedCard!).ShouldContain(answer);
        var ledger = await LabFixtures.GetAsync(Bot, lab.Id);
        ledger.Registrations.Count(registration => registration.IsActive).ShouldBe(1);
        ledger.ActiveOf(TeamsUser.Patti.AadObjectId)!.Status.ShouldBe(SeatStatus.Confirmed);
    }

    [Fact]
    public async Task Message_FaultAfterTheClaim_ResendAnswered()
    {
        // A stranger's first message stores the conversation's reference before anything else.
        Store.ThrowOnce("conversations/", Point.BeforeWrite);

        var failed = await Teams.SayAsync(TeamsUser.Stranger, "qui suis-je", activityId: "message-fault");
        var resent = await Teams.SayAsync(TeamsUser.Stranger, "qui suis-je", activityId: "message-fault");

        failed.AllText.ShouldContain("erreur inattendue");
        resent.AllText.ShouldContain("Jean Inconnu");
    }

    [Fact]
    public async Task Message_ResentWhileTheFirstStillRuns_ShortReplyAndNotRunTwice()
    {
        var hold = Store.HoldOnce("conversations/");
        var first = Teams.SayAsync(TeamsUser.Stranger, "qui suis-je", activityId: "message-slow");
        await hold.Reached.WaitAsync(TimeSpan.FromSeconds(30));

        var duringFirst = await Teams.SayAsync(TeamsUser.Stranger, "qui suis-je", activityId: "message-slow");
        hold.Release();
        var firstAnswer = await first;
        var afterFirst = await Teams.SayAsync(TeamsUser.Stranger, "qui suis-je", activityId: "message-slow");

        duringFirst.Texts.ShouldBe(["Cette action est en cours de traitement. Si rien n'a changé d'ici quelques secondes, veuillez réessayer."]);
        firstAnswer.AllText.ShouldContain("Jean Inconnu");
        afterFirst.Activities.ShouldBeEmpty();
    }

    private Task<BotResponse> RegisterAsync(Lab lab, string activityId) =>
        Teams.InvokeAsync(TeamsUser.Patti, "labs.register", new JsonObject { ["labId"] = lab.Id }, activityId: activityId);

    private async Task ShouldHaveOneVoteAsync(string ballotId, string commune, string choice)
    {
        var vote = (await Ballots.ListVotesAsync(ballotId)).ShouldHaveSingleItem();
        vote.Commune.ShouldBe(commune);
        vote.ChoiceIds.ShouldBe([choice]);
        vote.Revision.ShouldBe(1);
        (await SealedAuditAsync(Bot, ballotId)).Count(entry => entry.Kind is "vote-cast" or "vote-changed").ShouldBe(1);
    }
}
