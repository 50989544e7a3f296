using BepBot.Chat;
using BepBot.Platform.Delivery;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Labs;

/// <summary>`labs.cancellab`: the lab is cancelled; everyone registered (seat or waiting list) is told.</summary>
public sealed class CancelLab(LabBook book, ShowLabRegistrants registrants, Broadcaster broadcaster, CardUpdates cardUpdates, IStringLocalizer<LabsTexts> texts, ILogger<CancelLab> logger)
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

        await cardUpdates.StartAsync(LabNoticeContent.UpdateAfter(change.After, turn.User), cancellationToken);
        return Texts["Staff_CancelledLab", people.Count];
    }
}
