using System.Globalization;
using BepBot.Chat;
using BepBot.Chat.Dashboard;
using BepBot.Infrastructure.Time;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Votes.Dashboard;

/// <summary>
/// « Votes » in the staff dashboard tab: every ballot, open ones first, with how many communes have voted; with
/// <c>?ballot=</c>, one ballot followed live (<see cref="BallotBoard"/>).
/// </summary>
public sealed class VotesBoard(BallotStore ballots, BallotBoard ballotBoard, IStringLocalizer<VotesTexts> texts) : IDashboardPage
{
    public const string PageName = "votes";

    public string Name => PageName;

    public int MenuOrder => 20;

    public string Title => texts["Board_Title"];

    public bool IsFor(ChatUser user) => user.Role == Role.BepStaff;

    public static string LinkTo(string ballotId) => $"{PageName}?ballot={ballotId}";

    public async Task<DashboardView> LoadAsync(DashboardRequest request, CancellationToken cancellationToken) =>
        request["ballot"] is { } id ? await ballotBoard.LoadAsync(id, cancellationToken) : await ListAsync(cancellationToken);

    private async Task<DashboardView> ListAsync(CancellationToken cancellationToken) =>
        new(texts["Board_Title"], [await TableAsync(texts["Section_votes"], texts["Board_NoBallot"], _ => true, grouped: true, cancellationToken)]);

    /// <summary>The ballots <paramref name="which"/> picks, open ones first, each with its participation and a link to its page.</summary>
    public async Task<TableBlock> TableAsync(string heading, string emptyText, Func<Ballot, bool> which, bool grouped, CancellationToken cancellationToken)
    {
        var culture = CultureInfo.CurrentUICulture;
        var rows = new List<TableRow>();
        var shown = (await ballots.ListAsync(cancellationToken)).Where(which)
            .OrderBy(ShownOrder).ThenByDescending(ballot => ballot.ClosedAt).ThenBy(ballot => ballot.ClosesAt ?? DateTimeOffset.MaxValue);
        foreach (var ballot in shown)
        {
            var voted = (await ballots.VotedCommunesAsync(ballot, cancellationToken)).Count;
            var inScope = ballot.Communes.Count;
            var closes = ballot.State == BallotState.Closed && ballot.ClosedAt is { } closed
                ? new DashboardCell(BelgianTime.FormatDateTime(closed, culture), closed.ToUnixTimeSeconds())
                : ballot.ClosesAt is { } at
                    ? new DashboardCell(BelgianTime.FormatDateTime(at, culture), at.ToUnixTimeSeconds())
                    : new DashboardCell(texts["Fact_ClosesByHand"]);
            rows.Add(new TableRow(
                ballot.Id,
                new Dictionary<string, DashboardCell>
                {
                    ["question"] = ballot.Question,
                    ["state"] = new(texts["State_" + ballot.State], ShownOrder(ballot), Tone: ballot.State == BallotState.Open ? CellTone.Good : CellTone.Neutral),
                    ["participation"] = new(texts["Fact_ParticipationValue", voted, inScope], voted, inScope == 0 ? 0 : (double)voted / inScope),
                    ["closes"] = closes,
                },
                Link: LinkTo(ballot.Id),
                Group: grouped ? texts["Board_Group_" + ballot.State].Value : null));
        }

        return new TableBlock(
            heading,
            [
                new("question", texts["Board_Column_Question"]),
                new("state", texts["Fact_State"]),
                new("participation", texts["Fact_Participation"], Numeric: true),
                new("closes", texts["Fact_ClosesAt"]),
            ],
            rows,
            emptyText);
    }

    private static int ShownOrder(Ballot ballot) => ballot.State switch
    {
        BallotState.Open => 0,
        BallotState.Scheduled => 1,
        _ => 2,
    };
}
