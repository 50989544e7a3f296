using System.Text.RegularExpressions;
using BepBot.Features.Conferences;
using BepBot.Features.Labs;
using BepBot.Features.Votes;
using BepBot.Infrastructure.Text;
using BepBot.Infrastructure.Time;
using BepBot.Tests.Harness;

namespace BepBot.Tests.Text;

/// <summary>The examples of dates and times the forms give, in the house style (« 14 h », « 9 h 30 »), are read back by their forms.</summary>
public sealed partial class TypedTimeTests
{
    [Theory]
    [InlineData("12/03/2027 14 h", "12/03/2027 14:00")]
    [InlineData("17/03/2027 9 h 30", "17/03/2027 9:30")]
    [InlineData("17/03/2027 9\u00A0h\u00A030", "17/03/2027 9:30")]
    [InlineData("12/03/2027 à 14h30", "12/03/2027 à 14:30")]
    [InlineData("12/03/2027 14:00", "12/03/2027 14:00")]
    [InlineData("2027-03-12T14:00", "2027-03-12T14:00")]
    public void ToColon_TimeWrittenTheFrenchWay_ReadsAsAClock(string typed, string expected)
    {
        TypedTime.ToColon(typed).ShouldBe(expected);
    }

    [Theory]
    [InlineData("Schedule_DateHint")]
    [InlineData("Schedule_BadDate")]
    [InlineData("Schedule_CandidatesHint")]
    public void ConferenceDateExamples_AsTheFormGivesThem_AreRead(string key)
    {
        var examples = Examples(French<ConferencesTexts>(key), DateExample());

        examples.ShouldNotBeEmpty();
        examples.ShouldAllBe(example => DateInput.Parse(example) != null);
    }

    [Theory]
    [InlineData("Schedule_DurationHint", 105)]
    [InlineData("Schedule_BadDuration", 150)]
    [InlineData("AgendaAdd_BadMinutes", 75)]
    public void DurationExamples_AsTheFormGivesThem_AreRead(string key, int minutes)
    {
        var example = DurationExample().Match(French<ConferencesTexts>(key)).Value;

        DateInput.ParseMinutes(example).ShouldBe(minutes);
    }

    [Theory]
    [InlineData("New_DateHint")]
    [InlineData("New_BadDate")]
    public void BallotDateExamples_AsTheFormGivesThem_AreRead(string key)
    {
        var example = Examples(French<VotesTexts>(key), DateExample()).Single();

        NewBallotFlow.ParseLocal(example).ShouldNotBeNull();
        NewBallotFlow.ParseLocal(example)!.Value.Hour.ShouldBe(18);
    }

    [Theory]
    [InlineData("Create_WhenHint")]
    [InlineData("Create_BadWhen")]
    public void LabScheduleExamples_AsTheFormGivesThem_AreRead(string key)
    {
        var schedule = LabInput.Schedule(Quoted().Match(French<LabsTexts>(key)).Groups[1].Value);

        schedule.ShouldNotBeNull();
        BelgianTime.FormatTime(schedule.Value.Start, Cultures.French).ShouldBe("14\u00A0h");
        BelgianTime.FormatTime(schedule.Value.End, Cultures.French).ShouldBe("16\u00A0h\u00A030");
    }

    [Theory]
    [InlineData("Create_DeadlineHint")]
    [InlineData("Create_BadDeadline")]
    public void LabDeadlineExamples_AsTheFormGivesThem_AreRead(string key)
    {
        var deadline = LabInput.Deadline(Quoted().Match(French<LabsTexts>(key)).Groups[1].Value);

        deadline.ShouldNotBeNull();
        BelgianTime.FormatTime(deadline.Value, Cultures.French).ShouldBe("12\u00A0h");
    }

    private static string French<TTexts>(string key)
    {
        using var scope = CultureScope.Use(Cultures.French);
        return TestTexts.For<TTexts>()[key].Value;
    }

    private static List<string> Examples(string text, Regex pattern) => [.. pattern.Matches(text).Select(match => match.Value)];

    [GeneratedRegex(@"\d{1,2}/\d{2}/\d{4} \d{1,2}[\u00A0 ]h([\u00A0 ]\d\d)?")]
    private static partial Regex DateExample();

    [GeneratedRegex(@"\d+[\u00A0 ]h[\u00A0 ]\d\d")]
    private static partial Regex DurationExample();

    [GeneratedRegex(@"«[\u00A0 ]([^»]+?)[\u00A0 ]»")]
    private static partial Regex Quoted();
}
