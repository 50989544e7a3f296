using System.Text.Json.Nodes;
using BepBot.Chat;
using BepBot.Features.Roster;
using BepBot.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;

namespace BepBot.Tests.Conferences;

/// <summary>
/// Before an invitation or a date poll goes out, staff see which bourgmestres in scope BepBot cannot reach yet:
/// Isaiah Langer (Couvin) removed BepBot, Anne Dupont (Gesves) is registered by e-mail and never came.
/// </summary>
public sealed class ReachabilityPreviewTests : ConferenceTest
{
    private static readonly string Unreachable = Fr(
        "2 destinataires ne peuvent pas encore être joints par BepBot et ne recevront rien : "
        + "Isaiah Langer (BepBot n'a pas encore été ouvert dans Teams, ou en a été retiré depuis) ; "
        + "Anne Dupont (inscription par e-mail en attente, BepBot n'a encore jamais été ouvert).");

    protected override bool WithGraph => false;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Teams.UninstallAsync(TeamsUser.Isaiah);
        await Bot.Services.GetRequiredService<RosterDirectory>().ChangeAsync(
            roster => [.. roster.Members, new Member(Member.PendingIdOf("anne.dupont@gesves.be"), "Anne Dupont", "anne.dupont@gesves.be", Role.Bourgmestre, "Gesves")],
            "test");
    }

    [Fact]
    public async Task Invitation_Confirmation_ListsTheBourgmestresBepBotCannotReach_AlsoWhenAskedAgain()
    {
        var confirm = await AnswerUpToConfirmationAsync("province", "date fixe", Typed(InDays(30)));
        var again = await Teams.SayAsync(TeamsUser.Alex, "peut-être");

        confirm.AllText.ShouldContain(Fr("Enregistrer la séance et l'envoyer aux bourgmestres ?"));
        confirm.AllText.ShouldContain(Unreachable);
        again.AllText.ShouldContain(Unreachable);
    }

    [Fact]
    public async Task DatePoll_Confirmation_ListsOnlyTheBourgmestresOfItsBassin()
    {
        // Couvin is in Essaimage; Gesves, Namur and Dinant are not.
        var confirm = await AnswerUpToConfirmationAsync("essaimage", "sondage", $"{Typed(InDays(30))} ; {Typed(InDays(31))}");

        confirm.AllText.ShouldContain(Fr("Enregistrer la séance et l'envoyer aux bourgmestres ?"));
        confirm.AllText.ShouldContain(Fr("1 destinataire ne peut pas encore être joint par BepBot et ne recevra rien : Isaiah Langer (BepBot n'a pas encore été ouvert dans Teams, ou en a été retiré depuis)."));
        confirm.AllText.ShouldNotContain("Anne Dupont");
    }

    [Fact]
    public async Task PollTally_WhereStaffRetainTheDate_ListsTheBourgmestresTheInvitationWillNotReach()
    {
        var (poll, _) = await ScheduleAsync(candidates: [InDays(30), InDays(31)]);

        var tally = CardReader.AllText((await Teams.InvokeAsync(TeamsUser.Alex, "conferences.tally", new JsonObject { ["sessionId"] = poll.Id })).UpdatedCard!);

        tally.ShouldContain("Retenir le");
        tally.ShouldContain(Unreachable);
    }

    private async Task<BotResponse> AnswerUpToConfirmationAsync(string scope, string mode, string dates)
    {
        string[] answers = ["Conférence de printemps", scope, "en ligne", "120", mode, dates, "majority"];
        var reply = await Teams.SayAsync(TeamsUser.Alex, "planifier une conférence");
        foreach (var answer in answers)
        {
            reply = await Teams.SayAsync(TeamsUser.Alex, answer);
        }

        return reply;
    }
}
