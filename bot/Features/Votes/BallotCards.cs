using System.Globalization;
using System.Text.Json.Nodes;
using BepBot.Cards;
using BepBot.Chat;
using BepBot.Infrastructure.Text;
using BepBot.Infrastructure.Time;
using BepBot.Platform.Procurations;
using BepBot.Platform.Territory;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Votes;

/// <summary>Renders the votes' cards (ballot, result, staff follow-up, list, procuration) in the reader's language.</summary>
public sealed class BallotCards(CardCatalog cards, BallotStore ballots, IStringLocalizer<VotesTexts> texts)
{
    // What one row of buttons holds in Teams' 320 px column, in characters of their titles (a button's title does not
    // wrap), and what each button's margins take: « ✓ Pour », « Contre », « Abstention » fit; three choices of 20 do not.
    private const int ButtonRowLength = 32;
    private const int ButtonMargins = 5;

    /// <summary>Refreshes a ballot card for whoever looks at it: open or closed, their votes, the result once published.</summary>
    public const string RefreshVerb = "votes.refresh";

    /// <summary>The ballot as one member sees it: a block per commune they vote for, with its vote as recorded.</summary>
    public JsonObject ForVoter(Ballot ballot, VoterStanding standing, CultureInfo culture)
    {
        using var scope = CultureScope.Use(culture);
        var seats = standing.Seats;
        var given = standing.GivenAway;
        var isOpen = ballot.State == BallotState.Open;
        var seatData = new List<object>();
        for (var slot = 0; slot < seats.Count; slot++)
        {
            seatData.Add(Seat(ballot, seats[slot], slot, isOpen));
        }

        var notices = new List<string>();
        if (given is not null)
        {
            notices.Add(given.UsedAt is null
                ? texts["Ballot_GivenTo", CardText.EscapeMarkdown(given.HolderName), given.GiverCommune]
                : texts["Ballot_GivenToUsed", CardText.EscapeMarkdown(given.HolderName), given.GiverCommune]);
        }

        notices.Add(ballot.Secret ? texts["Ballot_SecretNotice"] : texts["Ballot_OpenNotice"]);
        if (!ballot.LiveResults || ballot.Secret)
        {
            notices.Add(texts["Ballot_HiddenResults"]);
        }

        var ownSeatVoted = standing.OwnSeat?.Voted == true;
        return Refreshing(ballot, cards.Render("votes/ballot", new
        {
            Heading = ballot.State == BallotState.Closed ? texts["Ballot_HeadingClosed"].Value : texts["Ballot_Heading"].Value,
            Question = CardText.EscapeMarkdown(ballot.Question),
            Explanation = CardText.EscapeMarkdown(ballot.Explanation),
            Links = Links(ballot),
            Facts = Facts(ballot, culture),
            Seats = seatData,
            Notice = string.Join(" ", notices),
            BallotId = ballot.Id,
            CanGiveProxy = isOpen && given is null && !ownSeatVoted && seats.Any(seat => seat.HeldFrom is null),
            GiveProxyTitle = texts["Ballot_GiveProxy"].Value,
            CanWithdrawProxy = isOpen && given is { UsedAt: null, Scope: ProcurationScope.Ballot },
            WithdrawProxyTitle = texts["Ballot_WithdrawProxy"].Value,
        }));
    }

    private JsonObject Refreshing(Ballot ballot, JsonObject card) =>
        CardRefresh.Declare(card, RefreshVerb, new JsonObject { ["ballotId"] = ballot.Id }, texts["Button_UpdateCard"]);

