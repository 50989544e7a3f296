namespace BepBot.Tests.Harness;

public static class TextAssertions
{
    /// <summary>Each part must be in the text (as Shouldly's ShouldContain checks it); a failure names every missing part.</summary>
    public static void ShouldContainAll(this string actual, params string[] parts) =>
        actual.ShouldSatisfyAllConditions([.. parts.Select(part => (Action)(() => actual.ShouldContain(part)))]);
}
