using System.Globalization;
using System.Text.Json.Nodes;
using BepBot.Cards;
using BepBot.Infrastructure.Time;

namespace BepBot.Features.Conferences;

/// <summary>The agenda with its times (start + durations so far), and what changed between two publications.</summary>
public sealed class AgendaView(ConferenceCards cards)
{
    private static CultureInfo Culture => CultureInfo.CurrentUICulture;

    public JsonObject Card(ConferenceSession session, bool forStaff, string? headline = null, string? notice = null)
    {
        var texts = cards.Texts;
        var times = Times(session.StartsAt, session.Agenda);
        // The session's own end and length: an agenda still empty, or shorter than the session, does not shorten it.
        string subtitle = session.EndsAt is { } end
            ? texts["Agenda_Subtitle", BelgianTime.FormatDateTime(session.StartsAt!.Value, Culture), BelgianTime.FormatTime(end, Culture), BelgianTime.FormatDuration(session.DurationMinutes)]
            : texts["Agenda_SubtitleNoDate", BelgianTime.FormatDuration(session.DurationMinutes)];
        var status = new List<string>();
        if (forStaff)
        {
            var planned = session.Agenda.Sum(item => item.Minutes);
            if (planned > session.DurationMinutes)
            {
                status.Add(texts["Agenda_Overrun", BelgianTime.FormatDuration(planned), BelgianTime.FormatDuration(session.DurationMinutes)]);
            }

            status.Add(session.AgendaPublications == 0 ? texts["Agenda_NotPublished"] : texts["Agenda_Published", session.AgendaPublications]);
        }

        return cards.Render("conferences/agenda", new
        {
            Headline = headline ?? string.Empty,
            Title = (string)texts["Agenda_Title", CardText.EscapeMarkdown(session.Title)],
            Subtitle = subtitle,
            // The staff's notes are sentences of their own, under the subtitle's line.
            Status = string.Join(' ', status),
            EmptyText = (string)texts["Agenda_Empty"],
            Staff = forStaff && session.State != ConferenceState.Cancelled,
            SessionId = session.Id,
            Items = session.Agenda.Select((item, index) => new
            {
                item.Id,
                Time = times[index],
                Title = CardText.EscapeMarkdown(item.Title),
                Details = Details(item),
                // Short titles side by side in the 320 px column; the tooltip, read by screen readers, names the item.
                Up = index > 0 ? (string)texts["Agenda_UpButton"] : string.Empty,
                UpTooltip = (string)texts["Agenda_Up", index + 1, item.Title],
                Down = index < session.Agenda.Count - 1 ? (string)texts["Agenda_DownButton"] : string.Empty,
                DownTooltip = (string)texts["Agenda_Down", index + 1, item.Title],
                Remove = (string)texts["Agenda_RemoveButton"],
                RemoveTooltip = (string)texts["Agenda_Remove", index + 1, item.Title],
            }).ToList(),
            Notice = notice ?? string.Empty,
            Add = (string)texts["Agenda_Add"],
            Publish = session.AgendaPublications == 0 ? (string)texts["Agenda_Publish"] : (string)texts["Agenda_PublishChanges"],
        });
    }

    public List<string> Times(DateTimeOffset? start, IReadOnlyList<AgendaItem> items)
    {
        var times = new List<string>();
        var minutes = 0;
        foreach (var item in items)
        {
            times.Add(start is { } at ? BelgianTime.FormatTime(at.AddMinutes(minutes), Culture) : "+" + BelgianTime.FormatDuration(minutes));
            minutes += item.Minutes;
        }

        return times;
    }

    /// <param name="markdown">False for plain text (the dashboard tab): typed values as typed, links as « title (address) ».</param>
    public string Details(AgendaItem item, bool markdown = true)
    {
        var texts = cards.Texts;
        string Typed(string value) => markdown ? CardText.EscapeMarkdown(value) : value;
        var parts = new List<string>();
        if (!string.IsNullOrEmpty(item.Presenter))
        {
            parts.Add(texts["Agenda_Presenter", Typed(item.Presenter)]);
        }

        parts.Add(BelgianTime.FormatDuration(item.Minutes));
        if (!string.IsNullOrEmpty(item.VoteQuestion))
        {
            parts.Add(texts["Agenda_Vote", Typed(item.VoteQuestion)]);
        }

        parts.AddRange(item.Links.Select(link => markdown ? $"[{Typed(link.Title)}]({link.Url})" : $"{link.Title} ({link.Url})"));
        return string.Join(" · ", parts);
    }

    /// <summary>"Ce qui a changé" from one published agenda to the next: added, removed, changed, moved, new times.</summary>
    public List<string> Diff(AgendaPublication before, AgendaPublication after)
    {
        var texts = cards.Texts;
        var lines = new List<string>();
        if (before.StartsAt != after.StartsAt)
        {
            lines.Add(texts["Diff_Start", BelgianTime.FormatDateTime(after.StartsAt, Culture)]);
        }

        var oldById = before.Items.ToDictionary(item => item.Id, StringComparer.Ordinal);
        var newIds = after.Items.Select(item => item.Id).ToHashSet(StringComparer.Ordinal);
        var afterTimes = Times(after.StartsAt, after.Items);
        var keptBefore = before.Items.Where(item => newIds.Contains(item.Id)).Select(item => item.Id).ToList();
        var keptAfter = after.Items.Where(item => oldById.ContainsKey(item.Id)).Select(item => item.Id).ToList();
        for (var index = 0; index < after.Items.Count; index++)
        {
            var item = after.Items[index];
            var title = CardText.EscapeMarkdown(item.Title);
            if (!oldById.TryGetValue(item.Id, out var old))
            {
                lines.Add(texts["Diff_Added", afterTimes[index], title, Details(item)]);
                continue;
            }

            if (old with { Links = [] } != item with { Links = [] } || !old.Links.SequenceEqual(item.Links))
            {
                lines.Add(texts["Diff_Changed", afterTimes[index], title, Details(item)]);
            }
            else if (keptBefore.IndexOf(item.Id) != keptAfter.IndexOf(item.Id))
            {
                lines.Add(texts["Diff_Moved", title, index + 1, afterTimes[index]]);
            }
        }

        lines.AddRange(before.Items.Where(item => !newIds.Contains(item.Id)).Select(item => (string)texts["Diff_Removed", CardText.EscapeMarkdown(item.Title)]));
        return lines;
    }
}
