using BepBot.Cards;
using BepBot.Chat;
using BepBot.Chat.Flows;
using BepBot.Infrastructure.Text;
using BepBot.Platform.Sessions;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Conferences;

/// <summary>
/// `conferences.decisions`: after the session, staff record the relevé de décisions (the ballots held come in by
/// themselves; staff type the other decisions, each with an optional link) and it goes to the communes in scope.
/// </summary>
public sealed class RecordDecisionsFlow(
    ConferenceStore store,
    ConferenceAnnouncer announcer,
    ConferenceCards cards,
    IStringLocalizer<ConferencesTexts> texts,
    TimeProvider clock,
    ISessionBallotSource? ballotSource = null) : Flow
{
    public const string FlowId = "conferences.decisions";

    public override string Id => FlowId;

    public override IReadOnlySet<Role> AllowedRoles => Roles.Staff;

    public override string Title(ChatTurn turn) => texts["Decisions_FlowTitle"];

    public override IReadOnlyList<FlowStep> Steps =>
    [
        new("decisions", (_, _) => new FlowPrompt(texts["Decisions_Ask"], texts["Decisions_Hint"]), AcceptDecisions),
        new("confirm", (_, values) => new FlowPrompt(texts["Decisions_AskConfirm", values["decisions"] is { Length: > 0 } typed ? typed : "—"], Choices: [new("oui", texts["Schedule_ConfirmYes"]), new("non", texts["Schedule_ConfirmNo"])]), (_, _, input) =>
            Task.FromResult(TextFolding.Fold(input) switch
            {
                "oui" or "yes" => FlowAnswer.Accept("oui"),
                "non" or "no" => FlowAnswer.Accept("non"),
                _ => FlowAnswer.Reject(texts["Schedule_BadConfirm"]),
            })),
    ];

    public override async Task<Reply> CompleteAsync(ChatTurn turn, FlowValues values, CancellationToken cancellationToken)
    {
        if (values["confirm"] != "oui")
        {
            return Reply.WithText(texts["Decisions_NotSaved"]);
        }

        var sessionId = values.Required(SessionFlows.SessionValue);
        var ballots = await BallotsAsync(sessionId, cancellationToken);
        var typed = Parse(values["decisions"] ?? string.Empty) ?? [];
        List<Decision> decisions = [.. ballots.Select(ballot => new Decision(texts["Decisions_BallotDecision", ballot.Question, ballot.OutcomeText], BallotId: ballot.Id)), .. typed];
        if (decisions.Count == 0)
        {
            return Reply.WithText(texts["Decisions_Empty"]);
        }

        var updated = await store.ChangeAsync(
            sessionId,
            current => current.State == ConferenceState.Cancelled ? null : current with { Decisions = decisions, DecisionsPublishedAt = clock.GetUtcNow() },
            turn.User.Name,
            texts["Change_Decisions", turn.User.Name],
            cancellationToken);
        if (updated is null)
        {
            return Reply.WithText(texts["Error_SessionClosed"]);
        }

        await announcer.ToCommunesAsync(updated, ConferenceAnnouncer.DecisionsKind, updated.Id, "decisions" + ConferenceAnnouncer.Number(updated.Version), texts["Broadcast_Decisions", updated.Title], turn.User, cancellationToken);
        var card = cards.Notice(texts["Decisions_Title", CardText.EscapeMarkdown(updated.Title)], texts["Decisions_Sent"], lines: Decisions.Lines(cards, updated.Decisions), sessionId: updated.Id);
        return Reply.WithCard(card, texts["Decisions_Sent"]);
    }

    private async Task<IReadOnlyList<SessionBallot>> BallotsAsync(string sessionId, CancellationToken cancellationToken)
    {
        return ballotSource is null ? [] : await ballotSource.ForSessionAsync(sessionId, cancellationToken);
    }

    private async Task<FlowAnswer> AcceptDecisions(ChatTurn turn, FlowValues values, string input)
    {
        if (SkipWord.Matches(input))
        {
            return (await BallotsAsync(values.Required(SessionFlows.SessionValue), CancellationToken.None)).Count > 0
                ? FlowAnswer.Accept(string.Empty)
                : FlowAnswer.Reject(texts["Decisions_Empty"]);
        }

        return Parse(input) is { Count: > 0 and <= 50 } ? FlowAnswer.Accept(input) : FlowAnswer.Reject(texts["Decisions_Bad"]);
    }

    /// <summary>One decision per line (or separated by ';'), "texte | https://lien" for a link. Null when a link is invalid.</summary>
    public static List<Decision>? Parse(string input)
    {
        var decisions = new List<Decision>();
        foreach (var entry in input.Split([';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = entry.Split('|', 2, StringSplitOptions.TrimEntries);
            if (parts[0].Length is < 2 or > 500)
            {
                return null;
            }

            string? link = null;
            if (parts.Length == 2)
            {
                if (!Uri.TryCreate(parts[1], UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || parts[1].Contains(')', StringComparison.Ordinal))
                {
                    return null;
                }

                link = uri.ToString();
            }

            decisions.Add(new Decision(parts[0], link));
        }

        return decisions;
    }
}
