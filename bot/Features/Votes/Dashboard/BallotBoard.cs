using System.Globalization;
using System.Text.Json.Nodes;
using BepBot.Chat.Dashboard;
using BepBot.Infrastructure.Time;
using BepBot.Platform.Territory;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Votes.Dashboard;

/// <summary>
/// One ballot in the tab (<c>votes?ballot=</c>): the 40 communes grouped by bassin, who has voted and who has not with
/// « Relancer », live while it is open; after the close its result, the check of its audit chain and its exports. A
/// secret ballot's page says only whether a commune took part, never what it chose.
/// </summary>
public sealed class BallotBoard(BallotStore ballots, BallotCards cards, AuditLog audit, IStringLocalizer<VotesTexts> texts)
{
    /// <summary>How often the tab reloads an open ballot: a vote cast in chat shows within this and the page's load.</summary>
    public const int LiveRefreshSeconds = 3;

    public async Task<DashboardView> LoadAsync(string id, CancellationToken cancellationToken)
    {
        var ballot = await ballots.GetAsync(id, cancellationToken);
        if (ballot is null)
        {
            return new DashboardView(texts["Board_Title"], [new FactsBlock(texts["Board_About"], [], texts["Vote_UnknownBallot"])], Back: VotesBoard.PageName);
        }

        var culture = CultureInfo.CurrentUICulture;
        IReadOnlyDictionary<string, CommuneVote> votes = ballot.Secret
            ? new Dictionary<string, CommuneVote>()
            : (await ballots.ListVotesAsync(ballot.Id, cancellationToken)).ToDictionary(vote => vote.Commune, StringComparer.Ordinal);
        var voted = ballot.Secret ? await ballots.VotedCommunesAsync(ballot, cancellationToken) : votes.Keys.ToHashSet(StringComparer.Ordinal);

        var facts = new List<Fact>
        {
            new(texts["Fact_State"], texts["State_" + ballot.State], ballot.State == BallotState.Open ? CellTone.Good : CellTone.Neutral),
            new(texts["Fact_Participation"], texts["Fact_ParticipationValue", voted.Count, ballot.Communes.Count]),
        };
        facts.AddRange(cards.Facts(ballot, culture).Select(line => new Fact(line.Label, line.Value)));
        var blocks = new List<DashboardBlock> { new FactsBlock(texts["Board_About"], facts, string.IsNullOrWhiteSpace(ballot.Explanation) ? null : ballot.Explanation) };

        if (ballot.Result is { } result)
        {
            blocks.AddRange(await ResultAsync(ballot, result, culture, cancellationToken));
        }
        else if (ballot.State == BallotState.Open && ballot.LiveResults && !ballot.Secret)
        {
            var tally = BallotRules.Tally(ballot, [.. votes.Values.Select(vote => vote.ChoiceIds)]);
            blocks.Add(CountsChart(ballot, texts["Status_Live"], tally.Counts, culture));
        }

        blocks.Add(Bassins(ballot, voted));
        blocks.Add(Communes(ballot, voted, votes));
        if (ballot.State != BallotState.Closed)
        {
            blocks.Add(Actions(ballot, ballot.Communes.Count(commune => !voted.Contains(commune))));
        }

        blocks.Add(Exports(ballot));
        return new DashboardView(ballot.Question, blocks, ballot.State == BallotState.Open ? LiveRefreshSeconds : null, VotesBoard.PageName);
    }

    private async Task<IEnumerable<DashboardBlock>> ResultAsync(Ballot ballot, BallotResult result, CultureInfo culture, CancellationToken cancellationToken)
    {
        var verification = await audit.VerifyAsync(ballot.Id, cancellationToken);
        var check = verification.FirstBroken is { } broken
            ? new Fact(texts["Board_AuditCheck"], texts["Board_AuditBroken", broken, verification.Entries], CellTone.Bad)
            : new Fact(texts["Board_AuditCheck"], texts["Board_AuditIntact", verification.Entries, verification.HeadHash], CellTone.Good);
        return
        [
            new FactsBlock(
                texts["Result_Heading"],
                [
                    new(texts["Fact_Participation"], texts["Fact_ParticipationValue", result.Participants, result.InScope]),
                    new(texts["Fact_Quorum"], cards.QuorumResultText(ballot, result), ballot.Quorum == QuorumKind.None || result.QuorumReached ? CellTone.Neutral : CellTone.Warning),
                    new(texts["Fact_ClosedAt"], ballot.ClosedAt is { } closed ? BelgianTime.FormatDateTime(closed, culture) : "-"),
                ],
                cards.OutcomeText(ballot, result)),
            CountsChart(ballot, texts["Board_Counts"], result.Counts, culture),
            new FactsBlock(texts["Board_Audit"], [check], texts["Board_AuditText"]),
        ];
    }

    private ChartBlock CountsChart(Ballot ballot, string heading, IReadOnlyDictionary<string, int> counts, CultureInfo culture)
    {
        var values = ballot.Choices.Select(choice => counts.GetValueOrDefault(choice.Id)).ToList();
        return new ChartBlock(
            heading,
            ChartKind.Bar,
            [.. ballot.Choices.Select(choice => choice.Label)],
            [new ChartSeries(texts["Result_Counts"], [.. values.Select(value => (double?)value)], [.. values.Select(value => value.ToString(culture))])],
            texts["Result_Counts"]);
    }

