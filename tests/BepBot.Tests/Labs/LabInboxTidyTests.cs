using BepBot.Features.Labs;
using BepBot.Infrastructure.Scheduling;
using BepBot.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;

namespace BepBot.Tests.Labs;

/// <summary>The day after a lab, its arrival tickets go; the ledger (who registered, in which order, with which seat) stays.</summary>
public sealed class LabInboxTidyTests : LabsBotTestBase
{
    [Fact]
    public async Task TidyJob_DayAfterTheLab_TicketsDeletedLedgerKept()
    {
        var lab = await OneSeatPattiInLynneWaitingAsync();
        (await Bot.KeysAsync(LabBook.InboxPrefix + lab.Id + "/")).Count.ShouldBe(2);
        await LabInboxTidyJob.ScheduleAsync(Bot.Services.GetRequiredService<JobBook>(), lab, default);

        Bot.Clock.Offset = lab.Details.StartsAt - DateTimeOffset.UtcNow + TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1);

        var deadline = DateTime.UtcNow.AddSeconds(15);
        while ((await Bot.KeysAsync(LabBook.InboxPrefix + lab.Id + "/")).Count > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        (await Bot.KeysAsync(LabBook.InboxPrefix + lab.Id + "/")).ShouldBeEmpty();
        var after = await LabAsync(lab.Id);
        after.StandingOf(TeamsUser.Patti.AadObjectId)!.Registration.Status.ShouldBe(SeatStatus.Confirmed);
        after.StandingOf(TeamsUser.Lynne.AadObjectId)!.Registration.Status.ShouldBe(SeatStatus.Waiting);
    }

    [Fact]
    public async Task TidyInbox_TicketNotYetInTheLedger_TakenInFirstThenDeleted()
    {
        var lab = await CreateLabAsync(LabFixtures.NewLab(capacity: 5));
        // A ticket whose writer stopped before taking it in (the click's turn failed after the first write).
        await Bot.Store.CreateAsync($"{LabBook.InboxPrefix}{lab.Id}/0638999999999999999/m/{TeamsUser.Patti.AadObjectId}/Namur/Patti%20Fernandez", BinaryData.FromString("{}"));

        var tidied = await Book.TidyInboxAsync(lab.Id);

        tidied.ShouldBe(1);
        (await LabAsync(lab.Id)).StandingOf(TeamsUser.Patti.AadObjectId)!.Registration.Status.ShouldBe(SeatStatus.Confirmed);
        (await Bot.KeysAsync(LabBook.InboxPrefix + lab.Id + "/")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Register_NameTooLongForAKeySegment_TakenInWholeOnceThenTidied()
    {
        var lab = await CreateLabAsync(LabFixtures.NewLab(capacity: 5));
        // Escaped, each « é » is six characters: the ticket's name segment is longer than the store keeps whole.
        var name = "Marie-" + new string('é', 150);

        var placed = await Book.RegisterAsync(lab.Id, TeamsUser.Patti.AadObjectId, name, "Namur", byStaff: false);
        var again = await Book.TakeInAsync(lab.Id);
        var tidied = await Book.TidyInboxAsync(lab.Id);

        var registration = placed.StandingOf(TeamsUser.Patti.AadObjectId)!.Registration;
        registration.Name.ShouldBe(name);
        registration.Status.ShouldBe(SeatStatus.Confirmed);
        again.Registrations.ShouldHaveSingleItem();
        tidied.ShouldBe(1);
        (await Bot.KeysAsync(LabBook.InboxPrefix + lab.Id + "/")).ShouldBeEmpty();
    }

    [Fact]
    public async Task TidyJob_LabMovedSince_OldJobLeavesTheInbox()
    {
        var lab = await OneSeatPattiInLynneWaitingAsync();
        var scheduler = Bot.Services.GetRequiredService<JobBook>();
        await scheduler.ScheduleAsync(LabInboxTidyJob.JobKind, "labs-tidy-moved", DateTimeOffset.UtcNow, lab.Id + ":12345");

        var deadline = DateTime.UtcNow.AddSeconds(15);
        while ((await scheduler.GetAsync("labs-tidy-moved"))!.State != JobState.Done && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        (await scheduler.GetAsync("labs-tidy-moved"))!.State.ShouldBe(JobState.Done);
        (await Bot.KeysAsync(LabBook.InboxPrefix + lab.Id + "/")).Count.ShouldBe(2);
    }
}
