using BepBot.Chat;
using BepBot.Features.Roster;
using BepBot.Infrastructure.Storage;
using BepBot.Tests.Harness;
using BepBot.Tests.Votes;
using Microsoft.Extensions.DependencyInjection;

namespace BepBot.Tests.Bot;

/// <summary>
/// What a turn costs the store: the roster read reused for a few seconds, conversation state written only when it
/// changed, and a vote click that leaves conversation state alone (without losing a flow in progress).
/// </summary>
public sealed class TurnStoreTrafficTests
{
    private static readonly Member MeganAsOfficer = new(TeamsUser.Megan.AadObjectId, "Megan Bowen", "megan.bowen@bepbot-demo.example", Role.Officer, "Ciney");

    [Fact]
    public async Task RosterCache_ChangeWrittenByAnotherInstance_SeenOnlyAfterTheCacheDuration()
    {
        await using var bot = new BotApplication(settings: new Dictionary<string, string?> { ["Roster:CacheDuration"] = "01:00:00" });
        using var teams = bot.CreateTeamsClient();
        (await teams.SayAsync(TeamsUser.Megan, "qui suis-je")).AllText.ShouldContain("bourgmestre de Namur");

        // Another instance changes the roster in the store: this one keeps its read until the cache expires.
        await MakeMeganAnOfficerInTheStoreAsync(bot);

        (await teams.SayAsync(TeamsUser.Megan, "qui suis-je")).AllText.ShouldContain("bourgmestre de Namur");
    }

    [Fact]
    public async Task RosterCache_ChangeMadeThroughThisInstance_SeenAtOnce()
    {
        await using var bot = new BotApplication(settings: new Dictionary<string, string?> { ["Roster:CacheDuration"] = "01:00:00" });
        using var teams = bot.CreateTeamsClient();
        (await teams.SayAsync(TeamsUser.Megan, "qui suis-je")).AllText.ShouldContain("bourgmestre de Namur");

        await bot.Services.GetRequiredService<RosterDirectory>().ChangeAsync(MeganAsAnOfficer, "test");

        (await teams.SayAsync(TeamsUser.Megan, "qui suis-je")).AllText.ShouldContain("membre du personnel communal à Ciney");
    }

    [Fact]
    public async Task RosterCache_Zero_ReadsTheStoreOnEveryTurn()
    {
        await using var bot = new BotApplication(settings: new Dictionary<string, string?> { ["Roster:CacheDuration"] = "00:00:00" });
        using var teams = bot.CreateTeamsClient();
        (await teams.SayAsync(TeamsUser.Megan, "qui suis-je")).AllText.ShouldContain("bourgmestre de Namur");

        await MakeMeganAnOfficerInTheStoreAsync(bot);

        (await teams.SayAsync(TeamsUser.Megan, "qui suis-je")).AllText.ShouldContain("membre du personnel communal à Ciney");
    }

    [Fact]
    public async Task ConversationState_UnchangedByATurn_IsNotWrittenAgain()
    {
        await using var bot = new BotApplication();
        using var teams = bot.CreateTeamsClient();
        await teams.SayAsync(TeamsUser.Megan, "aide");
        var before = await StateOfAsync(bot);

        await teams.SayAsync(TeamsUser.Megan, "aide");
        await teams.SayAsync(TeamsUser.Megan, "qui suis-je");

        (await StateOfAsync(bot)).ShouldBe(before);
    }

    [Fact]
    public async Task VoteClick_DuringAFlow_LeavesConversationStateAndTheFlowAlone()
    {
        await using var bot = new BotApplication();
        using var teams = bot.CreateTeamsClient();
        var ballot = await VoteSteps.OpenAsync(bot, VoteSteps.Motion());
        (await teams.SayAsync(TeamsUser.Alex, "nouveau vote")).AllText.ShouldContain(Fr("Quelle question posez-vous aux bourgmestres ?"));
        var during = await StateOfAsync(bot);

        // Alex is staff, not a bourgmestre: the click is refused, and must not touch the flow he is in.
        var click = await VoteSteps.VoteAsync(teams, TeamsUser.Alex, ballot.Id, "Namur", "pour");
        var vote = await VoteSteps.VoteAsync(teams, TeamsUser.Megan, ballot.Id, "Namur", "pour");

        click.AllText.ShouldContain("Vous ne pouvez pas voter pour cette commune");
        CardReader.AllText(vote.UpdatedCard!).ShouldContain(Fr("Vous avez voté : Pour"));
        (await StateOfAsync(bot)).ShouldBe(during);
        (await teams.SayAsync(TeamsUser.Alex, "Approuvez-vous le budget 2027 ?")).AllText.ShouldContain(Fr("Un texte explicatif pour les bourgmestres ?"));
    }

    private static List<Member> MeganAsAnOfficer(RosterDocument roster) =>
        [.. roster.Members.Select(member => member.AadObjectId == MeganAsOfficer.AadObjectId ? MeganAsOfficer : member)];

    /// <summary>The roster changed in the store directly, as another instance would.</summary>
    private static async Task MakeMeganAnOfficerInTheStoreAsync(BotApplication bot)
    {
        var roster = (await bot.Store.GetAsync<RosterDocument>(RosterDirectory.Key))!.Value;
        await bot.Store.UpsertAsync(RosterDirectory.Key, roster with { Members = MeganAsAnOfficer(roster) });
    }

    /// <summary>Every conversation-state document with its ETag: equal lists mean nothing was written.</summary>
    private static async Task<List<string>> StateOfAsync(BotApplication bot)
    {
        var state = new List<string>();
        foreach (var key in await bot.KeysAsync("botstate/"))
        {
            state.Add(key + " " + (await bot.Store.GetAsync(key))!.ETag);
        }

        return state;
    }
}
