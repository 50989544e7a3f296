using System.Globalization;
using System.Security.Cryptography;
using BepBot.Cards;
using BepBot.Chat;
using BepBot.Chat.Flows;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Conferences;

/// <summary>`conferences.addItem`: staff add one item (title, presenter, duration, links, an optional vote).</summary>
public sealed class AddAgendaItemFlow(ConferenceStore store, AgendaView agenda, IStringLocalizer<ConferencesTexts> texts) : Flow
{
    public const string FlowId = "conferences.agenda";

    public override string Id => FlowId;

    public override IReadOnlySet<Role> AllowedRoles => Roles.Staff;

    public override string Title(ChatTurn turn) => texts["AgendaAdd_Title"];

    public override IReadOnlyList<FlowStep> Steps =>
    [
        new("title", (_, _) => new FlowPrompt(texts["AgendaAdd_AskTitle"], Placeholder: texts["AgendaAdd_TitlePlaceholder"]), (_, _, input) =>
            Task.FromResult(input.Length is >= 2 and <= 200 ? FlowAnswer.Accept(input) : FlowAnswer.Reject(texts["AgendaAdd_BadTitle"]))),
        new("presenter", (_, _) => new FlowPrompt(texts["AgendaAdd_AskPresenter"], texts["AgendaAdd_SkipHint"]), (_, _, input) =>
            Task.FromResult(SkipWord.Matches(input) ? FlowAnswer.Accept(string.Empty) : input.Length <= 100 ? FlowAnswer.Accept(input) : FlowAnswer.Reject(texts["AgendaAdd_BadPresenter"]))),
        new("minutes", (_, _) => new FlowPrompt(texts["AgendaAdd_AskMinutes"], Placeholder: "30"), (_, _, input) =>
            Task.FromResult(DateInput.ParseMinutes(input) is { } minutes and >= 5 and <= 240 ? FlowAnswer.Accept(minutes.ToString(CultureInfo.InvariantCulture)) : FlowAnswer.Reject(texts["AgendaAdd_BadMinutes"]))),
        new("links", (_, _) => new FlowPrompt(texts["AgendaAdd_AskLinks"], texts["AgendaAdd_LinksHint"]), AcceptLinks),
        new("vote", (_, _) => new FlowPrompt(texts["AgendaAdd_AskVote"], texts["AgendaAdd_SkipHint"]), (_, _, input) =>
            Task.FromResult(SkipWord.Matches(input) ? FlowAnswer.Accept(string.Empty) : input.Length <= 300 ? FlowAnswer.Accept(input) : FlowAnswer.Reject(texts["AgendaAdd_BadVote"]))),
    ];

    public override async Task<Reply> CompleteAsync(ChatTurn turn, FlowValues values, CancellationToken cancellationToken)
    {
        var item = new AgendaItem(
            Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4)),
            values.Required("title"),
            NullIfEmpty(values["presenter"]),
            int.Parse(values.Required("minutes"), CultureInfo.InvariantCulture),
            ParseLinks(values["links"] ?? string.Empty) ?? [],
            NullIfEmpty(values["vote"]));
        var updated = await store.ChangeAsync(
            values.Required(SessionFlows.SessionValue),
            current => current.State == ConferenceState.Cancelled ? null : current with { Agenda = [.. current.Agenda, item] },
            turn.User.Name,
            texts["Change_AgendaAdded", turn.User.Name, item.Title],
            cancellationToken);
        return updated is null
            ? Reply.WithText(texts["Error_SessionClosed"])
            : Reply.WithCard(agenda.Card(updated, forStaff: true, notice: texts["AgendaAdd_Done", CardText.EscapeMarkdown(item.Title)]), texts["AgendaAdd_Done", item.Title]);
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private Task<FlowAnswer> AcceptLinks(ChatTurn turn, FlowValues values, string input)
    {
        if (SkipWord.Matches(input))
        {
            return Task.FromResult(FlowAnswer.Accept(string.Empty));
        }

        return Task.FromResult(ParseLinks(input) is { Count: > 0 and <= 10 } ? FlowAnswer.Accept(input) : FlowAnswer.Reject(texts["AgendaAdd_BadLinks"]));
    }

    /// <summary>"Titre | https://…" entries separated by ';' or new lines; a bare address is its own title. Null if any is invalid.</summary>
    public static List<AgendaLink>? ParseLinks(string input)
    {
        var links = new List<AgendaLink>();
        foreach (var entry in input.Split([';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = entry.Split('|', 2, StringSplitOptions.TrimEntries);
            var address = parts[^1];
            if (!Uri.TryCreate(address, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || address.Contains(')', StringComparison.Ordinal))
            {
                return null;
            }

            links.Add(new AgendaLink(parts.Length == 2 && parts[0].Length > 0 ? parts[0] : uri.Host, uri.ToString()));
        }

        return links;
    }
}
