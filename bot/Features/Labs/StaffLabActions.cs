using System.Text.Json;
using BepBot.Cards;
using BepBot.Chat;
using BepBot.Platform.Delivery;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Labs;

/// <summary>What every staff action on a lab shares: the strict read, the lab lookup, the refusal, the refreshed registrants card.</summary>
public abstract class StaffLabAction<TData>(LabBook book, LabRegistrants registrants, IStringLocalizer<LabsTexts> texts, ILogger logger) : ICardActionHandler
    where TData : class
{
    protected LabBook Book => book;

    protected IStringLocalizer<LabsTexts> Texts => texts;

    protected abstract string Name { get; }

    public async Task<Reply> HandleAsync(ChatTurn turn, JsonElement data, CancellationToken cancellationToken)
    {
        var request = CardData.Read<TData>(data);
        var labId = LabIdOf(request);
        try
        {
            var change = await book.ChangeAsync(labId, current => Apply(current, request, turn), cancellationToken);
            if (change is null)
            {
                LabsLog.Refused(logger, Name, labId, turn.User.AadObjectId, "unknown lab");
                return Reply.WithText(texts["Lab_Unknown"]);
            }

            LabsLog.StaffAction(logger, labId, Name, turn.User.AadObjectId);
            var notice = await AfterAsync(change, request, turn, cancellationToken);
            return Reply.UpdatingCard(registrants.Card(change.After, notice));
        }
        catch (LabChangeRejectedException ex)
        {
            LabsLog.Refused(logger, Name, labId, turn.User.AadObjectId, ex.Message);
            return Reply.WithText(ex.Message);
        }
    }

    protected abstract string LabIdOf(TData request);

    /// <summary>The change on the latest lab; throw <see cref="LabChangeRejectedException"/> when it does not fit.</summary>
    protected abstract Lab Apply(Lab current, TData request, ChatTurn turn);

    protected virtual Task<string?> AfterAsync(LabChange change, TData request, ChatTurn turn, CancellationToken cancellationToken) =>
        Task.FromResult<string?>(null);

    protected Lab NotCancelled(Lab current) =>
        current.State == LabState.Cancelled ? throw new LabChangeRejectedException(texts["Refusal_Cancelled"]) : current;

    protected Registration Person(Lab current, string aadObjectId) =>
        current.ActiveOf(aadObjectId) ?? throw new LabChangeRejectedException(texts["Staff_PersonNotRegistered"]);
}

public sealed class CloseLabRegistrations(LabBook book, LabRegistrants registrants, IStringLocalizer<LabsTexts> texts, ILogger<CloseLabRegistrations> logger)
    : StaffLabAction<LabIdData>(book, registrants, texts, logger)
{
    protected override string Name => "close";

    protected override string LabIdOf(LabIdData request) => request.LabId;

    protected override Lab Apply(Lab current, LabIdData request, ChatTurn turn) =>
        NotCancelled(current).State == LabState.Open ? current with { State = LabState.Closed } : throw new LabChangeRejectedException(Texts["Staff_AlreadyClosed"]);

    protected override Task<string?> AfterAsync(LabChange change, LabIdData request, ChatTurn turn, CancellationToken cancellationToken) =>
        Task.FromResult<string?>(Texts["Staff_Closed"]);
}

public sealed class ReopenLabRegistrations(LabBook book, LabRegistrants registrants, IStringLocalizer<LabsTexts> texts, ILogger<ReopenLabRegistrations> logger)
    : StaffLabAction<LabIdData>(book, registrants, texts, logger)
{
    protected override string Name => "reopen";

    protected override string LabIdOf(LabIdData request) => request.LabId;

    protected override Lab Apply(Lab current, LabIdData request, ChatTurn turn) =>
        NotCancelled(current).State == LabState.Closed ? current with { State = LabState.Open } : throw new LabChangeRejectedException(Texts["Staff_AlreadyOpen"]);

    protected override Task<string?> AfterAsync(LabChange change, LabIdData request, ChatTurn turn, CancellationToken cancellationToken) =>
        Task.FromResult<string?>(Texts["Staff_Reopened"]);
}