    public async Task<JsonObject> ResultAsync(Ballot ballot, bool forStaff, CultureInfo culture, CancellationToken cancellationToken)
    {
        using var scope = CultureScope.Use(culture);
        var result = ballot.Result ?? throw new InvalidOperationException($"Ballot {ballot.Id} has no result yet.");
        var communes = new List<FactLine>();
        IReadOnlySet<string> voted;
        if (!ballot.Secret)
        {
            var votes = (await ballots.ListVotesAsync(ballot.Id, cancellationToken)).ToDictionary(vote => vote.Commune, StringComparer.Ordinal);
            communes.AddRange(ballot.Communes
                .Order(StringComparer.Create(BelgianTime.French, ignoreCase: true))
                .Select(commune => new FactLine(commune, votes.TryGetValue(commune, out var vote) ? VoteText(ballot, vote) : texts["Result_DidNotVote"].Value)));
            voted = votes.Keys.ToHashSet(StringComparer.Ordinal);
        }
        else
        {
            voted = await ballots.VotedCommunesAsync(ballot, cancellationToken);
        }

        var bassins = TerritoryMap.Bassins
            .Select(bassin => (Name: bassin.ShortName, InScope: bassin.Communes.Count(ballot.InScope), Voted: bassin.Communes.Count(commune => ballot.InScope(commune) && voted.Contains(commune))))
            .Where(bassin => bassin.InScope > 0)
            .ToList();
        return Refreshing(ballot, cards.Render("votes/result", new
        {
            Heading = texts["Result_Heading"].Value,
            Question = CardText.EscapeMarkdown(ballot.Question),
            Outcome = OutcomeText(ballot, result),
            Facts = new List<FactLine>
            {
                new(texts["Fact_Participation"], texts["Fact_ParticipationValue", result.Participants, result.InScope]),
                new(texts["Fact_Quorum"], QuorumResultText(ballot, result)),
                new(texts["Fact_Rule"], RuleText(ballot)),
                new(texts["Fact_Ballot"], ballot.Secret ? texts["Ballot_Secret"] : texts["Ballot_Open"]),
                new(texts["Fact_ClosedAt"], ballot.ClosedAt is { } closed ? BelgianTime.FormatDateTime(closed, culture) : "-"),
            },
            CountsTitle = texts["Result_Counts"].Value,
            ChoiceAxis = texts["Result_ChoiceAxis"].Value,
            VotesAxis = texts["Result_Counts"].Value,
            CountsChart = ballot.Choices.Select(choice => new { X = choice.Label, Y = result.Counts.GetValueOrDefault(choice.Id) }).ToList(),
            Counts = ballot.Choices.Select(choice => new FactLine(CardText.EscapeMarkdown(choice.Label), result.Counts.GetValueOrDefault(choice.Id).ToString(culture))).ToList(),
            ParticipationTitle = texts["Result_ParticipationTitle"].Value,
            BassinAxis = texts["Result_BassinAxis"].Value,
            CommunesAxis = texts["Result_CommunesAxis"].Value,
            ParticipationChart = new[]
            {
                new { Legend = texts["Result_Voted"].Value, Color = "good", Values = bassins.Select(bassin => new { X = bassin.Name, Y = bassin.Voted }).ToList() },
                new { Legend = texts["Result_NotVoted"].Value, Color = "neutral", Values = bassins.Select(bassin => new { X = bassin.Name, Y = bassin.InScope - bassin.Voted }).ToList() },
            },
            Participation = bassins.Select(bassin => new FactLine(bassin.Name, texts["Result_BassinParticipation", bassin.Voted, bassin.InScope])).ToList(),
            HasCommunes = communes.Count > 0,
            CommunesTitle = texts["Result_Communes"].Value,
            Communes = communes,
            AuditLine = texts["Result_Audit", result.AuditEntries, result.AuditHeadHash[..12]].Value,
            CanExport = forStaff,
            ExportTitle = texts["Export_Results"].Value,
            AuditTitle = texts["Export_Audit"].Value,
            BallotId = ballot.Id,
        }));
    }

