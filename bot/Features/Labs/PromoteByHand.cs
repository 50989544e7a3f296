using BepBot.Chat;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Labs;

/// <summary>`labs.promote`: staff give a waiting person a seat by hand (ahead of the order, past the quota); with no seat free, the capacity grows by one.</summary>
public sealed class PromoteByHand(LabBook book, ShowLabRegistrants registrants, IStringLocalizer<LabsTexts> texts, TimeProvider clock, ILogger<PromoteByHand> logger)
    : StaffLabAction<PersonData>(book, registrants, texts, logger)
{
    protected override string Name => "promote";

    protected override string LabIdOf(PersonData request) => request.LabId;

    protected override Lab Apply(Lab current, PersonData request, ChatTurn turn)
    {
        var person = Person(NotCancelled(current), request.AadObjectId);
        if (person.Status != SeatStatus.Waiting)
        {
            throw new LabChangeRejectedException(Texts["Staff_AlreadyConfirmed"]);
        }

        return current with
        {
            Capacity = current.SeatsLeft > 0 ? current.Capacity : current.Capacity + 1,
            Registrations = [.. current.Registrations.Select(r => r == person ? r with { Status = SeatStatus.Confirmed, ChangedAt = clock.GetUtcNow(), ChangedBy = turn.User.AadObjectId } : r)],
        };
    }

    // The book tells the person, as for any promotion (Before: waiting, After: confirmed).
    protected override Task<string?> AfterAsync(LabChange change, PersonData request, ChatTurn turn, CancellationToken cancellationToken)
    {
        var person = change.After.ActiveOf(request.AadObjectId)!;
        return Task.FromResult<string?>(change.After.Capacity > change.Before.Capacity ? Texts["Staff_PromotedWithSeat", person.Name, change.After.Capacity] : Texts["Staff_Promoted", person.Name]);
    }
}
