using System.Text.Json.Nodes;
using BepBot.Chat;
using BepBot.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;

namespace BepBot.Tests.Bot;

/// <summary>Every command and card verb of the routing table, tried by every role it is not for.</summary>
public sealed class RoleRefusalTests : BotConversationTest
{
    public static TheoryData<string> People { get; } = [nameof(TeamsUser.Alex), nameof(TeamsUser.Megan), nameof(TeamsUser.Patti), nameof(TeamsUser.Stranger)];

    public static TheoryData<string> NotStaff { get; } = [nameof(TeamsUser.Megan), nameof(TeamsUser.Patti), nameof(TeamsUser.Stranger)];

    private CommandTable Table => Bot.Services.GetRequiredService<CommandTable>();

    [Fact]
    public async Task Officer_VotesAndBallotCard_ToldTheyAreForBourgmestres()
    {
        var command = await Client.SayAsync(TeamsUser.Patti, "votes");
        var card = await Client.InvokeAsync(TeamsUser.Patti, "votes.show", new JsonObject { ["ballotId"] = "b1" });

        foreach (var refusal in new[] { command.AllText, card.AllText })
        {
            refusal.ShouldContain("réservée aux bourgmestres et au personnel du BEP");
            refusal.ShouldNotContain("annuaire");
        }
    }

    [Theory]
    [MemberData(nameof(People))]
    public async Task EveryRefusal_NamesWhomItIsFor_AndSendsOnlyGuestsToTheRoster(string person)
    {
        var (user, role) = PersonNamed(person);
        var refused = 0;
        foreach (var command in Table.Commands.Where(command => !command.AllowedRoles.Contains(role)))
        {
            ShouldNameWhomItIsFor((await Client.SayAsync(user, command.Phrases[0])).AllText, command.AllowedRoles, role, command.Id);
            refused++;
        }

        foreach (var verb in Table.Verbs.Where(verb => !Table.FindVerb(verb)!.AllowedRoles.Contains(role)))
        {
            ShouldNameWhomItIsFor((await Client.InvokeAsync(user, verb, new JsonObject { ["id"] = "x" })).AllText, Table.FindVerb(verb)!.AllowedRoles, role, verb);
            refused++;
        }

        refused.ShouldBeGreaterThan(0);
    }

    /// <summary>A staff card click replayed by anyone else, with the data of a real click: refused, and the store untouched.</summary>
    [Theory]
    [MemberData(nameof(NotStaff))]
    public async Task ReplayedStaffVerbs_RefusedAndNothingWritten(string person)
    {
        var (user, _) = PersonNamed(person);
        await Client.SayAsync(user, "aide");
        var before = await StoreSnapshot.TakeAsync(Bot.Store);
        var data = new JsonObject
        {
            ["ballotId"] = "b1", ["labId"] = "l1", ["sessionId"] = "s1", ["projectId"] = "p1", ["draftId"] = "d1", ["broadcastId"] = "d1",
            ["aadObjectId"] = TeamsUser.Megan.AadObjectId, ["confirm"] = true,
        };
        var staffVerbs = Table.Verbs.Where(verb => Table.FindVerb(verb)!.AllowedRoles.SetEquals(Roles.Staff)).ToList();

        foreach (var verb in staffVerbs)
        {
            var response = await Client.InvokeAsync(user, verb, data);

            response.AllText.ShouldContain("réservée au personnel du BEP", customMessage: verb);
        }

        staffVerbs.Count.ShouldBeGreaterThan(40);
        (await StoreSnapshot.TakeAsync(Bot.Store)).ShouldBe(before);
    }

    private static void ShouldNameWhomItIsFor(string refusal, IReadOnlySet<Role> allowed, Role role, string what)
    {
        if (role == Role.Guest && allowed.IsSupersetOf(Roles.Members))
        {
            refusal.ShouldContain("réservée aux membres inscrits dans l'annuaire du BEP", customMessage: what);
            return;
        }

        refusal.ShouldNotContain("annuaire", customMessage: what);
        if (allowed.Contains(Role.BepStaff))
        {
            refusal.ShouldContain("personnel du BEP", customMessage: what);
        }

        if (allowed.Contains(Role.Bourgmestre))
        {
            refusal.ShouldContain("bourgmestres", customMessage: what);
        }
    }

    private static (TeamsUser User, Role Role) PersonNamed(string name) => name switch
    {
        nameof(TeamsUser.Alex) => (TeamsUser.Alex, Role.BepStaff),
        nameof(TeamsUser.Megan) => (TeamsUser.Megan, Role.Bourgmestre),
        nameof(TeamsUser.Patti) => (TeamsUser.Patti, Role.Officer),
        _ => (TeamsUser.Stranger, Role.Guest),
    };
}
