using System.Globalization;
using BepBot.Chat;
using BepBot.Platform.CommunePages;
using BepBot.Infrastructure.Text;
using BepBot.Infrastructure.Time;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Votes;

/// <summary>"Votes ouverts" on a commune's page: its open ballots and whether it has voted (for a secret ballot, only that).</summary>
public sealed class OpenBallotsSection(BallotStore ballots, IStringLocalizer<VotesTexts> texts) : ICommunePageSection
{
    public int Order => 40;

    public async Task<CommunePageSection?> DescribeAsync(string commune, ChatUser viewer, CultureInfo culture, CancellationToken cancellationToken)
    {
        using var scope = CultureScope.Use(culture);
        var lines = new List<CommunePageLine>();
        foreach (var ballot in (await ballots.ListAsync(cancellationToken)).Where(ballot => ballot.State == BallotState.Open && ballot.InScope(commune)).OrderBy(ballot => ballot.ClosesAt ?? DateTimeOffset.MaxValue))
        {
            var voted = await ballots.HasVotedAsync(ballot, commune, cancellationToken);
            var closes = ballot.ClosesAt is { } at ? texts["List_Closes", BelgianTime.FormatDateTime(at, culture)].Value : texts["Fact_ClosesByHand"].Value;
            lines.Add(new CommunePageLine(ballot.Question, $"{(voted ? texts["Section_Voted"] : texts["Section_NotVoted"])} · {closes}"));
        }

        return new CommunePageSection(texts["Section_Title"], lines, texts["Section_Empty"]);
    }
}