    /// <summary>Staff follow-up: participation, who has not voted, live results when the ballot allows them.</summary>
    public async Task<JsonObject> StatusAsync(Ballot ballot, CultureInfo culture, CancellationToken cancellationToken)
    {
        using var scope = CultureScope.Use(culture);
        var voted = await ballots.VotedCommunesAsync(ballot, cancellationToken);
        var live = new List<FactLine>();
        var showLive = ballot.State == BallotState.Open && ballot.LiveResults && !ballot.Secret;
        if (showLive)
        {
            var tally = BallotRules.Tally(ballot, [.. (await ballots.ListVotesAsync(ballot.Id, cancellationToken)).Select(vote => vote.ChoiceIds)]);
            live.AddRange(ballot.Choices.Select(choice => new FactLine(CardText.EscapeMarkdown(choice.Label), tally.Counts[choice.Id].ToString(culture))));
        }

        var waiting = ballot.Communes.Where(commune => !voted.Contains(commune)).Order(StringComparer.Create(BelgianTime.French, ignoreCase: true)).ToList();
        var facts = new List<FactLine>
        {
            new(texts["Fact_State"], texts["State_" + ballot.State]),
            new(texts["Fact_Participation"], texts["Fact_ParticipationValue", voted.Count, ballot.Communes.Count]),
        };
        facts.AddRange(Facts(ballot, culture));
        return cards.Render("votes/status", new
        {
            Heading = texts["Status_Heading"].Value,
            Question = CardText.EscapeMarkdown(ballot.Question),
            Facts = facts,
            HasLive = showLive,
            LiveTitle = texts["Status_Live"].Value,
            Live = live,
            Waiting = ballot.State == BallotState.Closed || waiting.Count == 0 ? string.Empty : texts["Status_Waiting", string.Join(", ", waiting)].Value,
            CanClose = ballot.State != BallotState.Closed,
            CloseTitle = ballot.State == BallotState.Scheduled ? texts["Status_CancelScheduled"].Value : texts["Status_Close"].Value,
            CanRemind = ballot.State == BallotState.Open && waiting.Count > 0,
            RemindTitle = texts["Status_Remind"].Value,
            RemindTooltip = texts["Status_RemindTooltip"].Value,
            IsClosed = ballot.State == BallotState.Closed,
            ExportTitle = texts["Export_Results"].Value,
            AuditTitle = texts["Export_Audit"].Value,
            BallotId = ballot.Id,
        });
    }

    public JsonObject List(IReadOnlyList<(Ballot Ballot, string Detail)> items, bool forStaff, CultureInfo culture)
    {
        using var scope = CultureScope.Use(culture);
        return cards.Render("votes/list", new
        {
            Title = texts["List_Title"].Value,
            Empty = items.Count > 0 ? string.Empty : forStaff ? texts["List_EmptyStaff"].Value : texts["List_Empty"].Value,
            NewBallotTitle = forStaff ? texts["New_Title"].Value : string.Empty,
            Items = items.Select(item => new
            {
                Title = CardText.EscapeMarkdown(item.Ballot.Question),
                item.Detail,
                BallotId = item.Ballot.Id,
                IsStaff = forStaff,
                // The title stays short for Teams' narrow column; the tooltip, which screen readers announce, names the ballot.
                ButtonTitle = texts[forStaff ? "List_Follow" : "List_Vote"].Value,
                ButtonTooltip = texts[forStaff ? "List_FollowFor" : "List_VoteFor", item.Ballot.Question].Value,
            }).ToList(),
        });
    }

    public JsonObject Proxy(Ballot ballot, string commune, IReadOnlyList<Member> holders, CultureInfo culture)
    {
        using var scope = CultureScope.Use(culture);
        return cards.Render("votes/proxy", new
        {
            Heading = texts["Proxy_Heading"].Value,
            Intro = texts["Proxy_Intro", commune, CardText.EscapeMarkdown(Brief(ballot.Question))].Value,
            HolderLabel = texts["Proxy_HolderLabel"].Value,
            HolderError = texts["Proxy_HolderError"].Value,
            Holders = holders.Select(holder => new { Title = $"{CardText.EscapeMarkdown(holder.Name)} ({holder.Commune})", Value = holder.AadObjectId }).ToList(),
            HasSession = ballot.SessionId is not null,
            ScopeLabel = texts["Proxy_ScopeLabel"].Value,
            Scopes = new[] { new { Title = texts["Proxy_ScopeBallot"].Value, Value = "ballot" }, new { Title = texts["Proxy_ScopeSession"].Value, Value = "session" } },
            ConfirmTitle = texts["Proxy_Confirm"].Value,
            BallotId = ballot.Id,
        });
    }