    private TableBlock Bassins(Ballot ballot, IReadOnlySet<string> voted)
    {
        var rows = TerritoryMap.Bassins
            .Select(bassin => (Bassin: bassin, InScope: bassin.Communes.Count(ballot.InScope), Voted: bassin.Communes.Count(commune => ballot.InScope(commune) && voted.Contains(commune))))
            .Where(line => line.InScope > 0)
            .Select(line => new TableRow(
                line.Bassin.Id,
                new Dictionary<string, DashboardCell>
                {
                    ["bassin"] = line.Bassin.ShortName,
                    ["participation"] = new(
                        texts["Result_BassinParticipation", line.Voted, line.InScope],
                        line.Voted,
                        (double)line.Voted / line.InScope,
                        line.Voted == line.InScope ? CellTone.Good : CellTone.Neutral),
                }))
            .ToList();
        return new TableBlock(
            texts["Result_ParticipationTitle"],
            [new("bassin", texts["Result_BassinAxis"]), new("participation", texts["Fact_Participation"], Numeric: true)],
            rows,
            texts["Board_NoCommune"]);
    }

    private TableBlock Communes(Ballot ballot, IReadOnlySet<string> voted, IReadOnlyDictionary<string, CommuneVote> votes)
    {
        var showChoices = ballot.State == BallotState.Closed && !ballot.Secret;
        var order = StringComparer.Create(BelgianTime.French, ignoreCase: true);
        var rows = new List<TableRow>();
        foreach (var bassin in TerritoryMap.Bassins)
        {
            foreach (var commune in bassin.Communes.Where(ballot.InScope).Order(order))
            {
                var cells = new Dictionary<string, DashboardCell>
                {
                    ["commune"] = commune,
                    ["status"] = Status(ballot, voted.Contains(commune), votes.GetValueOrDefault(commune)),
                };
                if (showChoices)
                {
                    cells["vote"] = votes.TryGetValue(commune, out var vote) ? ChoiceText(ballot, vote) : "-";
                }

                var canRemind = ballot.State == BallotState.Open && !voted.Contains(commune);
                rows.Add(new TableRow(
                    commune,
                    cells,
                    Buttons: canRemind ? [RemindButton(ballot, commune)] : null,
                    Group: bassin.ShortName));
            }
        }

        List<TableColumn> columns = [new("commune", texts["Board_Column_Commune"]), new("status", texts["Fact_Participation"])];
        if (showChoices)
        {
            columns.Add(new("vote", texts["Board_Column_Vote"]));
        }

        return new TableBlock(texts["Board_Communes"], columns, rows, texts["Board_NoCommune"]);
    }

    // The card's VoteText escapes Markdown for Teams; the tab shows the labels as typed.
    private string ChoiceText(Ballot ballot, CommuneVote vote)
    {
        var labels = string.Join(", ", vote.ChoiceIds.Select(choice => ballot.FindChoice(choice)?.Label ?? choice));
        return vote.ByProcuration ? texts["Result_ByProcuration", labels] : labels;
    }

    private DashboardCell Status(Ballot ballot, bool hasVoted, CommuneVote? vote) =>
        hasVoted
            ? new(vote?.ByProcuration == true ? texts["Board_VotedByProxy"] : texts["Board_Voted"], 1, Tone: CellTone.Good)
            : ballot.State switch
            {
                BallotState.Open => new(texts["Board_NotYetVoted"], 0, Tone: CellTone.Warning),
                BallotState.Scheduled => new(texts["Board_NotOpenYet"], 0),
                _ => new(texts["Board_DidNotVote"], 0),
            };

    private DashboardButton RemindButton(Ballot ballot, string commune) =>
        new(texts["Board_Remind"], RemindFromBoard.Verb, new JsonObject { ["ballotId"] = ballot.Id, ["commune"] = commune }, AccessibleLabel: texts["Board_RemindCommune", commune]);

    private ButtonsBlock Actions(Ballot ballot, int waiting)
    {
        var buttons = new List<DashboardButton>();
        if (ballot.State == BallotState.Open && waiting > 0)
        {
            buttons.Add(new(texts["Status_Remind"], RemindFromBoard.Verb, new JsonObject { ["ballotId"] = ballot.Id }, Confirm: texts["Board_RemindAllConfirm", waiting], Primary: true));
        }

        buttons.Add(new(
            ballot.State == BallotState.Scheduled ? texts["Status_CancelScheduled"] : texts["Status_Close"],
            CloseFromBoard.Verb,
            new JsonObject { ["ballotId"] = ballot.Id },
            Confirm: texts["Board_CloseConfirm"]));
        return new ButtonsBlock(texts["Board_Actions"], buttons);
    }

    private ButtonsBlock Exports(Ballot ballot)
    {
        var buttons = new List<DashboardButton>();
        if (ballot.Result is not null)
        {
            buttons.Add(new(texts["Export_Results"], ExportFromBoard.ResultsVerb, new JsonObject { ["ballotId"] = ballot.Id }));
        }

        buttons.Add(new(texts["Export_Audit"], ExportFromBoard.AuditVerb, new JsonObject { ["ballotId"] = ballot.Id }));
        return new ButtonsBlock(texts["Board_Exports"], buttons);
    }
}
