using System.Globalization;
using BepBot.Features.Labs;
using BepBot.Infrastructure.Time;
using BepBot.Platform.Delivery;
using BepBot.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;
using static BepBot.Tests.Broadcasts.BroadcastSteps;

namespace BepBot.Tests.Labs;

/// <summary>The seminar notices that carry the calendar button follow the seminar: its new date, or « annulé ».</summary>
public sealed class LabCardUpdateTests : LabsBotTestBase
{
    [Fact]
    public async Task ChangedThenCancelled_EarlierNoticeShowsTheNewDateThenCancelledWithoutCalendar()
    {
        var lab = await CreateLabAsync(LabFixtures.NewLab(capacity: 3));
        await Teams.InvokeAsync(TeamsUser.Patti, "labs.register", Data(lab.Id));
        await SaveDateAsync(lab, days: 1);
        var firstNotice = await NoticeActivityAsync(lab.Id, 2);
        await WaitForUpdatesAsync(lab.Id, 1);
        // The update that followed the first change may have found that notice just sent, and shown it as it was.
        var earlier = Connector.UpdatesOf(firstNotice).Count;

        var moved = await SaveDateAsync(lab, days: 2);
        await WaitForUpdatesAsync(lab.Id, 2);

        Connector.UpdatesOf(firstNotice).Count.ShouldBe(earlier + 1);
        var update = Connector.UpdatesOf(firstNotice)[^1];
        update.AllText.ShouldContain(BelgianTime.FormatDate(moved.Details.StartsAt, BelgianTime.French));
        update.Activity.ToJsonString().ShouldContain("labs.ics");

        var list = (await Teams.InvokeAsync(TeamsUser.Alex, "labs.registrants", Data(lab.Id))).Card;
        var ask = (await Teams.ClickAsync(TeamsUser.Alex, list, "Annuler le séminaire")).Card;
        await Teams.ClickAsync(TeamsUser.Alex, ask, "Oui, annuler le séminaire");
        await WaitForUpdatesAsync(lab.Id, 3);

        var cancelled = Connector.UpdatesOf(firstNotice);
        cancelled.Count.ShouldBe(earlier + 2);
        cancelled[^1].AllText.ShouldContain(Fr("Séminaire annulé : ") + lab.Details.Title);
        cancelled[^1].Activity.ToJsonString().ShouldNotContain("labs.ics");
    }

    private async Task<Lab> SaveDateAsync(Lab lab, int days)
    {
        var form = (await Teams.InvokeAsync(TeamsUser.Alex, "labs.edit", Data(lab.Id))).Card;
        var date = BelgianTime.ToBrussels(lab.Details.StartsAt).AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await Teams.ClickAsync(TeamsUser.Alex, form, "Enregistrer", Form(form, new Dictionary<string, string> { ["date"] = date }));
        return await LabAsync(lab.Id);
    }

    /// <summary>The activity id of Patti's « Séminaire modifié » notice of the given revision, once it went out.</summary>
    private async Task<string> NoticeActivityAsync(string labId, int revision)
    {
        var broadcast = await WaitForStateAsync(Bot, "labchange" + labId + revision.ToString(CultureInfo.InvariantCulture), BroadcastState.Completed);
        return (await DeliveriesAsync(Bot, broadcast.Id))["Patti Fernandez"].ActivityId!;
    }

    private async Task WaitForUpdatesAsync(string labId, int count)
    {
        var store = Bot.Services.GetRequiredService<BroadcastStore>();
        await WaitUntilAsync(
            () => store.ListAsync().Where(broadcast => broadcast.Updates?.Subject == LabNoticeContent.SubjectOfLab(labId) && broadcast.State == BroadcastState.Completed).CountAsync().AsTask().Result >= count,
            TimeSpan.FromSeconds(30),
            () => $"fewer than {count} completed updates of the lab's cards");
    }
}
