using System.Text.Json;
using BepBot.Chat;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Labs;

/// <summary>`labs.cancel`: a person gives their seat (or waiting place) back; the first eligible waiting person is promoted and told.</summary>
public sealed class CancelMyRegistration(LabBook book, LabCards labCards, ListMyRegistrations mine, IStringLocalizer<LabsTexts> texts, TimeProvider clock, ILogger<CancelMyRegistration> logger) : ICardActionHandler
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
