using System.Text.Json;
using BepBot.Chat;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Labs;

/// <summary>
/// `labs.register`: one click registers. Everything in the payload is checked against the store and the roster
/// (the lab exists, is open, the deadline has not passed, the audience includes the person); the card then shows
/// "inscrit" or the waiting-list position with its reason.
/// </summary>
public sealed class RegisterForLab(LabBook book, LabCards labCards, IStringLocalizer<LabsTexts> texts, TimeProvider clock, ILogger<RegisterForLab> logger) : ICardActionHandler
{
    public const string StaffCommune = "BEP";

    public async Task<Reply> HandleAsync(ChatTurn turn, JsonElement data, CancellationToken cancellationToken)
    {
        var request = CardData.Read<LabIdData>(data);
        var lab = await book.FindAsync(request.LabId, cancellationToken);
        var refusal = Refusal(turn, lab);
        if (refusal is not null)
        {
            LabsLog.Refused(logger, "register", request.LabId, turn.User.AadObjectId, refusal);
            return Reply.WithText(texts[refusal]);
        }

        var member = turn.User.Member!;
        if (lab!.ActiveOf(member.AadObjectId) is not null)
        {
            return Reply.UpdatingCard(await labCards.LabCardAsync(lab, turn.User, texts["Register_Already"], cancellationToken));
        }

        var placed = await book.RegisterAsync(lab.Id, member.AadObjectId, member.Name, member.Commune ?? StaffCommune, byStaff: false, cancellationToken);
        var standing = placed.StandingOf(member.AadObjectId);
        if (standing is null)
        {
            // Closed or cancelled between our check and the ledger taking the ticket in.
            LabsLog.Refused(logger, "register", lab.Id, turn.User.AadObjectId, "closed meanwhile");
            return Reply.WithText(texts["Refusal_Closed"]);
        }

        LabsLog.Registered(logger, lab.Id, member.AadObjectId, standing.Registration.Status);
        var notice = standing.Registration.Status == SeatStatus.Confirmed ? texts["Register_Confirmed"] : texts["Register_Waiting"];
        return Reply.UpdatingCard(await labCards.LabCardAsync(placed, turn.User, notice, cancellationToken));
    }

    private string? Refusal(ChatTurn turn, Lab? lab)
    {
        var staff = turn.User.Role == Role.BepStaff;
        return turn.User.Member is null ? "Refusal_NotInRoster"
            : lab is null ? "Lab_Unknown"
            : lab.State == LabState.Cancelled ? "Refusal_Cancelled"
            : !lab.Admits(turn.User.Role) ? "Refusal_Audience"
            : !staff && lab.State == LabState.Closed ? "Refusal_Closed"
            : !staff && clock.GetUtcNow() > lab.Details.RegistrationDeadline ? "Refusal_Deadline"
            : null;
    }
}

/// <summary>`labs.cancel`: a person gives their seat (or waiting place) back; the first eligible waiting person is promoted and told.</summary>
public sealed class CancelMyRegistration(LabBook book, LabCards labCards, MyRegistrations mine, IStringLocalizer<LabsTexts> texts, TimeProvider clock, ILogger<CancelMyRegistration> logger) : ICardActionHandler
{
    public async Task<Reply> HandleAsync(ChatTurn turn, JsonElement data, CancellationToken cancellationToken)
    {
        var request = CardData.Read<CancelMineData>(data);
        if (request.From is not ("lab" or "mine"))
        {
            throw new InvalidCardDataException($"Unknown origin '{request.From}'.");
        }

        var lab = await book.FindAsync(request.LabId, cancellationToken);
        var refusal = lab is null ? "Lab_Unknown"
            : lab.State == LabState.Cancelled ? "Refusal_Cancelled"
            : turn.User.Role != Role.BepStaff && clock.GetUtcNow() > lab.Details.RegistrationDeadline ? "Refusal_DeadlineCancel"
            : null;
        if (refusal is not null)
        {
            LabsLog.Refused(logger, "cancel", request.LabId, turn.User.AadObjectId, refusal);
            return Reply.WithText(texts[refusal]);
        }

        LabChange? change;
        try
        {
            change = await book.ChangeAsync(lab!.Id, current => CancelOne(current, turn.User.AadObjectId, turn.User.AadObjectId, clock.GetUtcNow(), texts), cancellationToken);
        }
        catch (LabChangeRejectedException ex)
        {
            LabsLog.Refused(logger, "cancel", request.LabId, turn.User.AadObjectId, ex.Message);
            return Reply.WithText(ex.Message);
        }

        LabsLog.Cancelled(logger, lab.Id, turn.User.AadObjectId, turn.User.AadObjectId);
        return request.From == "mine"
            ? Reply.UpdatingCard(await mine.CardAsync(turn, texts["Cancel_Done", change!.After.Details.Title], cancellationToken))
            : Reply.UpdatingCard(await labCards.LabCardAsync(change!.After, turn.User, texts["Cancel_Done", change.After.Details.Title], cancellationToken));
    }

    /// <summary>The one way a registration ends (by the person or by staff); the book's settle then fills the seat.</summary>
    public static Lab CancelOne(Lab current, string aadObjectId, string actor, DateTimeOffset now, IStringLocalizer<LabsTexts> texts)
    {
        if (current.State == LabState.Cancelled)
        {
            throw new LabChangeRejectedException(texts["Refusal_Cancelled"]);
        }

        var active = current.ActiveOf(aadObjectId) ?? throw new LabChangeRejectedException(texts["Cancel_NotRegistered"]);
        return current with
        {
            Registrations = [.. current.Registrations.Select(registration => registration == active ? registration with { Status = SeatStatus.Cancelled, ChangedAt = now, ChangedBy = actor } : registration)],
        };
    }
}
