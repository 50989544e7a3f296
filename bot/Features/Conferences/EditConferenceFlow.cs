using System.Globalization;
using System.Text.Json;
using BepBot.Chat;
using BepBot.Chat.Flows;
using BepBot.Infrastructure.Text;
using BepBot.Infrastructure.Time;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Conferences;

/// <summary>`conferences.edit`: staff change one thing (title, place, duration, date, quorum); a new version, and the bourgmestres are told what changed.</summary>
public sealed class EditConferenceFlow(
    ConferenceStore store,
    ConferenceLifecycle lifecycle,
    ConferenceCards cards,
    IStringLocalizer<ConferencesTexts> texts,
    TimeProvider clock) : Flow
{
    public const string FlowId = "conferences.edit";

    public override string Id => FlowId;

    public override IReadOnlySet<Role> AllowedRoles => Roles.Staff;

    public override string Title(ChatTurn turn) => texts["Edit_Title"];

    public override IReadOnlyList<FlowStep> Steps =>
    [
        new("field", (_, _) => new FlowPrompt(texts["Edit_AskField"], Choices:
            [
                new("title", texts["Edit_FieldTitle"]), new("location", texts["Edit_FieldLocation"]), new("online", texts["Edit_FieldOnline"]),
                new("duration", texts["Edit_FieldDuration"]), new("date", texts["Edit_FieldDate"]), new("quorum", texts["Edit_FieldQuorum"]),
            ]), AcceptField),
        new("value", (_, values) => Prompt(values.Required("field")), AcceptValue, values => values["field"] != "online"),
    ];

    public override async Task<Reply> CompleteAsync(ChatTurn turn, FlowValues values, CancellationToken cancellationToken)
    {
        var field = values.Required("field");
        var value = values["value"] ?? string.Empty;
        var sessionId = values.Required(SessionFlows.SessionValue);
        var before = await store.GetAsync(sessionId, cancellationToken);
        if (before is null || before.State == ConferenceState.Cancelled || before.IsPast(clock.GetUtcNow()))
        {
            return Reply.WithText(texts["Error_SessionClosed"]);
        }

        if (field == "date" && before.State != ConferenceState.Scheduled)
        {
            return Reply.WithText(texts["Edit_DateDuringPoll"]);
        }

        var after = await store.ChangeAsync(
            sessionId,
            current => current.State == ConferenceState.Cancelled || current.IsPast(clock.GetUtcNow()) ? null : Apply(current, field, value) is { } changed && changed != current ? changed : null,
            turn.User.Name,
            texts["Change_Edited", turn.User.Name, texts["Edit_Field" + char.ToUpperInvariant(field[0]) + field[1..]]],
            cancellationToken);
        if (after is null)
        {
            return Reply.WithText(texts["Edit_NothingChanged"]);
        }

        var previous = (await store.VersionsAsync(sessionId, cancellationToken)).LastOrDefault(version => version.Version == after.Version - 1) ?? before;
        var (updated, notice) = await lifecycle.ChangedAsync(previous, after, turn.User, cancellationToken);
        var lines = SessionDiff.Lines(cards, previous, after);
        return Reply.WithCard(cards.StaffSession(updated, notice, texts["Edit_Done", string.Join(" ", lines)]), texts["Edit_Done", string.Join(" ", lines)]);
    }

    private static ConferenceSession Apply(ConferenceSession session, string field, string value) => field switch
    {
        "title" => session with { Title = value },
        "location" => session with { Location = value, Online = false },
        "online" => session with { Location = null, Online = true },
        "duration" => session with { DurationMinutes = int.Parse(value, CultureInfo.InvariantCulture) },
        "date" => session with { StartsAt = DateInput.FromValue(value) },
        "quorum" => session with { Quorum = ScheduleConferenceFlow.ParseQuorum(value) },
        _ => session,
    };

    private FlowPrompt Prompt(string field) => field switch
    {
        "title" => new FlowPrompt(texts["Schedule_AskTitle"]),
        "location" => new FlowPrompt(texts["Schedule_AskLocation"]),
        "duration" => new FlowPrompt(texts["Schedule_AskDuration"], texts["Schedule_DurationHint"]),
        "date" => new FlowPrompt(texts["Schedule_AskDate"], texts["Schedule_DateHint"], Placeholder: "12/03/2027 14 h"),
        _ => new FlowPrompt(texts["Schedule_AskQuorum"], Choices: [new("majority", texts["Schedule_QuorumMajority"]), new("two-thirds", texts["Schedule_QuorumTwoThirds"]), new("none", texts["Schedule_QuorumNone"])]),
    };

    private Task<FlowAnswer> AcceptField(ChatTurn turn, FlowValues values, string input)
    {
        var folded = TextFolding.Fold(input);
        var field = folded switch
        {
            "title" or "titre" => "title",
            "location" or "lieu" => "location",
            "online" or "en ligne" => "online",
            "duration" or "duree" => "duration",
            "date" => "date",
            "quorum" => "quorum",
            _ => null,
        };
        return Task.FromResult(field is null ? FlowAnswer.Reject(texts["Edit_BadField"]) : FlowAnswer.Accept(field));
    }

    private Task<FlowAnswer> AcceptValue(ChatTurn turn, FlowValues values, string input)
    {
        var now = clock.GetUtcNow();
        return Task.FromResult(values.Required("field") switch
        {
            "title" => input.Length is >= 3 and <= 150 ? FlowAnswer.Accept(input) : FlowAnswer.Reject(texts["Schedule_BadTitle"]),
            "location" => input.Length is >= 3 and <= 200 ? FlowAnswer.Accept(input) : FlowAnswer.Reject(texts["Schedule_BadLocation"]),
            "duration" => DateInput.ParseMinutes(input) is { } minutes and >= 30 and <= 480 ? FlowAnswer.Accept(minutes.ToString(CultureInfo.InvariantCulture)) : FlowAnswer.Reject(texts["Schedule_BadDuration"]),
            "date" => DateInput.Parse(input) is not { } date ? FlowAnswer.Reject(texts["Schedule_BadDate", input])
                : date <= now ? FlowAnswer.Reject(texts["Schedule_PastDate", BelgianTime.FormatDateTime(date, turn.Culture)])
                : FlowAnswer.Accept(DateInput.ToValue(date)),
            _ => TextFolding.Fold(input) switch
            {
                "majority" or "majorite" => FlowAnswer.Accept("majority"),
                "two-thirds" or "deux tiers" => FlowAnswer.Accept("two-thirds"),
                "none" or "aucun" => FlowAnswer.Accept("none"),
                _ => FlowAnswer.Reject(texts["Schedule_BadQuorum"]),
            },
        });
    }
}
