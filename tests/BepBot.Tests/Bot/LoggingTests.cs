using System.Text.Json.Nodes;
using BepBot.Features.Roster;
using BepBot.Infrastructure.Telemetry;
using BepBot.Tests.Harness;
using BepBot.Tests.Votes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BepBot.Tests.Bot;

/// <summary>Outside Development (the tests' environment too), logs carry no names or e-mail addresses, and ids only as pseudonyms of fixed length.</summary>
public sealed class LoggingTests
{
    [Fact]
    public async Task Turn_Logs_CarryActivityConversationAndUserAsPseudonymsNeverTheName()
    {
        var sink = new LogSink();
        await using var bot = new BotApplication().WithServices(services => services.AddSingleton<ILoggerProvider>(sink));
        using var teams = bot.CreateTeamsClient();

        await teams.SayAsync(TeamsUser.Patti, "blabla", activityId: "activity-42");
        await teams.SayAsync(TeamsUser.Patti, "blabla encore", activityId: "activity-43");

        var lines = sink.Entries.Where(entry => entry.Message.Contains("No command matched", StringComparison.Ordinal)).ToList();
        lines.Count.ShouldBe(2);
        var (first, second) = (lines[0].Scope, lines[1].Scope);
        first["UserId"].ShouldBe(second["UserId"], "one person's turns can be followed");
        first["ConversationId"].ShouldBe(second["ConversationId"]);
        first["ActivityId"].ShouldNotBe(second["ActivityId"]);
        first["UserId"]!.ToString()!.ShouldNotContain(TeamsUser.Patti.AadObjectId);
        first["ConversationId"]!.ToString()!.ShouldNotContain(TeamsUser.Patti.AadObjectId);
        first["ActivityId"]!.ToString()!.ShouldNotContain("activity-42");
        sink.AllText().ShouldNotContain("Patti");
    }

    [Fact]
    public async Task Logs_OfStaffBourgmestresAndForgedRequests_HoldNoNameNoEmailNoRawIdAndNoLongId()
    {
        var sink = new LogSink();
        await using var connector = await FakeTeamsConnector.StartAsync();
        await using var bot = new BotApplication(settings: new Dictionary<string, string?> { ["Votes:CloseSettle"] = "00:00:00" })
            .WithServices(services => services.AddSingleton<ILoggerProvider>(sink));
        using var teams = bot.CreateTeamsClient(connector.ServiceUrl);
        var longConversation = "a:" + new string('x', 5000);

        await teams.InstallAsync(TeamsUser.Megan);
        await teams.SayAsync(TeamsUser.Patti, "blabla");
        await teams.SayAsync(TeamsUser.Patti, "nouveau vote");
        await teams.InvokeAsync(TeamsUser.Alex, new string('v', 5000), new JsonObject());
        await teams.PostAsync(teams.Activity(TeamsUser.Megan, "message", ConversationType.Personal, new string('i', 3000), activity =>
        {
            activity["text"] = "aide";
            activity["conversation"]!["id"] = longConversation;
        }));
        var forgedTenant = new string('t', 3000);
        await teams.PostAsync(teams.Activity(TeamsUser.Alex, "message", ConversationType.Personal, null, activity =>
        {
            activity["text"] = "annuaire";
            activity["conversation"]!["tenantId"] = forgedTenant;
            activity["channelData"]!["tenant"]!["id"] = forgedTenant;
        }));
        var ballot = await VoteSteps.OpenAsync(bot, VoteSteps.Motion());
        await VoteSteps.VoteAsync(teams, TeamsUser.Megan, ballot.Id, "Namur", "pour");
        await teams.InvokeAsync(TeamsUser.Alex, "votes.close", new JsonObject { ["ballotId"] = ballot.Id });

        var text = sink.AllText();
        sink.Entries.Count.ShouldBeGreaterThan(10);
        text.ShouldContain($"Ballot {ballot.Id} closed");
        foreach (var member in DemoRoster.Members)
        {
            text.ShouldNotContain(member.Name);
            text.ShouldNotContain(member.Email, Case.Insensitive);
            text.ShouldNotContain(member.AadObjectId, Case.Insensitive);
        }

        text.ShouldNotContain(new string('x', 100));
        text.ShouldNotContain(new string('i', 100));
        text.ShouldNotContain(new string('v', 100));
        text.ShouldNotContain(new string('t', 100));
        text.ShouldContain("(not a tenant id, 3000 characters)");
        var pseudonyms = sink.Entries.SelectMany(entry => entry.Scope.Where(pair => pair.Key is "UserId" or "ConversationId" or "ActivityId"))
            .Select(pair => pair.Value?.ToString()).OfType<string>().ToList();
        pseudonyms.ShouldNotBeEmpty();
        pseudonyms.Select(pseudonym => pseudonym.Length).Distinct().ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Pseudonyms_WithTheConfiguredKey_AreTheSameOnEveryInstance_AnUnresolvedKeyIsReplacedAndSaid()
    {
        var key = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48));
        var unresolved = "@Microsoft.KeyVault(VaultName=kv-bepbot;SecretName=LogHashKey)";
        var sink = new LogSink();
        await using var first = new BotApplication(settings: new Dictionary<string, string?> { ["Telemetry:LogHashKey"] = key });
        await using var second = new BotApplication(settings: new Dictionary<string, string?> { ["Telemetry:LogHashKey"] = key });
        await using var withoutKey = new BotApplication(settings: new Dictionary<string, string?> { ["Telemetry:LogHashKey"] = unresolved })
            .WithServices(services => services.AddSingleton<ILoggerProvider>(sink));

        var megan = TeamsUser.Megan.AadObjectId;
        var pseudonym = first.Services.GetRequiredService<LogPseudonyms>().Of(megan);
        second.Services.GetRequiredService<LogPseudonyms>().Of(megan).ShouldBe(pseudonym);
        withoutKey.Services.GetRequiredService<LogPseudonyms>().Of(megan).ShouldNotBe(pseudonym);
        using var teams = withoutKey.CreateTeamsClient();
        (await teams.SayAsync(TeamsUser.Megan, "aide")).Status.ShouldBe(System.Net.HttpStatusCode.OK);
        sink.Entries.ShouldContain(entry => entry.Message.StartsWith("Telemetry:LogHashKey is not set", StringComparison.Ordinal));
    }
}
