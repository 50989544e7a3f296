using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using BepBot.Cards;
using BepBot.Chat;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace BepBot.Features.Roster;

/// <summary>
/// `roster.confirmImport` (a card or the dashboard tab): applies a previewed import, all of it or nothing, once. Only its author may; the import
/// is marked as confirming first (so « Annuler » can no longer race it), then the roster is decided under If-Match:
/// unchanged since the preview → replaced and stamped with the import's id; already stamped with it (a second or
/// concurrent click) → nothing more; changed since the preview → nothing applied, and a fresh preview is sent instead.
/// </summary>
public sealed class ConfirmRosterImport(
    RosterDirectory roster,
    RosterImportStore imports,
    RosterImportClick click,
    PreviewRosterImport preview,
    CardCatalog cards,
    IOptions<RosterOptions> options,
    TimeProvider clock,
    IStringLocalizer<RosterTexts> texts,
    ILogger<ConfirmRosterImport> logger) : ICardActionHandler
{
    private const string Action = "confirm";

    private static readonly HashSet<RosterImportStatus> Confirmable = [RosterImportStatus.Previewed, RosterImportStatus.Confirming];

    public async Task<Reply> HandleAsync(ChatTurn turn, JsonElement data, CancellationToken cancellationToken)
    {
        var id = CardData.Read<RosterImportData>(data).ImportId;
        var confirmation = await ConfirmAsync(id, turn.User, turn.Conversation.TenantId, turn.Culture, cancellationToken);
        if (confirmation.Refusal is { } refusal)
        {
            return Reply.WithText(refusal);
        }

        var import = confirmation.Import!;
        if (confirmation.Applied is { } plan)
        {
            return Reply.UpdatingCard(Confirmation(
                texts["RosterImport_DoneTitle"],
                texts["RosterImport_Done", CardText.EscapeMarkdown(import.FileName), string.Join(", ", preview.Counts(plan))]));
        }

        var stale = Reply.UpdatingCard(Confirmation(texts["RosterImport_StaleTitle"], texts["RosterImport_Stale", CardText.EscapeMarkdown(import.FileName)]));
        return stale.Then(await preview.PreviewAsync(turn, import.FileName, import.Rows, cancellationToken));
    }

    /// <summary>
    /// Applies the import for its author (from its card or the dashboard tab): refused in words, applied with its plan,
    /// or found stale (neither set): the caller previews <see cref="RosterImportConfirmation.Import"/>'s rows afresh.
    /// </summary>
    public async Task<RosterImportConfirmation> ConfirmAsync(string id, ChatUser user, string? tenantId, CultureInfo culture, CancellationToken cancellationToken)
    {
        if (await click.CheckAsync(id, user, tenantId, culture, Action, cancellationToken) is { } refusal)
        {
            return new(refusal, null, null);
        }

        var import = await imports.MoveAsync(id, Confirmable, RosterImportStatus.Confirming, cancellationToken);
        switch (import?.Status)
        {
            case null:
                return Refused(id, user, "unknown import", texts["RosterImport_Unknown"]);
            case RosterImportStatus.Applied:
                return Refused(id, user, "already applied", texts["RosterImport_AlreadyApplied"]);
            case RosterImportStatus.Cancelled:
                return Refused(id, user, "cancelled", texts["RosterImport_AlreadyCancelled"]);
            case RosterImportStatus.Superseded:
                return Refused(id, user, "superseded", texts["RosterImport_Superseded"]);
        }

        var (outcome, plan) = await roster.DecideAsync(current => Decide(current, import, user.Name), cancellationToken);
        switch (outcome)
        {
            case Outcome.Applied:
                await imports.MoveAsync(id, Confirmable, RosterImportStatus.Applied, cancellationToken);
                RosterLog.ImportApplied(logger, id, user.AadObjectId, plan!.Added.Count, plan.Changed.Count, plan.Removed.Count, plan.Unchanged);
                return new(null, import, plan);
            case Outcome.AlreadyApplied:
                await imports.MoveAsync(id, Confirmable, RosterImportStatus.Applied, cancellationToken);
                return Refused(id, user, "already applied", texts["RosterImport_AlreadyApplied"]);
            case Outcome.NoStaff:
                await imports.MoveAsync(id, Confirmable, RosterImportStatus.Cancelled, cancellationToken);
                return Refused(id, user, "no staff left", texts["RosterImport_NoStaff"]);
            default:
                await imports.MoveAsync(id, Confirmable, RosterImportStatus.Superseded, cancellationToken);
                RosterLog.ImportClickRefused(logger, id, Action, user.AadObjectId, "roster changed since the preview: previewed again");
                return new(null, import, null);
        }
    }

    private (RosterDocument? Next, (Outcome, RosterImportPlan?)) Decide(RosterDocument current, RosterImport import, string author)
    {
        if (current.LastImportId == import.Id)
        {
            return (null, (Outcome.AlreadyApplied, null));
        }

        if (RosterImportPlan.FingerprintOf(current.Members) != import.PreviewedFingerprint)
        {
            return (null, (Outcome.Stale, null));
        }

        var plan = RosterImportPlan.Of(current.Members, import.Rows);
        if (!RosterImportPlan.KeepsStaff(plan.Result, options.Value.DefaultTenantId))
        {
            return (null, (Outcome.NoStaff, plan));
        }

        var next = current with
        {
            Members = plan.Result,
            IsDemo = false,
            UpdatedAt = clock.GetUtcNow(),
            UpdatedBy = author,
            Conflicts = RosterImportPlan.ConflictsKept(current.BindingConflicts, plan.Result),
            LastImportId = import.Id,
        };
        return (next, (Outcome.Applied, plan));
    }

    private JsonObject Confirmation(string title, string message) =>
        cards.Render("common/confirmation", new { Title = title, Message = message, Details = Array.Empty<object>() });

    private RosterImportConfirmation Refused(string id, ChatUser user, string reason, string message) => new(click.Refuse(id, user, Action, reason, message), null, null);

    private enum Outcome
    {
        Applied,
        AlreadyApplied,
        Stale,
        NoStaff,
    }
}
