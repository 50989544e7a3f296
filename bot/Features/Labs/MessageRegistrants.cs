using System.Text.Json;
using BepBot.Chat;
using BepBot.Platform.Delivery;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Labs;

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
