using System.Text.Json.Nodes;
using BepBot.Chat;
using BepBot.Features.Roster;
using BepBot.Features.Votes;
using BepBot.Infrastructure.Storage;
using BepBot.Platform.Territory;
using BepBot.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;

namespace BepBot.Tests.Votes;

/// <summary>Helpers shared by the vote tests: ballots, a roster of 40 bourgmestres, clicks on ballot cards.</summary>
public static class VoteSteps
{
    public static readonly string[] AllCommunes = [.. BepBot.Platform.Territory.TerritoryMap.Communes.Select(commune => commune.Name)];

    /// <summary>A Pour / Contre / Abstention ballot on the 40 communes, open ballot, simple majority, no quorum, closed by hand.</summary>
    public static Ballot Motion(string question = "Approuvez-vous l'avis sur le schéma de développement territorial ?") =>
        new(
            BallotStore.NewId(),
            question,
            "Le projet d'avis a été discuté en séance.",
            ["https://www.bep.be/avis.pdf"],
            [new(Ballot.ForId, "Pour"), new(Ballot.AgainstId, "Contre"), new(Ballot.AbstentionId, "Abstention")],
            ChoiceMode.One,
            null,
            AllCommunes,
            null,
            null,
            Secret: false,
            QuorumKind.None,
            0,
            MajorityRule.Simple,
            AbstentionsCount: false,
            LiveResults: false,
            SessionId: null,
            AgendaItemId: null,
            BallotState.Scheduled,
            TeamsUser.Alex.AadObjectId,
            "Alex Wilber",
            DateTimeOffset.UtcNow);

    /// <summary>Creates and opens the ballot as the scheduler would, right now.</summary>
    public static async Task<Ballot> OpenAsync(BotApplication bot, Ballot ballot)
    {
        var lifecycle = bot.Services.GetRequiredService<BallotLifecycle>();
        await lifecycle.CreateAsync(ballot with { CreatedAt = bot.Clock.GetUtcNow() }, CancellationToken.None);
        return (await lifecycle.OpenAsync(ballot.Id, CancellationToken.None))!;
    }

    public static async Task<Ballot> GetAsync(BotApplication bot, string id) =>
        (await bot.Services.GetRequiredService<BallotStore>().GetAsync(id))!;

    public static JsonObject Cast(string ballotId, string commune, string choice) =>
        new() { ["ballotId"] = ballotId, ["commune"] = commune, ["choice"] = choice };

    public static Task<BotResponse> VoteAsync(TeamsClient teams, TeamsUser user, string ballotId, string commune, string choice, string? activityId = null) =>
        teams.InvokeAsync(user, "votes.cast", Cast(ballotId, commune, choice), activityId: activityId);

    /// <summary>One bourgmestre per commune (40), each with a personal conversation with the bot, plus Alex (staff).</summary>
    public static async Task<Dictionary<string, TeamsUser>> SeedBourgmestresAsync(IDocumentStore store, string serviceUrl)
    {
        var users = AllCommunes.Select((commune, index) => (commune, user: new TeamsUser($"29:bourgmestre-{index:00}", $"Bourgmestre de {commune}", $"{index + 1:00000000}-b000-4000-8000-000000000000"))).ToList();
        var members = users
            .Select(pair => new Member(pair.user.AadObjectId, pair.user.Name, $"bourgmestre{pair.user.Id[^2..]}@commune.example", Role.Bourgmestre, pair.commune))
            .Append(new Member(TeamsUser.Alex.AadObjectId, "Alex Wilber", "alex@bep.example", Role.BepStaff, null))
            .ToList();
        await store.UpsertAsync(RosterDirectory.Key, new RosterDocument(members, false, DateTimeOffset.UtcNow, "test"));
        var conversations = new ConversationDirectory(store);
        foreach (var (_, user) in users.Append((string.Empty, TeamsUser.Alex)))
        {
            await conversations.SaveAsync(new SavedConversation(TeamsClient.ConversationIdFor(user, ConversationType.Personal), ConversationKind.Personal, TeamsClient.Tenant, serviceUrl, "msteams", TeamsClient.BotId, "BepBot", user.Id, user.AadObjectId, null, "fr-BE", DateTimeOffset.UtcNow));
        }

        return users.ToDictionary(pair => pair.commune, pair => pair.user, StringComparer.Ordinal);
    }

    /// <summary>What a user received proactively (cards) in their personal chat.</summary>
    public static IReadOnlyList<ConnectorRequest> CardsTo(FakeTeamsConnector connector, TeamsUser user) =>
        [.. connector.Delivered.Where(request => request.ConversationId == TeamsClient.ConversationIdFor(user, ConversationType.Personal) && request.Activity["attachments"] is not null)];

    public static JsonObject CardOf(ConnectorRequest request) =>
        request.Activity["attachments"]![0]!["content"]!.AsObject();

    public static async Task<ConnectorRequest> WaitForCardAsync(FakeTeamsConnector connector, TeamsUser user, string containing, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(90));
        while (true)
        {
            var found = CardsTo(connector, user).FirstOrDefault(request => request.AllText.Contains(containing, StringComparison.Ordinal));
            if (found is not null)
            {
                return found;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new ShouldAssertException($"{user.Name} got no card containing « {containing} »; got: {string.Join(" | ", CardsTo(connector, user).Select(request => request.AllText[..Math.Min(80, request.AllText.Length)]))}");
            }

            await Task.Delay(50);
        }
    }

    public static async Task<List<AuditEntry>> SealedAuditAsync(BotApplication bot, string ballotId)
    {
        var audit = bot.Services.GetRequiredService<AuditLog>();
        await audit.SealAsync(ballotId, wait: true);
        return [.. await audit.EntriesAsync(ballotId)];
    }
}
