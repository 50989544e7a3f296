using System.Text.Json.Nodes;
using BepBot.Cards;
using BepBot.Chat;
using BepBot.Infrastructure.Text;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace BepBot.Features.Roster;

/// <summary>
/// A roster file a staff member sends in a personal chat (its first row has an email column; the core has checked the
/// sender and downloaded it): every bad row by line number, or a preview of what it changes against the latest roster
/// (who is added, who changes and how, field by field, who is removed), kept as a <see cref="RosterImport"/> until
/// « Confirmer » or « Annuler ». Nothing changes in the roster here.
/// </summary>
public sealed class PreviewRosterImport(
    RosterDirectory roster,
    RosterImportStore imports,
    CardCatalog cards,
    IOptions<RosterOptions> options,
    TimeProvider clock,
    IStringLocalizer<RosterTexts> texts,
    IStringLocalizer<ChatTexts> coreTexts,
    ILogger<PreviewRosterImport> logger) : IFileImport
{
    // Enough to check a file by eye, and a card far under Teams' ~28 KB even for a roster of hundreds.
    public const int MaxLinesShown = 20;
    public const int MaxErrorsShown = 30;

    public bool Recognises(IReadOnlyList<string> columns) =>
        columns.Any(column => string.Equals(column, RosterCsv.Columns[0], StringComparison.OrdinalIgnoreCase));

    public string DescribeExpectedFile() => texts["RosterImport_Expected"];

    public async Task<Reply> ImportAsync(ChatTurn turn, SentFile file, CancellationToken cancellationToken)
    {
        var parsed = RosterCsv.Parse(file.Text);
        if (!parsed.IsValid)
        {
            RosterLog.ImportRejected(logger, file.Name, parsed.Errors.Count, turn.User.AadObjectId);
            var errors = texts["RosterImport_Errors", parsed.Errors.Count].Value;
            var title = texts["RosterImport_Rejected", CardText.EscapeMarkdown(file.Name)].Value;
            return Reply.WithCard(Card(title, string.Empty, string.Empty, [Section(errors, parsed.Errors.Select(Describe), MaxErrorsShown)], string.Empty, string.Empty), title);
        }

        return await PreviewAsync(turn, file.Name, parsed.Members, cancellationToken);
    }

    /// <summary>The preview of <paramref name="rows"/> against the roster as it is now (also after a Confirmer that came too late).</summary>
    public async Task<Reply> PreviewAsync(ChatTurn turn, string fileName, IReadOnlyList<Member> rows, CancellationToken cancellationToken)
    {
        var (plan, importId, notice) = await PrepareAsync(turn.User, turn.Conversation.TenantId, fileName, rows, cancellationToken);
        var title = texts["RosterImport_Title", CardText.EscapeMarkdown(fileName)].Value;
        var sections = new[]
        {
            Section(texts["RosterImport_Added", plan.Added.Count].Value, plan.Added.Select(Added), MaxLinesShown),
            Section(texts["RosterImport_Changed", plan.Changed.Count].Value, plan.Changed.Select(Changed), MaxLinesShown),
            Section(texts["RosterImport_Removed", plan.Removed.Count].Value, plan.Removed.Select(Removed), MaxLinesShown),
        };
        return Reply.WithCard(
            Card(title, Summary(plan), notice ?? string.Empty, [.. sections.Where(section => section.Lines.Count > 0)], importId is null ? string.Empty : texts["RosterImport_Hint"], importId ?? string.Empty),
            title);
    }

    /// <summary>
    /// What the rows would change in the roster as it is now, and, when there is something to confirm, the import kept
    /// for its author's « Confirmer » (its id); otherwise the notice that says why not. Nothing changes in the roster.
    /// The chat's preview card and the dashboard tab's preview both come from here.
    /// </summary>
    /// <param name="authorTenantId">The tenant the author acts from: only that person, in that tenant, may confirm.</param>
    public async Task<RosterImportPreview> PrepareAsync(ChatUser author, string? authorTenantId, string fileName, IReadOnlyList<Member> rows, CancellationToken cancellationToken)
    {
        // The store's latest roster, not the cache: Confirmer compares against what is previewed here.
        var current = await roster.GetLatestAsync(cancellationToken);
        var plan = RosterImportPlan.Of(current.Members, rows);
        string? notice = null;
        string? importId = null;
        if (!plan.HasChanges)
        {
            notice = texts["RosterImport_NothingToDo"];
        }
        else if (!RosterImportPlan.KeepsStaff(plan.Result, options.Value.DefaultTenantId))
        {
            notice = texts["RosterImport_NoStaff"];
        }
        else
        {
            importId = RosterImportStore.NewId();
            await imports.PurgeAsync(clock.GetUtcNow() - options.Value.ImportPreviewLifetime, cancellationToken);
            await imports.CreateAsync(
                new RosterImport(
                    importId,
                    fileName,
                    author.AadObjectId,
                    authorTenantId,
                    author.Name,
                    rows,
                    RosterImportPlan.FingerprintOf(current.Members),
                    clock.GetUtcNow(),
                    RosterImportStatus.Previewed),
                cancellationToken);
        }

        RosterLog.ImportPreviewed(
            logger, importId ?? string.Empty, author.AadObjectId, plan.Added.Count, plan.Changed.Count, plan.Removed.Count, plan.Unchanged,
            importId is not null ? "awaiting confirmation" : plan.HasChanges ? "refused: no staff left" : "nothing to do");
        return new RosterImportPreview(plan, importId, notice);
    }

    /// <summary>« 2 personnes ajoutées · 1 personne modifiée · 0 personne retirée · 40 personnes inchangées ».</summary>
    public string Summary(RosterImportPlan plan) => string.Join(texts["RosterImport_CountSeparator"].Value, Counts(plan));

    public IEnumerable<string> Counts(RosterImportPlan plan) =>
    [
        texts["RosterImport_Added", plan.Added.Count].Value,
        texts["RosterImport_Changed", plan.Changed.Count].Value,
        texts["RosterImport_Removed", plan.Removed.Count].Value,
        texts["RosterImport_Unchanged", plan.Unchanged].Value,
    ];

    private JsonObject Card(string title, string summary, string notice, IReadOnlyList<PreviewSection> sections, string hint, string importId) =>
        cards.Render("roster/import-preview", new
        {
            Title = title,
            Summary = summary,
            Notice = notice,
            Sections = sections,
            Hint = hint,
            ImportId = importId,
            ConfirmButton = texts["RosterImport_ConfirmButton"].Value,
            CancelButton = texts["RosterImport_CancelButton"].Value,
        });

    private PreviewSection Section(string title, IEnumerable<string> lines, int max)
    {
        var all = lines.ToList();
        return new PreviewSection(
            title,
            [.. all.Take(max)],
            all.Count > max ? texts["RosterImport_More", all.Count - max].Value : string.Empty);
    }

    private string Describe(CsvLineError error) =>
        texts["RosterImport_ErrorLine", error.Line, CardText.EscapeMarkdown(error.Describe(texts))];

    private string Added(Member member) =>
        texts["RosterImport_AddedLine", CardText.EscapeMarkdown(member.Name), coreTexts.Describe(member.Role, member.Commune), CardText.EscapeMarkdown(member.Email)];

    private string Removed(Member member) =>
        texts["RosterImport_RemovedLine", CardText.EscapeMarkdown(member.Name), CardText.EscapeMarkdown(member.Email)];

    private string Changed(RosterEntryChange change) =>
        texts[
            "RosterImport_ChangedLine",
            CardText.EscapeMarkdown(change.Before.Name),
            CardText.EscapeMarkdown(change.Before.Email),
            FieldChanges(change, markdown: true)];

    /// <summary>« rôle agent communal → bourgmestre ; commune Ciney → Dinant »: what changes for one person.</summary>
    /// <param name="markdown">False for plain text (the dashboard tab), where values show as typed.</param>
    public string FieldChanges(RosterEntryChange change, bool markdown) =>
        string.Join(texts["RosterImport_ChangeSeparator"].Value, change.Fields.Select(field => FieldChange(field, change.Before, change.After, markdown)));

    private string FieldChange(RosterField field, Member before, Member after, bool markdown)
    {
        var (from, to) = field switch
        {
            RosterField.Name => (before.Name, after.Name),
            RosterField.Email => (before.Email, after.Email),
            RosterField.Role => (coreTexts.RoleName(before.Role), coreTexts.RoleName(after.Role)),
            RosterField.Commune => (before.Commune ?? texts["RosterImport_NoCommune"], after.Commune ?? texts["RosterImport_NoCommune"]),
            RosterField.Binding => (Binding(before), Binding(after)),
            _ => (before.TenantId ?? texts["RosterImport_DefaultTenant"], after.TenantId ?? texts["RosterImport_DefaultTenant"]),
        };
        return markdown ? texts[$"RosterImport_Field_{field}", CardText.EscapeMarkdown(from), CardText.EscapeMarkdown(to)] : texts[$"RosterImport_Field_{field}", from, to];

        string Binding(Member member) => member.IsPending ? texts["RosterImport_NotBound"] : member.AadObjectId;
    }

    private sealed record PreviewSection(string Title, IReadOnlyList<string> Lines, string More);
}
