using BepBot.Features.Votes;

namespace BepBot.Tests.Votes;

public sealed class BallotRulesTests
{
    private static IReadOnlyList<IReadOnlyList<string>> Papers(int pour, int contre, int abstention) =>
        [.. Enumerable.Repeat<IReadOnlyList<string>>(["pour"], pour), .. Enumerable.Repeat<IReadOnlyList<string>>(["contre"], contre), .. Enumerable.Repeat<IReadOnlyList<string>>(["abstention"], abstention)];

    [Theory]
    [InlineData(10, 9, 5, false, BallotOutcome.Adopted)]
    [InlineData(10, 10, 0, false, BallotOutcome.Rejected)]
    [InlineData(10, 9, 5, true, BallotOutcome.Rejected)]
    [InlineData(13, 9, 2, true, BallotOutcome.Adopted)]
    public void Tally_SimpleMajority_AbstentionsInBaseOnlyWhenAsked(int pour, int contre, int abstention, bool abstentionsCount, BallotOutcome expected)
    {
        var ballot = VoteSteps.Motion() with { AbstentionsCount = abstentionsCount };

        var tally = BallotRules.Tally(ballot, Papers(pour, contre, abstention));

        tally.Outcome.ShouldBe(expected);
        tally.Participants.ShouldBe(pour + contre + abstention);
        tally.Counts["pour"].ShouldBe(pour);
        tally.Counts["abstention"].ShouldBe(abstention);
    }

    [Theory]
    [InlineData(20, BallotOutcome.Rejected)]
    [InlineData(21, BallotOutcome.Adopted)]
    public void Tally_AbsoluteMajorityOfScope_CountsCommunesThatDidNotVote(int pour, BallotOutcome expected)
    {
        var ballot = VoteSteps.Motion() with { Majority = MajorityRule.AbsoluteOfScope };

        BallotRules.Tally(ballot, Papers(pour, 0, 0)).Outcome.ShouldBe(expected);
    }

    [Theory]
    [InlineData(20, 10, BallotOutcome.Adopted)]
    [InlineData(19, 10, BallotOutcome.Rejected)]
    public void Tally_TwoThirds_NeedsTwoThirdsOfVotesCast(int pour, int contre, BallotOutcome expected)
    {
        var ballot = VoteSteps.Motion() with { Majority = MajorityRule.TwoThirds };

        BallotRules.Tally(ballot, Papers(pour, contre, 0)).Outcome.ShouldBe(expected);
    }

    [Theory]
    [InlineData(QuorumKind.Communes, 21, 20, false)]
    [InlineData(QuorumKind.Communes, 21, 21, true)]
    [InlineData(QuorumKind.Percent, 50, 19, false)]
    [InlineData(QuorumKind.Percent, 50, 20, true)]
    [InlineData(QuorumKind.None, 0, 1, true)]
    public void Tally_Quorum_AbsoluteOrShareOfScope(QuorumKind kind, int value, int participants, bool reached)
    {
        var ballot = VoteSteps.Motion() with { Quorum = kind, QuorumValue = value };

        var tally = BallotRules.Tally(ballot, Papers(participants, 0, 0));

        tally.QuorumReached.ShouldBe(reached);
        tally.Outcome.ShouldBe(reached ? BallotOutcome.Adopted : BallotOutcome.NoQuorum);
    }

    [Fact]
    public void Tally_CustomSingleChoice_RetainsTheMajorityChoiceOrNone()
    {
        var ballot = VoteSteps.Motion() with { Choices = [new("c1", "Site A"), new("c2", "Site B"), new("c3", "Site C")] };
        IReadOnlyList<IReadOnlyList<string>> majority = [["c1"], ["c1"], ["c1"], ["c2"], ["c3"]];
        IReadOnlyList<IReadOnlyList<string>> split = [["c1"], ["c1"], ["c2"], ["c2"], ["c3"]];

        var won = BallotRules.Tally(ballot, majority);
        var none = BallotRules.Tally(ballot, split);

        won.Outcome.ShouldBe(BallotOutcome.Retained);
        won.RetainedChoiceIds.ShouldBe(["c1"]);
        none.Outcome.ShouldBe(BallotOutcome.NoMajority);
        none.RetainedChoiceIds.ShouldBeEmpty();
    }

    [Fact]
    public void Tally_MultipleChoice_RetainsEveryChoiceOverTheBar()
    {
        var ballot = VoteSteps.Motion() with { Mode = ChoiceMode.Multiple, Choices = [new("c1", "Mobilité"), new("c2", "Énergie"), new("c3", "Numérique")] };
        IReadOnlyList<IReadOnlyList<string>> papers = [["c1", "c2"], ["c1", "c2"], ["c1"], ["c3"]];

        var tally = BallotRules.Tally(ballot, papers);

        tally.Counts["c1"].ShouldBe(3);
        tally.Counts["c2"].ShouldBe(2);
        tally.RetainedChoiceIds.ShouldBe(["c1"]);
    }

    [Fact]
    public void Tally_NobodyVoted_IsRejectedNotAdopted()
    {
        BallotRules.Tally(VoteSteps.Motion(), []).Outcome.ShouldBe(BallotOutcome.Rejected);
    }

    [Theory]
    [InlineData("21", QuorumKind.Communes, 21)]
    [InlineData("50 %", QuorumKind.Percent, 50)]
    [InlineData("aucun", QuorumKind.None, 0)]
    public void ParseQuorum_NumberOrShare_IsRead(string input, QuorumKind kind, int value)
    {
        NewBallotFlow.ParseQuorum(input, 40).ShouldBe((kind, value));
    }

    [Theory]
    [InlineData("41")]
    [InlineData("150%")]
    [InlineData("beaucoup")]
    public void ParseQuorum_OutOfRangeOrText_IsRefused(string input)
    {
        NewBallotFlow.ParseQuorum(input, 40).ShouldBeNull();
    }

    [Fact]
    public void ValidChoices_ForgedOrDuplicated_AreRefused()
    {
        var motion = VoteSteps.Motion();
        var multiple = motion with { Mode = ChoiceMode.Multiple, Choices = [new("c1", "A"), new("c2", "B"), new("abstention", "Abstention")] };

        VoteService.ValidChoices(motion, ["pour"]).ShouldBeTrue();
        VoteService.ValidChoices(motion, ["oui"]).ShouldBeFalse();
        VoteService.ValidChoices(motion, ["pour", "contre"]).ShouldBeFalse();
        VoteService.ValidChoices(motion, []).ShouldBeFalse();
        VoteService.ValidChoices(multiple, ["c1", "c2"]).ShouldBeTrue();
        VoteService.ValidChoices(multiple, ["c1", "c1"]).ShouldBeFalse();
        VoteService.ValidChoices(multiple, ["c1", "abstention"]).ShouldBeFalse();
    }
}
