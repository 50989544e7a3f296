using BepBot.Chat;
using BepBot.Chat.Dashboard;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Labs.Dashboard;

/// <summary>
/// What every change of a lab from the tab shares, as <see cref="StaffLabAction{TData}"/> does in chat (the tab's edge lets BEP staff
/// only through): one ETag-guarded change through <see cref="LabBook"/>, and a refusal that says why, logged, with nothing written.
/// </summary>
public sealed class StaffLabChange(LabBook book, IStringLocalizer<LabsTexts> texts, ILogger<StaffLabChange> logger)
{
    /// <param name="change">The chat's own rule (it throws <see cref="LabChangeRejectedException"/> when the change does not fit).</param>
    /// <param name="done">What the person is told once the change is written.</param>
    public async Task<DashboardActionResult> RunAsync(
        ChatUser user, string action, string labId, Func<Lab, Lab> change, Func<LabChange, string> done, CancellationToken cancellationToken)
    {
        try
        {
            if (await book.ChangeAsync(labId, change, cancellationToken) is not { } result)
            {
                LabsLog.Refused(logger, action, labId, user.AadObjectId, "unknown lab");
                return DashboardActionResult.Refused(texts["Lab_Unknown"]);
            }

            LabsLog.StaffAction(logger, labId, action, user.AadObjectId);
            return new DashboardActionResult(true, done(result));
        }
        catch (LabChangeRejectedException ex)
        {
            LabsLog.Refused(logger, action, labId, user.AadObjectId, ex.Message);
            return DashboardActionResult.Refused(ex.Message);
        }
    }
}
