using BepBot.Chat;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Labs;

public sealed class CloseLabRegistrations(LabBook book, ShowLabRegistrants registrants, IStringLocalizer<LabsTexts> texts, ILogger<CloseLabRegistrations> logger)
    : StaffLabAction<LabIdData>(book, registrants, texts, logger)
{
    protected override string Name => "close";

    protected override string LabIdOf(LabIdData request) => request.LabId;

    protected override Lab Apply(Lab current, LabIdData request, ChatTurn turn) =>
        NotCancelled(current).State == LabState.Open ? current with { State = LabState.Closed } : throw new LabChangeRejectedException(Texts["Staff_AlreadyClosed"]);

    protected override Task<string?> AfterAsync(LabChange change, LabIdData request, ChatTurn turn, CancellationToken cancellationToken) =>
        Task.FromResult<string?>(Texts["Staff_Closed"]);
}
