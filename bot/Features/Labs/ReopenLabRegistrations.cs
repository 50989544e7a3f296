using BepBot.Chat;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Labs;

public sealed class ReopenLabRegistrations(LabBook book, ShowLabRegistrants registrants, IStringLocalizer<LabsTexts> texts, ILogger<ReopenLabRegistrations> logger)
    : StaffLabAction<LabIdData>(book, registrants, texts, logger)
{
    protected override string Name => "reopen";

    protected override string LabIdOf(LabIdData request) => request.LabId;

    protected override Lab Apply(Lab current, LabIdData request, ChatTurn turn) =>
        NotCancelled(current).State == LabState.Closed ? current with { State = LabState.Open } : throw new LabChangeRejectedException(Texts["Staff_AlreadyOpen"]);

    protected override Task<string?> AfterAsync(LabChange change, LabIdData request, ChatTurn turn, CancellationToken cancellationToken) =>
        Task.FromResult<string?>(Texts["Staff_Reopened"]);
}
