namespace BepBot.Features.Votes;

/// <summary>The tally of a ballot under its quorum and majority rule: pure, so every rule is unit-tested on its own.</summary>
public static class BallotRules
{
    /// <param name="papers">One entry per commune that took part: the choice ids it voted for.</param>
    public static BallotTally Tally(Ballot ballot, IReadOnlyCollection<IReadOnlyList<string>> papers)
    {
        var counts = ballot.Choices.ToDictionary(choice => choice.Id, _ => 0, StringComparer.Ordinal);
        foreach (var paper in papers)
        {
            foreach (var id in paper.Distinct(StringComparer.Ordinal))
            {
                if (counts.TryGetValue(id, out var count))
                {
                    counts[id] = count + 1;
                }
            }
        }

        var participants = papers.Count;
        var inScope = ballot.Communes.Count;
        var abstainers = papers.Count(paper => paper.Count == 1 && paper[0] == Ballot.AbstentionId);
        var quorum = QuorumReached(ballot.Quorum, ballot.QuorumValue, participants, inScope);
        var votesBase = ballot.Majority == MajorityRule.AbsoluteOfScope
            ? inScope
            : participants - (ballot.AbstentionsCount ? 0 : abstainers);

        if (!quorum)
        {
            return new BallotTally(counts, participants, inScope, votesBase, false, BallotOutcome.NoQuorum, []);
        }

        if (ballot.IsMotion)
        {
            var adopted = Meets(ballot.Majority, counts[Ballot.ForId], votesBase);
            return new BallotTally(counts, participants, inScope, votesBase, true, adopted ? BallotOutcome.Adopted : BallotOutcome.Rejected, adopted ? [Ballot.ForId] : []);
        }

        var candidates = ballot.Choices.Where(choice => choice.Id != Ballot.AbstentionId && Meets(ballot.Majority, counts[choice.Id], votesBase)).Select(choice => choice.Id).ToList();
        if (ballot.Mode == ChoiceMode.One)
        {
            // Two choices cannot both pass "more than half"; under a lower bar the leading one is retained, or none on a tie.
            var best = candidates.OrderByDescending(id => counts[id]).ToList();
            candidates = best.Count == 0 || (best.Count > 1 && counts[best[0]] == counts[best[1]]) ? [] : [best[0]];
        }

        return new BallotTally(counts, participants, inScope, votesBase, true, candidates.Count > 0 ? BallotOutcome.Retained : BallotOutcome.NoMajority, candidates);
    }

    public static bool QuorumReached(QuorumKind kind, int value, int participants, int inScope) => kind switch
    {
        QuorumKind.Communes => participants >= value,
        QuorumKind.Percent => participants * 100 >= value * inScope,
        _ => true,
    };

    /// <summary>Whether <paramref name="count"/> votes carry the rule over <paramref name="votesBase"/>.</summary>
    public static bool Meets(MajorityRule rule, int count, int votesBase) =>
        votesBase > 0 && rule switch
        {
            MajorityRule.TwoThirds => 3 * count >= 2 * votesBase,
            _ => 2 * count > votesBase,
        };

    /// <summary>The smallest number of communes the quorum asks for.</summary>
    public static int QuorumNeeded(QuorumKind kind, int value, int inScope) => kind switch
    {
        QuorumKind.Communes => value,
        QuorumKind.Percent => (int)Math.Ceiling(value * inScope / 100.0),
        _ => 0,
    };
}
