using BepBot.Chat;
using BepBot.Chat.Flows;
using BepBot.Infrastructure.Scheduling;
using BepBot.Infrastructure.Text;
using BepBot.Infrastructure.Time;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace BepBot.Features.Labs;

/// <summary>`nouveau séminaire`: staff create a lab step by step; `annuler` leaves at any step, nothing is written before the last one.</summary>
public sealed class CreateLabFlow(
    LabBook book,
    LabCards labCards,
    JobBook jobs,
    IOptions<LabsOptions> options,
    IStringLocalizer<LabsTexts> texts,
    TimeProvider clock) : Flow
{
    public const string FlowId = "labs.create";

    public override string Id => FlowId;

    public override IReadOnlySet<Role> AllowedRoles => Roles.Staff;

    public override string Title(ChatTurn turn) => texts["Create_Title"];

    public override IReadOnlyList<FlowStep> Steps =>
    [
        new("theme", (_, _) => new FlowPrompt(texts["Create_AskTheme"], texts["Create_ThemeHint"], [.. LabInput.SeedThemes.Select(theme => new FlowChoice(theme, theme))]), (_, _, input) => Text(input, 3, 100, "Create_BadTheme")),
        new("title", (_, _) => new FlowPrompt(texts["Create_AskTitle"], Placeholder: texts["Create_TitlePlaceholder"]), (_, _, input) => Text(input, 3, 150, "Create_BadTitle")),
        new("description", (_, _) => new FlowPrompt(texts["Create_AskDescription"]), (_, _, input) => Text(input, 3, 2000, "Create_BadDescription")),
        new("when", (_, _) => new FlowPrompt(texts["Create_AskWhen"], texts["Create_WhenHint"], Placeholder: "12/03/2027 14 h-16 h 30"), AcceptWhen),
        new("where", (_, _) => new FlowPrompt(texts["Create_AskWhere"], texts["Create_WhereHint"], Placeholder: "BEP, avenue Sergent Vrithoff 2, Namur"), AcceptWhere),
        new("audience", (_, _) => new FlowPrompt(texts["Create_AskAudience"], Choices: [.. Enum.GetValues<LabAudience>().Select(audience => new FlowChoice(audience.ToString().ToLowerInvariant(), labCards.Audience(audience)))]), AcceptAudience),
        new("capacity", (_, _) => new FlowPrompt(texts["Create_AskCapacity"], Placeholder: "30"), (_, _, input) => Task.FromResult(LabInput.Capacity(input) is { } capacity ? FlowAnswer.Accept(capacity.ToString(System.Globalization.CultureInfo.InvariantCulture)) : FlowAnswer.Reject(texts["Create_BadCapacity"]))),
        new("quota", (_, _) => new FlowPrompt(texts["Create_AskQuota"], texts["Create_QuotaHint"], Placeholder: "2"), AcceptQuota),
        new("deadline", (_, values) => new FlowPrompt(texts["Create_AskDeadline"], texts["Create_DeadlineHint"], Placeholder: "05/03/2027 12 h"), AcceptDeadline),
        new("confirm", (_, values) => new FlowPrompt(texts["Create_AskConfirm", Summary(values)], Choices: [new("oui", texts["Create_Yes"]), new("non", texts["Create_No"])]), AcceptConfirm),
    ];

    public override async Task<Reply> CompleteAsync(ChatTurn turn, FlowValues values, CancellationToken cancellationToken)
    {
        if (values["confirm"] != "oui")
        {
            return Reply.WithText(texts["Create_NotSaved"]);
        }

        var lab = Build(values, turn);
        if (lab.Details.StartsAt <= clock.GetUtcNow() || lab.Details.RegistrationDeadline > lab.Details.StartsAt)
        {
            return Reply.WithText(texts["Create_TooLate"]);
        }

        await book.CreateAsync(lab, cancellationToken);
        await LabStartJob.ScheduleAllAsync(jobs, lab, options, cancellationToken);
        return Reply.WithCard(await labCards.LabCardAsync(lab, turn.User, texts["Create_Done"], cancellationToken), texts["Create_Done"]);
    }

    private Lab Build(FlowValues values, ChatTurn turn)
    {
        var schedule = LabInput.Schedule(values.Required("when"))!.Value;
        var location = LabInput.Location(values.Required("where"))!.Value;
        var details = new LabDetails(
            values.Required("theme"),
            values.Required("title"),
            values.Required("description"),
            schedule.Start,
            schedule.End,
            location.Place,
            location.Link,
            LabInput.Audience(values.Required("audience"))!.Value,
            LabInput.Deadline(values.Required("deadline"))!.Value);
        return new Lab(
            LabBook.NewId(),
            details,
            LabInput.Capacity(values.Required("capacity"))!.Value,
            LabInput.Quota(values.Required("quota")).Quota,
            LabState.Open,
            turn.User.Name,
            clock.GetUtcNow(),
            []);
    }

    private Task<FlowAnswer> Text(string input, int min, int max, string error) =>
        Task.FromResult(input.Length >= min && input.Length <= max ? FlowAnswer.Accept(input) : FlowAnswer.Reject(texts[error, min, max]));

    private Task<FlowAnswer> AcceptWhen(ChatTurn turn, FlowValues values, string input) =>
        Task.FromResult(LabInput.Schedule(input) switch
        {
            null => FlowAnswer.Reject(texts["Create_BadWhen"]),
            { Start: var start } when start <= clock.GetUtcNow() => FlowAnswer.Reject(texts["Create_WhenPast"]),
            _ => FlowAnswer.Accept(input),
        });

    private Task<FlowAnswer> AcceptWhere(ChatTurn turn, FlowValues values, string input) =>
        Task.FromResult(LabInput.Location(input) is null ? FlowAnswer.Reject(texts["Create_BadWhere"]) : FlowAnswer.Accept(input));

    private Task<FlowAnswer> AcceptAudience(ChatTurn turn, FlowValues values, string input) =>
        Task.FromResult(LabInput.Audience(input) is { } audience ? FlowAnswer.Accept(audience.ToString().ToLowerInvariant()) : FlowAnswer.Reject(texts["Create_BadAudience"]));

    private Task<FlowAnswer> AcceptQuota(ChatTurn turn, FlowValues values, string input)
    {
        var (valid, quota) = LabInput.Quota(input);
        var capacity = LabInput.Capacity(values.Required("capacity"))!.Value;
        return Task.FromResult(!valid || quota > capacity
            ? FlowAnswer.Reject(texts["Create_BadQuota", capacity])
            : FlowAnswer.Accept(quota?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "aucun"));
    }

    private Task<FlowAnswer> AcceptDeadline(ChatTurn turn, FlowValues values, string input)
    {
        var start = LabInput.Schedule(values.Required("when"))!.Value.Start;
        return Task.FromResult(LabInput.Deadline(input) switch
        {
            null => FlowAnswer.Reject(texts["Create_BadDeadline"]),
            var deadline when deadline <= clock.GetUtcNow() || deadline > start => FlowAnswer.Reject(texts["Create_DeadlineOutOfRange", BelgianTime.FormatDateTime(start, turn.Culture)]),
            _ => FlowAnswer.Accept(input),
        });
    }

    private Task<FlowAnswer> AcceptConfirm(ChatTurn turn, FlowValues values, string input) =>
        Task.FromResult(TextFolding.Fold(input) switch
        {
            "oui" or "yes" or "o" or "y" => FlowAnswer.Accept("oui"),
            "non" or "no" or "n" => FlowAnswer.Accept("non"),
            _ => FlowAnswer.Reject(texts["Create_BadConfirm"]),
        });

    private string Summary(FlowValues values)
    {
        var culture = System.Globalization.CultureInfo.CurrentUICulture;
        var schedule = LabInput.Schedule(values.Required("when"))!.Value;
        var quota = LabInput.Quota(values.Required("quota")).Quota;
        return texts[
            "Create_Summary",
            values.Required("title"),
            values.Required("theme"),
            BelgianTime.FormatDateTime(schedule.Start, culture),
            values.Required("where"),
            labCards.Audience(LabInput.Audience(values.Required("audience"))!.Value),
            values.Required("capacity"),
            quota is null ? texts["Create_NoQuota"] : texts["Lab_QuotaValue", quota.Value],
            BelgianTime.FormatDateTime(LabInput.Deadline(values.Required("deadline"))!.Value, culture)];
    }
}
