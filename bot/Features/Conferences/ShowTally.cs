using System.Text.Json;
using BepBot.Cards;
using BepBot.Chat;
using BepBot.Platform.Reachability;

namespace BepBot.Features.Conferences;

/// <summary>
/// `conferences.tally`: staff see, per candidate date, how many communes said yes, maybe, no; while they may still
/// retain a date (which sends the invitations), which bourgmestres in scope BepBot cannot reach yet.
/// </summary>
public sealed class ShowTally(
    ConferenceAccess access,
    ConferenceStore store,
    ConferenceCards cards,
    IMemberDirectory roster,
    ReachabilityWording reachability) : ICardActionHandler
{
    public Task<Reply> HandleAsync(ChatTurn turn, JsonElement data, CancellationToken cancellationToken) =>
        access.ShowAsync(turn, data, async session => TallyCard(cards, session, await store.PollAnswersAsync(session.Id, cancellationToken), await UnreachableAsync(session, cancellationToken)), cancellationToken);

    private async Task<string> UnreachableAsync(ConferenceSession session, CancellationToken cancellationToken)
    {
        if (session.State != ConferenceState.DatePoll)
        {
            return string.Empty;
        }

        var bourgmestres = (await roster.ListAsync(cancellationToken)).Where(member => member.Role == Role.Bourgmestre && session.InScope(member.Commune)).ToList();
        return await reachability.UnreachableNoticeAsync(bourgmestres, cancellationToken) ?? string.Empty;
    }

    private static System.Text.Json.Nodes.JsonObject TallyCard(ConferenceCards cards, ConferenceSession session, IReadOnlyList<PollAnswer> allAnswers, string unreachable)
    {
        var texts = cards.Texts;
        // Only communes in scope count, once each, whoever answered for them.
        var answers = allAnswers.Where(answer => session.InScope(answer.Commune)).ToList();
        var answered = answers.Select(answer => answer.Commune).ToHashSet(StringComparer.Ordinal);
        var missing = session.CommunesInScope.Where(commune => !answered.Contains(commune)).ToList();
        int Count(int index, PollChoice choice) => answers.Count(answer => index < answer.Choices.Count && answer.Choices[index] == choice);
        return cards.Render("conferences/tally", new
        {
            Title = (string)texts["Tally_Title", CardText.EscapeMarkdown(session.Title)],
            Subtitle = (string)texts["Tally_Subtitle", answered.Count, session.CommunesInScope.Count],
            SessionId = session.Id,
            CanPick = session.State == ConferenceState.DatePoll,
            ChartTitle = (string)texts["Tally_ChartTitle"],
            CommunesAxis = (string)texts["Chart_CommunesAxis"],
            DatesAxis = (string)texts["Tally_DatesAxis"],
            Chart = session.CandidateDates.Select((date, index) => new
            {
                Title = cards.Date(date),
                Data = new[]
                {
                    new { Legend = (string)texts["Tally_Yes"], Value = Count(index, PollChoice.Yes), Color = "good" },
                    new { Legend = (string)texts["Tally_Maybe"], Value = Count(index, PollChoice.Maybe), Color = "warning" },
                    new { Legend = (string)texts["Tally_No"], Value = Count(index, PollChoice.No), Color = "attention" },
                },
            }).ToList(),
            Dates = session.CandidateDates.Select((date, index) => new
            {
                Label = cards.Date(date),
                Counts = (string)texts["Tally_Counts", Count(index, PollChoice.Yes), Count(index, PollChoice.Maybe), Count(index, PollChoice.No)],
                Pick = (string)texts["Tally_PickButton"],
                PickTooltip = (string)texts["Tally_Pick", cards.Date(date)],
                Index = index,
            }).ToList(),
            Missing = missing.Count == 0 ? string.Empty : (string)texts["Tally_Missing", string.Join(", ", missing)],
            Unreachable = unreachable,
            Refresh = (string)texts["Button_Refresh"],
        });
    }
}