    /// <summary>The giver's confirmation; a procuration for this ballot alone can be taken back from it (a session's, from the session's invitation).</summary>
    public JsonObject ProxyGiven(Ballot ballot, string message, bool canWithdraw) =>
        cards.Render("votes/proxy-given", new
        {
            Title = texts["Proxy_GivenTitle"].Value,
            Message = message,
            WithdrawTitle = canWithdraw ? texts["Proxy_Withdraw"].Value : string.Empty,
            BallotId = ballot.Id,
        });

    public JsonObject Confirmation(string title, string message) =>
        cards.Render("common/confirmation", new { Title = title, Message = message, Details = Array.Empty<object>() });

    public string Refusal(CastOutcome outcome) => outcome.Status switch
    {
        CastStatus.NotYetOpen when outcome.Ballot?.OpensAt is { } at => texts["Vote_NotYetOpen", BelgianTime.FormatDateTime(at, CultureInfo.CurrentUICulture)],
        CastStatus.NotYetOpen => texts["Vote_NotYetOpenUndated"],
        CastStatus.Closed => texts["Vote_Closed"],
        CastStatus.NotInScope => texts["Vote_NotInScope"],
        CastStatus.NotYourCommune => texts["Vote_NotYourCommune"],
        CastStatus.GivenAway when outcome.GivenAway is { } given => texts["Vote_GivenAway", CardText.EscapeMarkdown(given.HolderName), given.GiverCommune],
        CastStatus.GivenAway => texts["Vote_NotYourCommune"],
        CastStatus.UnknownChoice => texts["Vote_UnknownChoice"],
        _ => texts["Vote_UnknownBallot"],
    };

    public IReadOnlyList<FactLine> Facts(Ballot ballot, CultureInfo culture)
    {
        var facts = new List<FactLine>
        {
            new(texts["Fact_Scope"], ScopeText(ballot)),
        };
        if (ballot.State == BallotState.Scheduled && ballot.OpensAt is { } opens)
        {
            facts.Add(new(texts["Fact_OpensAt"], BelgianTime.FormatDateTime(opens, culture)));
        }

        facts.Add(new(texts["Fact_ClosesAt"], ballot.ClosesAt is { } closes ? BelgianTime.FormatDateTime(closes, culture) : texts["Fact_ClosesByHand"]));
        facts.Add(new(texts["Fact_Ballot"], ballot.Secret ? texts["Ballot_Secret"] : texts["Ballot_Open"]));
        facts.Add(new(texts["Fact_Rule"], RuleText(ballot)));
        facts.Add(new(texts["Fact_Quorum"], QuorumText(ballot)));
        return facts;
    }

    public string ScopeText(Ballot ballot) =>
        ballot.Bassin is null
            ? texts["Scope_All", ballot.Communes.Count]
            : texts["Scope_Bassin", TerritoryMap.FindBassin(ballot.Bassin)?.ShortName ?? ballot.Bassin, ballot.Communes.Count];

    public string RuleText(Ballot ballot)
    {
        var rule = texts["Rule_" + ballot.Majority].Value;
        return ballot.Majority == MajorityRule.AbsoluteOfScope || !ballot.Choices.Any(choice => choice.Id == Ballot.AbstentionId)
            ? rule
            : rule + (ballot.AbstentionsCount ? texts["Rule_AbstentionsCount"] : texts["Rule_AbstentionsIgnored"]);
    }

    public string QuorumText(Ballot ballot) => ballot.Quorum switch
    {
        QuorumKind.Communes => texts["Quorum_Communes", ballot.QuorumValue],
        QuorumKind.Percent => texts["Quorum_Percent", ballot.QuorumValue, BallotRules.QuorumNeeded(ballot.Quorum, ballot.QuorumValue, ballot.Communes.Count)],
        _ => texts["Quorum_None"],
    };

    public string OutcomeText(Ballot ballot, BallotResult result) => result.Outcome switch
    {
        BallotOutcome.Adopted => texts["Outcome_Adopted"],
        BallotOutcome.Rejected => texts["Outcome_Rejected"],
        BallotOutcome.NoQuorum => texts["Outcome_NoQuorum"],
        BallotOutcome.Retained => texts["Outcome_Retained", CardText.EscapeMarkdown(string.Join(", ", result.RetainedChoiceIds.Select(id => ballot.FindChoice(id)?.Label ?? id)))],
        _ => texts["Outcome_NoMajority"],
    };

