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
