using System.Globalization;
using BepBot.Cards;
using BepBot.Chat;
using BepBot.Chat.Flows;
using BepBot.Infrastructure.Text;
using BepBot.Infrastructure.Time;
using BepBot.Platform.Reachability;
using BepBot.Platform.Territory;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Conferences;

/// <summary>`planifier une conférence`: staff describe the session step by step, then invitations or the date poll go out.</summary>
public sealed class ScheduleConferenceFlow(
    ConferenceStore store,
    ConferenceLifecycle lifecycle,
    ConferenceCards cards,
    IMemberDirectory roster,
    ReachabilityWording reachability,
    IStringLocalizer<ConferencesTexts> texts,
    TimeProvider clock) : Flow
{
    public const string FlowId = "conferences.schedule";

    private static readonly int[] DurationMinutes = [90, 120, 150, 180];

    private string? _unreachableBourgmestres;

    public override string Id => FlowId;

    public override IReadOnlySet<Role> AllowedRoles => Roles.Staff;

    public override string Title(ChatTurn turn) => texts["Schedule_Title"];

    public override IReadOnlyList<FlowStep> Steps =>
    [
        new("title", (_, _) => new FlowPrompt(texts["Schedule_AskTitle"], Placeholder: texts["Schedule_TitlePlaceholder"]), AcceptTitle),
        new("scope", (_, _) => new FlowPrompt(texts["Schedule_AskScope"], Choices: ScopeChoices()), AcceptScope),
        new("format", (_, _) => new FlowPrompt(texts["Schedule_AskFormat"], Choices: [new("place", texts["Schedule_FormatPlace"]), new("online", texts["Schedule_FormatOnline"])]), AcceptFormat),
        new("location", (_, _) => new FlowPrompt(texts["Schedule_AskLocation"], Placeholder: "BEP, avenue Sergent Vrithoff 2, Namur"), AcceptLocation, values => values["format"] == "place"),
        new("duration", (_, _) => new FlowPrompt(texts["Schedule_AskDuration"], texts["Schedule_DurationHint"], DurationChoices()), AcceptDuration),
        new("mode", (_, _) => new FlowPrompt(texts["Schedule_AskMode"], Choices: [new("fixed", texts["Schedule_ModeFixed"]), new("poll", texts["Schedule_ModePoll"])]), AcceptMode),
        new("date", (_, _) => new FlowPrompt(texts["Schedule_AskDate"], texts["Schedule_DateHint"], Placeholder: "12/03/2027 14 h"), AcceptDate, values => values["mode"] == "fixed"),
        new("candidates", (_, _) => new FlowPrompt(texts["Schedule_AskCandidates"], texts["Schedule_CandidatesHint"], Placeholder: "12/03/2027 14 h ; 17/03/2027 9 h 30"), AcceptCandidates, values => values["mode"] == "poll"),
        new("quorum", (_, _) => new FlowPrompt(texts["Schedule_AskQuorum"], Choices: [new("majority", texts["Schedule_QuorumMajority"]), new("two-thirds", texts["Schedule_QuorumTwoThirds"]), new("none", texts["Schedule_QuorumNone"])]), WithUnreachableBourgmestres(AcceptQuorum, confirmFollows: answer => answer.IsValid)),
        new("confirm", (turn, values) => new FlowPrompt(texts["Schedule_AskConfirm", Summary(values)], _unreachableBourgmestres, [new("oui", texts["Schedule_ConfirmYes"]), new("non", texts["Schedule_ConfirmNo"])]), WithUnreachableBourgmestres(AcceptConfirm, confirmFollows: answer => !answer.IsValid)),
    ];

    public override async Task<Reply> CompleteAsync(ChatTurn turn, FlowValues values, CancellationToken cancellationToken)
    {
        if (values["confirm"] != "oui")
        {
            return Reply.WithText(texts["Schedule_NotSaved"]);
        }

        var now = clock.GetUtcNow();
        var fixedDate = values["mode"] == "fixed" ? DateInput.FromValue(values.Required("date")) : (DateTimeOffset?)null;
        var session = new ConferenceSession(
            ConferenceStore.NewId(),
            1,
            values.Required("title"),
            values.Required("scope") == "province" ? null : values.Required("scope"),
            values["format"] == "place" ? values["location"] : null,
            values["format"] == "online",
            int.Parse(values.Required("duration"), CultureInfo.InvariantCulture),
            values["mode"] == "poll" ? [.. values.Required("candidates").Split(' ').Select(DateInput.FromValue)] : [],
            fixedDate,
            ParseQuorum(values.Required("quorum")),
            fixedDate is null ? ConferenceState.DatePoll : ConferenceState.Scheduled,
            [],
            0,
            [],
            null,
            new CalendarSync(CalendarSyncState.Pending),
            now,
            turn.User.Name,
            now,
            turn.User.Name,
            texts["Change_Created", turn.User.Name]);
        if (session.StartsAt is { } start && start <= now)
        {
            return Reply.WithText(texts["Schedule_DatePassed"]);
        }

        await store.CreateAsync(session, cancellationToken);
        var (updated, notice) = session.State == ConferenceState.Scheduled
            ? await lifecycle.DateSetAsync(session, turn.User, ConferenceAnnouncer.InvitationKind, "invite", cancellationToken)
            : await lifecycle.PollOpenedAsync(session, turn.User, cancellationToken);
        return Reply.WithCard(cards.StaffSession(updated, notice, texts["Schedule_Saved"]), texts["Schedule_Saved"]);
    }

    public static QuorumRule ParseQuorum(string value) => value switch
    {
        "majority" => QuorumRule.Majority,
        "two-thirds" => QuorumRule.TwoThirds,
        _ => QuorumRule.None,
    };

    private List<FlowChoice> ScopeChoices() =>
        [new("province", texts["Schedule_ScopeProvince"]), .. TerritoryMap.Bassins.Select(bassin => new FlowChoice(bassin.Id, bassin.Name))];

    private static List<FlowChoice> DurationChoices() =>
        [.. DurationMinutes.Select(minutes => new FlowChoice(minutes.ToString(CultureInfo.InvariantCulture), BelgianTime.FormatDuration(minutes)))];

    private Task<FlowAnswer> AcceptTitle(ChatTurn turn, FlowValues values, string input) =>
        Task.FromResult(input.Length is >= 3 and <= 150 ? FlowAnswer.Accept(input) : FlowAnswer.Reject(texts["Schedule_BadTitle"]));

    private Task<FlowAnswer> AcceptScope(ChatTurn turn, FlowValues values, string input)
    {
        var folded = TextFolding.Fold(input);
        if (folded is "province" or "toute la province" or "whole province")
        {
            return Task.FromResult(FlowAnswer.Accept("province"));
        }

        return Task.FromResult(TerritoryMap.FindBassin(input) is { } bassin ? FlowAnswer.Accept(bassin.Id) : FlowAnswer.Reject(texts["Schedule_BadScope"]));
    }

    private Task<FlowAnswer> AcceptFormat(ChatTurn turn, FlowValues values, string input) =>
        Task.FromResult(TextFolding.Fold(input) switch
        {
            "place" or "sur place" or "in person" or "lieu" => FlowAnswer.Accept("place"),
            "online" or "en ligne" or "teams" => FlowAnswer.Accept("online"),
            _ => FlowAnswer.Reject(texts["Schedule_BadFormat"]),
        });

    private Task<FlowAnswer> AcceptLocation(ChatTurn turn, FlowValues values, string input) =>
        Task.FromResult(input.Length is >= 3 and <= 200 ? FlowAnswer.Accept(input) : FlowAnswer.Reject(texts["Schedule_BadLocation"]));

    private Task<FlowAnswer> AcceptDuration(ChatTurn turn, FlowValues values, string input) =>
        Task.FromResult(DateInput.ParseMinutes(input) is { } minutes and >= 30 and <= 480
            ? FlowAnswer.Accept(minutes.ToString(CultureInfo.InvariantCulture))
            : FlowAnswer.Reject(texts["Schedule_BadDuration"]));

    private Task<FlowAnswer> AcceptMode(ChatTurn turn, FlowValues values, string input) =>
        Task.FromResult(TextFolding.Fold(input) switch
        {
            "fixed" or "date fixe" or "fixe" => FlowAnswer.Accept("fixed"),
            "poll" or "sondage" => FlowAnswer.Accept("poll"),
            _ => FlowAnswer.Reject(texts["Schedule_BadMode"]),
        });

    private Task<FlowAnswer> AcceptDate(ChatTurn turn, FlowValues values, string input)
    {
        var date = DateInput.Parse(input);
        return Task.FromResult(date is null ? FlowAnswer.Reject(texts["Schedule_BadDate", input])
            : date <= clock.GetUtcNow() ? FlowAnswer.Reject(texts["Schedule_PastDate", BelgianTime.FormatDateTime(date.Value, turn.Culture)])
            : FlowAnswer.Accept(DateInput.ToValue(date.Value)));
    }

    private Task<FlowAnswer> AcceptCandidates(ChatTurn turn, FlowValues values, string input)
    {
        var parts = input.Split([';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var dates = new List<DateTimeOffset>();
        foreach (var part in parts)
        {
            var date = DateInput.Parse(part);
            if (date is null)
            {
                return Task.FromResult(FlowAnswer.Reject(texts["Schedule_BadDate", part]));
            }

            if (date <= clock.GetUtcNow())
            {
                return Task.FromResult(FlowAnswer.Reject(texts["Schedule_PastDate", BelgianTime.FormatDateTime(date.Value, turn.Culture)]));
            }

            dates.Add(date.Value);
        }

        dates = [.. dates.Distinct().Order()];
        return Task.FromResult(dates.Count is >= 2 and <= 5
            ? FlowAnswer.Accept(string.Join(' ', dates.Select(DateInput.ToValue)))
            : FlowAnswer.Reject(texts["Schedule_BadCandidateCount", dates.Count]));
    }

    private Task<FlowAnswer> AcceptQuorum(ChatTurn turn, FlowValues values, string input) =>
        Task.FromResult(TextFolding.Fold(input) switch
        {
            "majority" or "majorite" or "majorite des communes" => FlowAnswer.Accept("majority"),
            "two-thirds" or "deux tiers" or "2/3" => FlowAnswer.Accept("two-thirds"),
            "none" or "aucun" or "pas de quorum" => FlowAnswer.Accept("none"),
            _ => FlowAnswer.Reject(texts["Schedule_BadQuorum"]),
        });

    /// <summary>
    /// The invitation or the date poll goes to the bourgmestres in scope: the confirmation (asked after the quorum, or
    /// again after an unclear answer) says which of them BepBot cannot reach yet.
    /// </summary>
    private Func<ChatTurn, FlowValues, string, Task<FlowAnswer>> WithUnreachableBourgmestres(
        Func<ChatTurn, FlowValues, string, Task<FlowAnswer>> accept, Func<FlowAnswer, bool> confirmFollows) =>
        async (turn, values, input) =>
        {
            var answer = await accept(turn, values, input);
            if (!confirmFollows(answer))
            {
                return answer;
            }

            var bassin = values.Required("scope") == "province" ? null : TerritoryMap.FindBassin(values.Required("scope"));
            var bourgmestres = (await roster.ListAsync(CancellationToken.None))
                .Where(member => member.Role == Role.Bourgmestre && member.Commune is not null && (bassin is null || bassin.Communes.Contains(member.Commune)))
                .ToList();
            _unreachableBourgmestres = await reachability.UnreachableNoticeAsync(bourgmestres, CancellationToken.None);
            return answer;
        };

    private Task<FlowAnswer> AcceptConfirm(ChatTurn turn, FlowValues values, string input) =>
        Task.FromResult(TextFolding.Fold(input) switch
        {
            "oui" or "yes" or "o" or "y" => FlowAnswer.Accept("oui"),
            "non" or "no" or "n" => FlowAnswer.Accept("non"),
            _ => FlowAnswer.Reject(texts["Schedule_BadConfirm"]),
        });

    private string Summary(FlowValues values)
    {
        var culture = CultureInfo.CurrentUICulture;
        var scope = values.Required("scope") == "province" ? texts["Schedule_ScopeProvince"] : TerritoryMap.FindBassin(values.Required("scope"))!.Name;
        var place = values["format"] == "online" ? texts["Place_Online"] : values["location"] ?? string.Empty;
        var when = values["mode"] == "fixed"
            ? BelgianTime.FormatDateTime(DateInput.FromValue(values.Required("date")), culture)
            : string.Join(", ", values.Required("candidates").Split(' ').Select(value => BelgianTime.FormatDateTime(DateInput.FromValue(value), culture)));
        return texts["Schedule_Summary", values.Required("title"), scope, place, BelgianTime.FormatDuration(int.Parse(values.Required("duration"), CultureInfo.InvariantCulture)), when];
    }
}
