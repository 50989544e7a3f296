namespace BepBot.Tests.Harness;

/// <summary>Waits for what the bot does after its answer (a card replaced, a broadcast sent), failing with a description when it does not come.</summary>
public static class Eventually
{
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, Func<string> describe)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new ShouldAssertException("Timed out: " + describe());
            }

            await Task.Delay(50);
        }
    }
}