    public string VoteText(Ballot ballot, CommuneVote vote)
    {
        var labels = CardText.EscapeMarkdown(string.Join(", ", vote.ChoiceIds.Select(id => ballot.FindChoice(id)?.Label ?? id)));
        return vote.ByProcuration ? texts["Result_ByProcuration", labels] : labels;
    }

    public static string Brief(string question) => question.Length <= 60 ? question : question[..57] + "…";

    public string QuorumResultText(Ballot ballot, BallotResult result) =>
        ballot.Quorum == QuorumKind.None
            ? texts["Quorum_None"]
            : texts[result.QuorumReached ? "Quorum_Reached" : "Quorum_NotReached", BallotRules.QuorumNeeded(ballot.Quorum, ballot.QuorumValue, result.InScope)];

    private static string Links(Ballot ballot) =>
        string.Join("\n\n", ballot.Links.Select(link => Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"
            ? $"[{CardText.EscapeMarkdown(uri.Host + uri.AbsolutePath)}]({uri.AbsoluteUri})"
            : CardText.EscapeMarkdown(link)));

    private object Seat(Ballot ballot, VotingSeat seat, int slot, bool isOpen)
    {
        var title = seat.HeldFrom is { } held ? texts["Seat_Held", seat.Commune, CardText.EscapeMarkdown(held.GiverName)].Value : seat.Commune;
        IReadOnlyList<string> selected = [];
        string status;
        var canVote = isOpen;
        if (ballot.Secret)
        {
            status = seat.Voted ? texts["Seat_SecretVoted"] : texts[isOpen ? "Seat_NotVoted" : "Seat_ClosedNotVoted"];
            canVote &= !seat.Voted;
        }
        else
        {
            var vote = seat.Vote?.Value;
            selected = vote?.ChoiceIds ?? [];
            status = vote is null
                ? texts[isOpen ? "Seat_NotVoted" : "Seat_ClosedNotVoted"]
                : texts[isOpen ? "Seat_Voted" : "Seat_VotedClosed", VoteText(ballot, vote)];
        }

        // A button per choice only while the choices fit side by side in Teams' 320 px column; longer choices are a list of
        // options that wraps, with one « Voter » button. The commune a button votes for is in its tooltip, which screen
        // readers announce, rather than in its title.
        var asList = ballot.Mode == ChoiceMode.Multiple
            || ballot.Choices.Sum(choice => choice.Label.Length) + "✓ ".Length + (ButtonMargins * (ballot.Choices.Count - 1)) > ButtonRowLength;
        var buttons = !canVote
            ? []
            : asList
                ? new List<object> { new { Title = texts["Seat_VoteButton"].Value, Tooltip = texts["Seat_VoteTooltip", seat.Commune].Value, Payload = new { BallotId = ballot.Id, Commune = seat.Commune, Slot = slot } } }
                : ballot.Choices.Select(choice => (object)new
                {
                    Title = (selected.Contains(choice.Id) ? "✓ " : string.Empty) + choice.Label,
                    Tooltip = texts["Seat_ChoiceTooltip", choice.Label, seat.Commune].Value,
                    Payload = new { BallotId = ballot.Id, Commune = seat.Commune, Choice = choice.Id },
                }).ToList();
        return new
        {
            Title = title,
            Status = status,
            HasInput = canVote && asList,
            IsMultiple = ballot.Mode == ChoiceMode.Multiple,
            InputId = "choices" + slot.ToString(CultureInfo.InvariantCulture),
            InputLabel = texts[ballot.Mode == ChoiceMode.Multiple ? "Seat_ChoicesLabel" : "Seat_ChoiceLabel", seat.Commune].Value,
            InputError = texts[ballot.Mode == ChoiceMode.Multiple ? "Seat_ChoicesError" : "Seat_ChoiceError"].Value,
            Selected = string.Join(",", selected),
            Options = ballot.Choices.Select(choice => new { Title = choice.Label, Value = choice.Id }).ToList(),
            HasButtons = buttons.Count > 0,
            Buttons = buttons,
        };
    }
}