/// <summary>`labs.cancellab`: the lab is cancelled; everyone registered (seat or waiting list) is told.</summary>
public sealed class CancelLab(LabBook book, LabRegistrants registrants, Broadcaster broadcaster, IStringLocalizer<LabsTexts> texts, ILogger<CancelLab> logger)
    : StaffLabAction<LabIdData>(book, registrants, texts, logger)
{
    protected override string Name => "cancellab";

    protected override string LabIdOf(LabIdData request) => request.LabId;

    protected override Lab Apply(Lab current, LabIdData request, ChatTurn turn) =>
        NotCancelled(current) with { State = LabState.Cancelled, Revision = current.Revision + 1 };

    protected override async Task<string?> AfterAsync(LabChange change, LabIdData request, ChatTurn turn, CancellationToken cancellationToken)
    {
        var people = change.After.Registrations.Where(registration => registration.IsActive).Select(registration => registration.AadObjectId).Distinct().ToList();
        if (people.Count > 0)
        {
            await broadcaster.StartAsync(
                new BroadcastRequest(
                    Texts["Cancelled_Title", change.After.Details.Title],
                    Texts["Cancelled_Message", change.After.Details.Title],
                    new Audience(AudienceKind.Members, Members: people),
                    turn.User.AadObjectId,
                    turn.User.Name,
                    new BroadcastContent(LabNoticeContent.ContentKind, LabNoticeContent.Cancelled + ":" + change.After.Id),
                    Id: "labcancel" + change.After.Id),
                cancellationToken);
        }

        return Texts["Staff_CancelledLab", people.Count];
    }
}

/// <summary>`labs.askcancel`: asks staff to confirm before a lab is cancelled.</summary>
public sealed class AskToCancelLab(LabBook book, CardCatalog cards, IStringLocalizer<LabsTexts> texts) : ICardActionHandler
{
    public async Task<Reply> HandleAsync(ChatTurn turn, JsonElement data, CancellationToken cancellationToken)
    {
        var lab = await book.FindAsync(CardData.Read<LabIdData>(data).LabId, cancellationToken);
        if (lab is null || lab.State == LabState.Cancelled)
        {
            return Reply.WithText(texts[lab is null ? "Lab_Unknown" : "Refusal_Cancelled"]);
        }

        return Reply.WithCard(cards.Render("labs/cancel-confirm", new
        {
            Title = texts["CancelLab_Title"].Value,
            Question = texts["CancelLab_Question", CardText.EscapeMarkdown(lab.Details.Title), lab.Registrations.Count(registration => registration.IsActive)].Value,
            LabId = lab.Id,
            ConfirmTitle = texts["CancelLab_Confirm"].Value,
            KeepTitle = texts["CancelLab_Keep"].Value,
        }));
    }
}

/// <summary>`labs.keep`: the "keep it" button of a confirmation card: nothing changes, and the card says so.</summary>
public sealed class KeepAsIs(CardCatalog cards, IStringLocalizer<LabsTexts> texts) : ICardActionHandler
{
    public Task<Reply> HandleAsync(ChatTurn turn, JsonElement data, CancellationToken cancellationToken) =>
        Task.FromResult(Reply.UpdatingCard(cards.Render("common/confirmation", new
        {
            Title = texts["Kept_Title"].Value,
            Message = texts["Kept_Message"].Value,
            Details = Array.Empty<object>(),
        })));
}

