using System.Globalization;
using BepBot.Infrastructure.Time;

namespace BepBot.Tests.Text;

public sealed class BelgianTimeTests
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-BE");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    [Fact]
    public void FormatDateTime_UtcInstantInMarch_FrenchWinterTime()
    {
        var instant = new DateTimeOffset(2026, 3, 12, 13, 0, 0, TimeSpan.Zero);

        BelgianTime.FormatDateTime(instant, French).ShouldBe(Fr("jeudi 12 mars 2026 à 14 h"));
    }

    [Fact]
    public void FormatDay_LateEveningUtc_IsTheNextDayInBrussels()
    {
        var instant = new DateTimeOffset(2026, 7, 9, 22, 30, 0, TimeSpan.Zero);

        BelgianTime.FormatDay(instant, French).ShouldBe("10 juillet 2026");
        BelgianTime.FormatDay(instant, English).ShouldBe("10 July 2026");
    }

    [Fact]
    public void FormatDateTime_UtcInstantInJuly_FrenchSummerTime()
    {
        var instant = new DateTimeOffset(2026, 7, 9, 12, 0, 0, TimeSpan.Zero);

        BelgianTime.FormatDateTime(instant, French).ShouldBe(Fr("jeudi 9 juillet 2026 à 14 h"));
    }

    [Fact]
    public void FormatDateTime_UtcInstantInMarch_EnglishWinterTime()
    {
        var instant = new DateTimeOffset(2026, 3, 12, 13, 0, 0, TimeSpan.Zero);

        BelgianTime.FormatDateTime(instant, English).ShouldBe("Thursday 12 March 2026 at 14:00");
    }

    [Fact]
    public void FormatDateTime_UtcInstantInJuly_EnglishSummerTime()
    {
        var instant = new DateTimeOffset(2026, 7, 9, 12, 0, 0, TimeSpan.Zero);

        BelgianTime.FormatDateTime(instant, CultureInfo.GetCultureInfo("en-US")).ShouldBe("Thursday 9 July 2026 at 14:00");
    }

    [Theory]
    [InlineData(0, 30, "dimanche 29 mars 2026 à 1 h 30")]
    [InlineData(1, 30, "dimanche 29 mars 2026 à 3 h 30")]
    public void FormatDateTime_AroundSpringForward_SwitchesOffsetAtOneUtc(int hour, int minute, string expected)
    {
        var instant = new DateTimeOffset(2026, 3, 29, hour, minute, 0, TimeSpan.Zero);

        BelgianTime.FormatDateTime(instant, French).ShouldBe(Fr(expected));
    }

    [Fact]
    public void FormatDateTime_InstantWithForeignOffset_ShownInBrussels()
    {
        var instant = new DateTimeOffset(2026, 7, 9, 8, 30, 0, TimeSpan.FromHours(-4));

        BelgianTime.FormatDateTime(instant, French).ShouldBe(Fr("jeudi 9 juillet 2026 à 14 h 30"));
    }

    [Fact]
    public void FormatDateTime_LateUtcEvening_IsNextDayInBrussels()
    {
        var instant = new DateTimeOffset(2026, 3, 12, 23, 30, 0, TimeSpan.Zero);

        BelgianTime.FormatDateTime(instant, French).ShouldBe(Fr("vendredi 13 mars 2026 à 0 h 30"));
    }

    [Fact]
    public void FormatDateAndFormatTime_JulyInstant_BrusselsParts()
    {
        var instant = new DateTimeOffset(2026, 7, 9, 7, 5, 0, TimeSpan.Zero);

        BelgianTime.FormatDate(instant, French).ShouldBe("jeudi 9 juillet 2026");
        BelgianTime.FormatDate(instant, English).ShouldBe("Thursday 9 July 2026");
        BelgianTime.FormatTime(instant, French).ShouldBe("9\u00A0h\u00A005");
        BelgianTime.FormatTime(instant, English).ShouldBe("09:05");
    }

    [Fact]
    public void FormatDay_FirstOfTheMonth_IsWrittenFirstInFrenchOnly()
    {
        var instant = new DateTimeOffset(2027, 3, 1, 8, 30, 0, TimeSpan.Zero);

        BelgianTime.FormatDateTime(instant, French).ShouldBe("lundi 1er mars 2027 à 9\u00A0h\u00A030");
        BelgianTime.FormatDay(instant, French).ShouldBe("1er mars 2027");
        BelgianTime.FormatDateTime(instant, English).ShouldBe("Monday 1 March 2027 at 09:30");
    }

    [Theory]
    [InlineData(45, "45\u00A0min")]
    [InlineData(60, "1\u00A0h")]
    [InlineData(90, "1\u00A0h\u00A030")]
    [InlineData(125, "2\u00A0h\u00A005")]
    public void FormatDuration_Minutes_HoursWithoutZeroMinutes(int minutes, string expected)
    {
        BelgianTime.FormatDuration(minutes).ShouldBe(expected);
    }

    [Fact]
    public void ToBrussels_SummerAndWinterInstants_CarryTheBelgianOffset()
    {
        BelgianTime.ToBrussels(new DateTimeOffset(2026, 7, 9, 12, 0, 0, TimeSpan.Zero)).Offset.ShouldBe(TimeSpan.FromHours(2));
        BelgianTime.ToBrussels(new DateTimeOffset(2026, 3, 12, 12, 0, 0, TimeSpan.Zero)).Offset.ShouldBe(TimeSpan.FromHours(1));
    }
}
