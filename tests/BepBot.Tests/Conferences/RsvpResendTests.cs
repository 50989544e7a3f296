using System.Text.Json.Nodes;
using BepBot.Features.Conferences;
using BepBot.Platform.Procurations;
using BepBot.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;
using Point = BepBot.Tests.Harness.FaultInjectingDocumentStore.Point;

namespace BepBot.Tests.Conferences;

/// <summary>An RSVP click whose turn failed after the activity was claimed: Teams' resend records it, once.</summary>
public sealed class RsvpResendTests : ConferenceTest
{
    private FaultInjectingDocumentStore Store => Bot.Services.GetRequiredService<FaultInjectingDocumentStore>();

    private ProcurationBook Procurations => Bot.Services.GetRequiredService<ProcurationBook>();

    protected override bool WithGraph => false;

    protected override void ConfigureServices(IServiceCollection services) => FaultInjectingDocumentStore.Install(services);

    [Fact]
    public async Task Rsvp_FaultBetweenClaimAndAnswer_ResendRecordsItOnceAndAnswers()
    {
        var (session, _) = await ScheduleAsync();
        Store.ThrowOnce($"conferences/rsvps/{session.Id}/", Point.BeforeWrite);

        var failed = await RsvpAsync(session, "present", activityId: "rsvp-fault-before");
        var resent = await RsvpAsync(session, "present", activityId: "rsvp-fault-before");

        failed.AllText.ShouldContain("erreur inattendue");
        CardReader.AllText(resent.UpdatedCard!).ShouldContain(Fr("Réponse enregistrée : participation confirmée"));
        (await Conferences.RsvpsAsync(session.Id)).ShouldHaveSingleItem().Answer.ShouldBe(RsvpAnswer.Present);
    }

    [Fact]
    public async Task Rsvp_RepresentedFaultAfterTheAnswerWrite_ResendKeepsOneAnswerAndOneProcuration()
    {
        var (session, _) = await ScheduleAsync();
        Store.ThrowOnce($"conferences/rsvps/{session.Id}/", Point.AfterWrite);

        var failed = await RsvpAsync(session, "represented", activityId: "rsvp-fault-after", holder: TeamsUser.Adele);
        var resent = await RsvpAsync(session, "represented", activityId: "rsvp-fault-after", holder: TeamsUser.Adele);

        failed.AllText.ShouldContain("erreur inattendue");
        CardReader.AllText(resent.UpdatedCard!).ShouldContain("Réponse enregistrée");
        var rsvp = (await Conferences.RsvpsAsync(session.Id)).ShouldHaveSingleItem();
        rsvp.Answer.ShouldBe(RsvpAnswer.Represented);
        rsvp.HolderAadObjectId.ShouldBe(TeamsUser.Adele.AadObjectId);
        (await Procurations.ListAsync(ProcurationScope.Session, session.Id)).ShouldHaveSingleItem().GiverCommune.ShouldBe("Namur");
    }

    private Task<BotResponse> RsvpAsync(ConferenceSession session, string answer, string activityId, TeamsUser? holder = null)
    {
        var data = new JsonObject { ["sessionId"] = session.Id, ["answer"] = answer };
        if (holder is not null)
        {
            data["holder"] = holder.AadObjectId;
        }

        return Teams.InvokeAsync(TeamsUser.Megan, "conferences.rsvp", data, activityId: activityId);
    }
}
