using BepBot.Cards;
using BepBot.Chat;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Conferences;

/// <summary>`conférences`: upcoming and past sessions; staff see all, others those of their commune's scope (with their RSVP).</summary>
public sealed class ListConferences(ConferenceStore store, ConferenceCards cards, IStringLocalizer<ConferencesTexts> texts, TimeProvider clock) : ICommandHandler
{
    private const int PastShown = 10;

    public static DateTimeOffset FirstCandidate(ConferenceSession session) => session.CandidateDates.Count > 0 ? session.CandidateDates[0] : session.CreatedAt;

    /// <summary>Sessions to come, soonest first, and the latest past or cancelled ones: how the chat and the dashboard tab list them.</summary>
    public static (List<ConferenceSession> Upcoming, List<ConferenceSession> Past) Split(IReadOnlyList<ConferenceSession> sessions, DateTimeOffset now)
    {
        var upcoming = sessions.Where(session => session.State != ConferenceState.Cancelled && !session.IsPast(now))
            .OrderBy(session => session.StartsAt ?? FirstCandidate(session)).ToList();
        var past = sessions.Except(upcoming).OrderByDescending(session => session.StartsAt ?? session.CreatedAt).Take(PastShown).ToList();
        return (upcoming, past);
    }

    public async Task<Reply> HandleAsync(ChatTurn turn, string arguments, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var staff = turn.User.Role == Role.BepStaff;
        var sessions = (await store.ListAsync(cancellationToken)).Where(session => staff || session.InScope(turn.User.Commune)).ToList();
        var (upcoming, past) = Split(sessions, now);
        var entries = new List<object>();
        async Task<object> EntryAsync(ConferenceSession session)
        {
            var details = new List<string> { cards.When(session), session.Bassin?.ShortName ?? texts["Scope_ProvinceShort"] };
            if (session.State == ConferenceState.Cancelled)
            {
                details.Insert(0, texts["State_Cancelled"]);
            }
            else if (turn.User.Role == Role.Bourgmestre && session.State == ConferenceState.Scheduled && turn.User.Commune is { } commune)
            {
                details.Add(texts["List_YourAnswer", cards.Answer(await store.RsvpOfAsync(session.Id, commune, cancellationToken))]);
            }

            return new { session.Id, Title = CardText.EscapeMarkdown(session.Title), Details = string.Join(" · ", details), Open = (string)texts["Button_Open"], OpenTooltip = (string)texts["List_Open", session.Title] };
        }

        var upcomingEntries = new List<object>();
        foreach (var session in upcoming)
        {
            upcomingEntries.Add(await EntryAsync(session));
        }

        foreach (var session in past)
        {
            entries.Add(await EntryAsync(session));
        }

        var card = cards.Render("conferences/list", new
        {
            Title = (string)texts["List_Title"],
            EmptyText = (string)texts["List_Empty"],
            UpcomingTitle = (string)texts["List_Upcoming"],
            PastTitle = (string)texts["List_Past"],
            Upcoming = upcomingEntries,
            Past = entries,
            Schedule = staff ? (string)texts["List_Schedule"] : string.Empty,
        });
        return Reply.WithCard(card, texts["List_Title"]);
    }
}
