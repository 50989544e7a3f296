namespace BepBot.Tests;

public sealed class SmokeTests
{
    [Fact]
    public void Bot_Assembly_Loads() => typeof(Program).Assembly.GetName().Name.ShouldBe("BepBot");
}
