using BepBot.Chat;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Labs;

/// <summary>`labs.promote`: staff give a waiting person a seat by hand (ahead of the order, past the quota); with no seat free, the capacity grows by one.</summary>
public sealed class PromoteByHand(LabBook book, ShowLabRegistrants registrants, IStringLocalizer<LabsTexts> texts, TimeProvider clock, ILogger<PromoteByHand> logger)
    : StaffLabAction<PersonData>(book, registrants, texts, logger)
{
    protected override string Name => "promote";

    protected override string LabIdOf(PersonData request) => request.LabId;

    protected override Lab Apply(Lab current, PersonData request, ChatTurn turn) =>
        Promote(current, request.AadObjectId, turn.User.AadObjectId, clock.GetUtcNow(), Texts);

    // The book tells the person, as for any promotion (Before: waiting, After: confirmed).
    protected override Task<string?> AfterAsync(LabChange change, PersonData request, ChatTurn turn, CancellationToken cancellationToken) =>
        Task.FromResult<string?>(Promoted(change, request.AadObjectId, Texts));

    /// <summary>« Donner une place », in chat and in the dashboard tab alike.</summary>
    public static Lab Promote(Lab current, string aadObjectId, string staffAadObjectId, DateTimeOffset now, IStringLocalizer<LabsTexts> texts)
    {
        var person = Person(NotCancelled(current, texts), aadObjectId, texts);
        if (person.Status != SeatStatus.Waiting)
        {
            throw new LabChangeRejectedException(texts["Staff_AlreadyConfirmed"]);
        }

        return current with
        {
            Capacity = current.SeatsLeft > 0 ? current.Capacity : current.Capacity + 1,
            Registrations = [.. current.Registrations.Select(r => r == person ? r with { Status = SeatStatus.Confirmed, ChangedAt = now, ChangedBy = staffAadObjectId } : r)],
        };
    }

    /// <summary>What staff are told once the seat is given.</summary>
    public static string Promoted(LabChange change, string aadObjectId, IStringLocalizer<LabsTexts> texts)
    {
        var person = change.After.ActiveOf(aadObjectId)!;
        return change.After.Capacity > change.Before.Capacity ? texts["Staff_PromotedWithSeat", person.Name, change.After.Capacity] : texts["Staff_Promoted", person.Name];
    }
}