/// <summary>`labs.attend`: attendance marked on the day, for confirmed registrants only.</summary>
public sealed class MarkAttendance(LabBook book, LabRegistrants registrants, IStringLocalizer<LabsTexts> texts, ILogger<MarkAttendance> logger)
    : StaffLabAction<AttendanceData>(book, registrants, texts, logger)
{
    private readonly LabRegistrants _registrants = registrants;

    protected override string Name => "attend";

    protected override string LabIdOf(AttendanceData request) => request.LabId;

    protected override Lab Apply(Lab current, AttendanceData request, ChatTurn turn)
    {
        NotCancelled(current);
        if (!_registrants.IsAttendanceDay(current))
        {
            throw new LabChangeRejectedException(Texts["Attendance_NotYet"]);
        }

        var person = Person(current, request.AadObjectId);
        if (person.Status != SeatStatus.Confirmed)
        {
            throw new LabChangeRejectedException(Texts["Attendance_NotConfirmed"]);
        }

        return current with { Registrations = [.. current.Registrations.Select(r => r == person ? r with { Attended = request.Present } : r)] };
    }
}

/// <summary>`labs.promote`: staff give a waiting person a seat by hand (ahead of the order, past the quota); with no seat free, the capacity grows by one.</summary>
public sealed class PromoteByHand(LabBook book, LabRegistrants registrants, IStringLocalizer<LabsTexts> texts, TimeProvider clock, ILogger<PromoteByHand> logger)
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

/// <summary>`labs.remove`: staff cancel someone's registration (also after the deadline); the freed seat goes to the next eligible person.</summary>
public sealed class RemoveRegistrant(LabBook book, LabRegistrants registrants, IStringLocalizer<LabsTexts> texts, TimeProvider clock, ILogger<RemoveRegistrant> logger)
    : StaffLabAction<PersonData>(book, registrants, texts, logger)
{
    protected override string Name => "remove";

    protected override string LabIdOf(PersonData request) => request.LabId;

    protected override Lab Apply(Lab current, PersonData request, ChatTurn turn) =>
        CancelMyRegistration.CancelOne(current, request.AadObjectId, turn.User.AadObjectId, clock.GetUtcNow(), Texts);

    protected override Task<string?> AfterAsync(LabChange change, PersonData request, ChatTurn turn, CancellationToken cancellationToken)
    {
        var name = change.Before.ActiveOf(request.AadObjectId)!.Name;
        return Task.FromResult<string?>(change.Promoted.Count == 0
            ? Texts["Staff_Removed", name]
            : Texts["Staff_RemovedPromoted", name, string.Join(", ", change.Promoted.Select(person => person.Name))]);
    }
}

/// <summary>`labs.message`: staff write to everyone registered (seat or waiting list), through the broadcast engine.</summary>
public sealed class MessageRegistrants(LabBook book, Broadcaster broadcaster, IStringLocalizer<LabsTexts> texts, ILogger<MessageRegistrants> logger) : ICardActionHandler
{
    public const int MaxLength = 2000;

    public async Task<Reply> HandleAsync(ChatTurn turn, JsonElement data, CancellationToken cancellationToken)
    {
        var request = CardData.Read<MessageData>(data);
        var lab = await book.FindAsync(request.LabId, cancellationToken);
        var message = request.Message?.Trim() ?? string.Empty;
        var refusal = lab is null ? "Lab_Unknown"
            : lab.State == LabState.Cancelled ? "Refusal_Cancelled"
            : message.Length == 0 ? "Message_Empty"
            : message.Length > MaxLength ? "Message_TooLong"
            : !lab.Registrations.Any(registration => registration.IsActive) ? "Message_NoOne"
            : null;
        if (refusal is not null)
        {
            LabsLog.Refused(logger, "message", request.LabId, turn.User.AadObjectId, refusal);
            return Reply.WithText(texts[refusal, MaxLength]);
        }

        var people = lab!.Registrations.Where(registration => registration.IsActive).Select(registration => registration.AadObjectId).Distinct().ToList();
        await broadcaster.StartAsync(
            new BroadcastRequest(texts["Message_Title", lab.Details.Title], message, new Audience(AudienceKind.Members, Members: people), turn.User.AadObjectId, turn.User.Name),
            cancellationToken);
        LabsLog.StaffAction(logger, lab.Id, "message", turn.User.AadObjectId);
        return Reply.WithText(texts["Message_Sent", people.Count]);
    }
}
