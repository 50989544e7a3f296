using BepBot.Chat;
using BepBot.Features.Roster;
using BepBot.Infrastructure.Storage;
using BepBot.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace BepBot.Tests.Roster;

/// <summary>
/// Staff register people by e-mail; at their first contact the bot asks Teams who they are (the fake connector answers
/// the conversation-member call) and binds the matching entry to their object id and tenant.
/// </summary>
public sealed class RosterBindingTests : IAsyncLifetime
{
    private const string CommuneTenant = "3c9a7e51-2b4d-4f60-8a1e-5d7c9b0f2a64";
    private const string OtherTenant = "99999999-9999-9999-9999-999999999999";
    private const string AnneObjectId = "3f2504e0-4f89-11d3-9a0c-0305e82c3301";

    private static readonly TeamsUser Anne = new("29:1anne-gesves", "Anne Dupont", AnneObjectId);

    private readonly BotApplication _bot = new BotApplication().WithServices(services => services.AddFakeLogging());
    private FakeTeamsConnector _connector = null!;
    private TeamsClient _commune = null!;
    private TeamsClient _bep = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeTeamsConnector.StartAsync();
        _commune = _bot.CreateTeamsClient(_connector.ServiceUrl);
        _commune.TenantId = CommuneTenant;
        _bep = _bot.CreateTeamsClient(_connector.ServiceUrl);
        _connector.Members[Anne.Id] = new TeamsMember(Anne.Id, Anne.Name, AnneObjectId, "Anne.Dupont@Gesves.be", "adupont@gesves.onmicrosoft.com", CommuneTenant);
    }

    public async Task DisposeAsync()
    {
        _commune.Dispose();
        _bep.Dispose();
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task PendingEntry_FirstMessage_BoundToObjectIdAndTenant_AnsweredWithRole_AndNotLookedUpAgain()
    {
        await WithEntriesAsync(Pending("anne.dupont@gesves.be", Role.Bourgmestre, "Gesves"));

        var first = await _commune.SayAsync(Anne, "qui suis-je");
        var second = await _commune.SayAsync(Anne, "qui suis-je");

        first.AllText.ShouldContain("vous êtes bourgmestre de Gesves");
        second.AllText.ShouldContain("vous êtes bourgmestre de Gesves");
        _connector.MemberLookups.Count.ShouldBe(1);
        _connector.MemberLookups[0].Path.ShouldEndWith("/members/" + Anne.Id);
        var anne = (await RosterAsync()).Members.Single(member => member.Email == "anne.dupont@gesves.be");
        anne.AadObjectId.ShouldBe(AnneObjectId);
        anne.TenantId.ShouldBe(CommuneTenant);
        var logs = _bot.Services.GetFakeLogCollector().GetSnapshot();
        logs.ShouldContain(record => record.Message.StartsWith("Roster entry registered by e-mail bound to", StringComparison.Ordinal));
        logs.ShouldNotContain(record => record.Message.Contains("gesves.be", StringComparison.OrdinalIgnoreCase) || record.Message.Contains(AnneObjectId, StringComparison.OrdinalIgnoreCase));
        // The role belongs to that object id in that tenant only.
        (await _bep.SayAsync(Anne, "qui suis-je")).AllText.ShouldContain("vous êtes en accès invité");
    }

    [Fact]
    public async Task PendingEntry_Install_BoundAndGreetedWithTheRole()
    {
        await WithEntriesAsync(Pending("anne.dupont@gesves.be", Role.Bourgmestre, "Gesves"));

        var greeting = await _commune.InstallAsync(Anne);

        greeting.AllText.ShouldContain("Voter pour votre commune depuis une carte");
        (await RosterAsync()).Members.ShouldContain(member => member.AadObjectId == AnneObjectId && member.TenantId == CommuneTenant);
    }

    [Fact]
    public async Task PendingEntry_CardClick_BoundAndAnsweredWithTheRole()
    {
        await WithEntriesAsync(Pending("anne.dupont@gesves.be", Role.BepStaff, null));

        var click = await _commune.InvokeAsync(Anne, "roster.add", new System.Text.Json.Nodes.JsonObject());

        click.AllText.ShouldNotContain("réservée au personnel du BEP");
        (await RosterAsync()).Members.ShouldContain(member => member.AadObjectId == AnneObjectId && member.TenantId == CommuneTenant);
    }

    [Fact]
    public async Task EntryMatchingTheUserPrincipalName_InAnotherCase_IsBound()
    {
        await WithEntriesAsync(Pending("ADupont@Gesves.OnMicrosoft.com", Role.Officer, "Gesves"));

        var answer = await _commune.SayAsync(Anne, "qui suis-je");

        answer.AllText.ShouldContain("vous êtes membre du personnel communal à Gesves");
        (await RosterAsync()).Members.ShouldContain(member => member.AadObjectId == AnneObjectId && member.TenantId == CommuneTenant);
    }

    [Fact]
    public async Task TwoEntriesMatch_NoBinding_AndStaffSeeTheConflictInTheRoster()
    {
        await WithEntriesAsync(Pending("anne.dupont@gesves.be", Role.Bourgmestre, "Gesves"), Pending("adupont@gesves.onmicrosoft.com", Role.Officer, "Gesves"));

        var answer = await _commune.SayAsync(Anne, "qui suis-je");

        answer.AllText.ShouldContain("vous êtes en accès invité");
        (await RosterAsync()).Members.Where(member => member.Email.Contains("gesves", StringComparison.Ordinal)).ShouldAllBe(member => member.IsPending);
        var roster = await _bep.SayAsync(TeamsUser.Alex, "annuaire");
        roster.AllText.ShouldContain("Anne Dupont a ouvert BepBot le");
        roster.AllText.ShouldContain(Fr("plusieurs lignes de l'annuaire correspondent à son adresse (adupont@gesves.onmicrosoft.com, anne.dupont@gesves.be) : aucune n'a été liée"));
    }

    [Fact]
    public async Task EmailAlreadyBoundToAnotherObjectId_NoBinding_AndStaffSeeTheConflict()
    {
        var someoneElse = new Member("7d3c1b2a-0000-4000-8000-000000000001", "Anne Dupont", "anne.dupont@gesves.be", Role.Bourgmestre, "Gesves", CommuneTenant);
        await WithEntriesAsync(someoneElse, Pending("lynne@ciney.be", Role.Officer, "Ciney"));

        var answer = await _commune.SayAsync(Anne, "qui suis-je");

        answer.AllText.ShouldContain("vous êtes en accès invité");
        (await RosterAsync()).Members.ShouldContain(someoneElse);
        (await _bep.SayAsync(TeamsUser.Alex, "annuaire")).AllText.ShouldContain("avec l'adresse anne.dupont@gesves.be, qui est déjà liée à une autre personne dans l'annuaire");
    }

    [Fact]
    public async Task TwoAccountsWithTheAddressAtOnce_OnlyOneIsBound()
    {
        var twin = new TeamsUser("29:1anne-twin", "Anne Dupont", "5a6b7c8d-1111-4222-8333-444455556666");
        _connector.Members[twin.Id] = new TeamsMember(twin.Id, twin.Name, twin.AadObjectId, "anne.dupont@gesves.be", "anne.twin@gesves.onmicrosoft.com", CommuneTenant);
        await WithEntriesAsync(Pending("anne.dupont@gesves.be", Role.Bourgmestre, "Gesves"));

        var answers = await Task.WhenAll(_commune.SayAsync(Anne, "qui suis-je"), _commune.SayAsync(twin, "qui suis-je"));

        answers.Count(answer => answer.AllText.Contains("vous êtes bourgmestre de Gesves", StringComparison.Ordinal)).ShouldBe(1);
        answers.Count(answer => answer.AllText.Contains("vous êtes en accès invité", StringComparison.Ordinal)).ShouldBe(1);
        var entry = (await RosterAsync()).Members.Single(member => member.Email == "anne.dupont@gesves.be");
        entry.AadObjectId.ShouldBeOneOf(AnneObjectId, twin.AadObjectId);
    }

    [Fact]
    public async Task EntryOfAnotherTenant_NoBindingAndNothingWritten()
    {
        await WithEntriesAsync(Pending("anne.dupont@gesves.be", Role.Bourgmestre, "Gesves") with { TenantId = OtherTenant });
        var before = await StoreSnapshot.TakeAsync(_bot.Store, "roster/");

        var answer = await _commune.SayAsync(Anne, "qui suis-je");

        answer.AllText.ShouldContain("vous êtes en accès invité");
        (await StoreSnapshot.TakeAsync(_bot.Store, "roster/")).ShouldBe(before);
        _bot.Services.GetFakeLogCollector().GetSnapshot().ShouldContain(record =>
            record.Level == LogLevel.Warning && record.Message.Contains("matches a roster entry of another tenant by e-mail", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(403)]
    [InlineData(404)]
    public async Task LookupRefused_GuestNothingWritten_AndTheNextTurnTriesAgain(int status)
    {
        await WithEntriesAsync(Pending("anne.dupont@gesves.be", Role.Bourgmestre, "Gesves"));
        var before = await StoreSnapshot.TakeAsync(_bot.Store, "roster/");
        _connector.MemberLookupStatus = status;

        var refused = await _commune.SayAsync(Anne, "qui suis-je");

        refused.AllText.ShouldContain("vous êtes en accès invité");
        (await StoreSnapshot.TakeAsync(_bot.Store, "roster/")).ShouldBe(before);
        _bot.Services.GetFakeLogCollector().GetSnapshot().ShouldContain(record =>
            record.Level == LogLevel.Warning && record.Message.Contains($"refused by Teams ({status})", StringComparison.Ordinal));

        _connector.MemberLookupStatus = null;
        (await _commune.SayAsync(Anne, "qui suis-je")).AllText.ShouldContain("vous êtes bourgmestre de Gesves");
        _connector.MemberLookups.Count.ShouldBe(2);
    }

    [Fact]
    public async Task LookupThrottled_GuestNothingWritten_AndNoLookupBeforeRetryAfter()
    {
        await WithEntriesAsync(Pending("anne.dupont@gesves.be", Role.Bourgmestre, "Gesves"));
        var before = await StoreSnapshot.TakeAsync(_bot.Store, "roster/");
        _connector.MemberLookupStatus = 429;
        _connector.RetryAfterSeconds = 120;

        var throttled = await _commune.SayAsync(Anne, "qui suis-je");
        var again = await _commune.SayAsync(Anne, "qui suis-je");

        throttled.AllText.ShouldContain("vous êtes en accès invité");
        again.AllText.ShouldContain("vous êtes en accès invité");
        (await StoreSnapshot.TakeAsync(_bot.Store, "roster/")).ShouldBe(before);
        _connector.MemberLookups.Count.ShouldBe(1);
    }

    [Fact]
    public async Task LookupTimesOut_GuestAndNothingWritten()
    {
        await WithEntriesAsync(Pending("anne.dupont@gesves.be", Role.Bourgmestre, "Gesves"));
        var before = await StoreSnapshot.TakeAsync(_bot.Store, "roster/");
        _connector.MemberLookupDelay = TimeSpan.FromSeconds(8);

        var answer = await _commune.SayAsync(Anne, "qui suis-je");

        answer.AllText.ShouldContain("vous êtes en accès invité");
        (await StoreSnapshot.TakeAsync(_bot.Store, "roster/")).ShouldBe(before);
        _bot.Services.GetFakeLogCollector().GetSnapshot().ShouldContain(record => record.Message.Contains("got no answer within 5 s", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GuestMatchingNoEntry_LookedUpOnce_ThenRemembered()
    {
        await WithEntriesAsync(Pending("lynne@ciney.be", Role.Officer, "Ciney"));

        (await _commune.SayAsync(Anne, "qui suis-je")).AllText.ShouldContain("vous êtes en accès invité");
        (await _commune.SayAsync(Anne, "qui suis-je")).AllText.ShouldContain("vous êtes en accès invité");

        _connector.MemberLookups.Count.ShouldBe(1);
    }

    [Fact]
    public async Task NoPendingEntry_NoLookup()
    {
        (await _commune.SayAsync(Anne, "qui suis-je")).AllText.ShouldContain("vous êtes en accès invité");

        _connector.MemberLookups.ShouldBeEmpty();
    }

    [Fact]
    public async Task SeedCsvWithEmailRows_Imported_ThenBoundAtFirstMessage()
    {
        var folder = Directory.CreateTempSubdirectory("bepbot-roster-").FullName;
        try
        {
            var csv = Path.Combine(folder, "annuaire.csv");
            await File.WriteAllTextAsync(csv, "email;name;role;commune\r\nanne.dupont@gesves.be;Anne Dupont;bourgmestre;gesves\r\nalex@bep.be;Alex Wilber;bep-staff;\r\n");
            await using var bot = new BotApplication(settings: new Dictionary<string, string?> { ["Roster:SeedDemo"] = "false", ["Roster:SeedCsvPath"] = csv });
            using var teams = bot.CreateTeamsClient(_connector.ServiceUrl);
            teams.TenantId = CommuneTenant;

            var imported = (await bot.Store.GetAsync<RosterDocument>(RosterDirectory.Key))!.Value;
            var answer = await teams.SayAsync(Anne, "qui suis-je");

            imported.Members.Select(member => member.AadObjectId).ShouldBe(["pending:anne.dupont@gesves.be", "pending:alex@bep.be"]);
            answer.AllText.ShouldContain("vous êtes bourgmestre de Gesves");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static Member Pending(string email, Role role, string? commune) => new(Member.PendingIdOf(email), "Anne Dupont", email, role, commune);

    private Task<RosterDocument> WithEntriesAsync(params Member[] entries) =>
        _bot.Services.GetRequiredService<RosterDirectory>().ChangeAsync(roster => [.. roster.Members, .. entries], "test");

    private async Task<RosterDocument> RosterAsync() => (await _bot.Store.GetAsync<RosterDocument>(RosterDirectory.Key))!.Value;
}
