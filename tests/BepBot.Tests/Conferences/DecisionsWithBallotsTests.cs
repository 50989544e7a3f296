using System.Globalization;
using BepBot.Chat;
using BepBot.Platform.CommunePages;
using BepBot.Features.Conferences;
using BepBot.Features.Roster;
using BepBot.Platform.Sessions;
using BepBot.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;

namespace BepBot.Tests.Conferences;

/// <summary>With the votes feature's ballots available (a stand-in source here), the relevé lists them by themselves.</summary>
public sealed class DecisionsWithBallotsTests : ConferenceTest
{
    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddSingleton<ISessionBallotSource, HeldBallots>();

    [Fact]
    public async Task Decisions_BallotsHeld_IncludedWithTheirIdsBesideTypedOnes()
    {
        var (session, _) = await ScheduleAsync(date: InDays(1));
        Bot.Clock.Offset = TimeSpan.FromDays(2);

        var start = await Teams.ClickAsync(TeamsUser.Alex, await StaffCardAsync(session), "Relevé de décisions");
        await Teams.SayAsync(TeamsUser.Alex, "Prochaine conférence en juin");
        var done = await Teams.SayAsync(TeamsUser.Alex, "oui");

        start.AllText.ShouldContain(Fr("Les votes tenus pendant la séance seront repris d'office : ") + "Adhérer à la centrale énergie ? (adopté : 31 pour, 2 contre)");
        done.AllText.ShouldContain("1. Adhérer à la centrale énergie ?\u00A0: adopté : 31 pour, 2 contre (vote n° ballot42)");
        done.AllText.ShouldContain("2. Prochaine conférence en juin");
        (await Conferences.GetAsync(session.Id))!.Decisions[0].BallotId.ShouldBe("ballot42");
    }

    [Fact]
    public async Task CommunePage_NextConference_ShowsDateAndTheCommunesAnswer()
    {
        var (session, _) = await ScheduleAsync(title: "Conférence d'automne", date: InDays(12));
        await Teams.InvokeAsync(TeamsUser.Megan, "conferences.rsvp", new System.Text.Json.Nodes.JsonObject { ["sessionId"] = session.Id, ["answer"] = "absent" });
        var section = Bot.Services.GetServices<ICommunePageSection>().OfType<NextConferenceSection>().Single();
        var viewer = new ChatUser(TeamsUser.Patti.AadObjectId, "Patti Fernandez", Role.Officer, null);

        var namur = await section.DescribeAsync("Namur", viewer, CultureInfo.GetCultureInfo("fr-BE"), CancellationToken.None);
        var ciney = await section.DescribeAsync("Ciney", viewer, CultureInfo.GetCultureInfo("en-GB"), CancellationToken.None);

        namur!.Title.ShouldBe("Prochaine séance");
        namur.Lines.Single().Text.ShouldStartWith("Conférence d'automne · ");
        namur.Lines.Single().Detail.ShouldBe(Fr("Votre réponse : absence annoncée"));
        ciney!.Lines.Single().Detail.ShouldBe("Your answer: not given yet");
    }

    private sealed class HeldBallots : ISessionBallotSource
    {
        public Task<IReadOnlyList<SessionBallot>> ForSessionAsync(string sessionId, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<SessionBallot>>([new SessionBallot("ballot42", "Adhérer à la centrale énergie ?", null, "adopté : 31 pour, 2 contre")]);
    }
}
