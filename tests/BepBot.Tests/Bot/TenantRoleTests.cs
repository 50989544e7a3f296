using System.Net;
using System.Text.Json.Nodes;
using BepBot.Chat;
using BepBot.Features.Roster;
using BepBot.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace BepBot.Tests.Bot;

/// <summary>
/// A role belongs to a person in a tenant. Bot:AllowedTenants is left empty (any tenant may talk), as in the review
/// that found a message from another tenant carrying staff's object id answered with the staff directory.
/// </summary>
public sealed class TenantRoleTests : IAsyncLifetime
{
    private const string OtherTenant = "99999999-9999-9999-9999-999999999999";

    private readonly BotApplication _bot = new BotApplication().WithServices(services => services.AddFakeLogging());
    private TeamsClient _home = null!;
    private TeamsClient _attacker = null!;

    public async Task InitializeAsync()
    {
        _home = _bot.CreateTeamsClient();
        _attacker = _bot.CreateTeamsClient();
        _attacker.TenantId = OtherTenant;
        // Alex (staff) has talked to the bot: his conversation reference and state exist, for the attacker to aim at.
        await _home.InstallAsync(TeamsUser.Alex);
        await _home.SayAsync(TeamsUser.Alex, "aide");
    }

    public async Task DisposeAsync()
    {
        _home.Dispose();
        _attacker.Dispose();
        await _bot.DisposeAsync();
    }

    [Fact]
    public async Task StaffObjectIdFromAnotherTenant_StaffCommand_GuestAnswerAndNothingWritten()
    {
        var before = await StoreSnapshot.TakeAsync(_bot.Store);

        var directory = await _attacker.SayAsync(TeamsUser.Alex, "annuaire");
        var whoAmI = await _attacker.SayAsync(TeamsUser.Alex, "qui suis-je");

        directory.Status.ShouldBe(HttpStatusCode.OK);
        directory.AllText.ShouldBe(Fr("Cette commande est réservée au personnel du BEP. Tapez « aide » pour voir ce que vous pouvez faire."));
        directory.AllText.ShouldNotContain("Megan Bowen");
        whoAmI.AllText.ShouldContain(Fr("vous n'êtes pas dans l'annuaire du BEP : vous êtes en accès invité"));
        (await StoreSnapshot.TakeAsync(_bot.Store)).ShouldBe(before);
        _bot.Services.GetFakeLogCollector().GetSnapshot().ShouldContain(record =>
            record.Level == LogLevel.Warning && record.Message.Contains($"from tenant {OtherTenant} carries the object id of a roster entry of another tenant", StringComparison.Ordinal));
    }

    [Fact]
    public async Task StaffObjectIdFromAnotherTenant_StaffCardVerb_RefusedAndNothingWritten()
    {
        var before = await StoreSnapshot.TakeAsync(_bot.Store);

        var remove = await _attacker.InvokeAsync(TeamsUser.Alex, "roster.remove", new JsonObject { ["aadObjectId"] = TeamsUser.Megan.AadObjectId });
        var add = await _attacker.InvokeAsync(TeamsUser.Alex, "roster.add", new JsonObject());

        remove.AllText.ShouldContain("réservée au personnel du BEP");
        add.AllText.ShouldContain("réservée au personnel du BEP");
        (await StoreSnapshot.TakeAsync(_bot.Store)).ShouldBe(before);
        (await _home.SayAsync(TeamsUser.Megan, "qui suis-je")).AllText.ShouldContain("bourgmestre de Namur");
    }

    [Fact]
    public async Task StaffObjectIdFromAnotherTenant_InTheStaffMembersConversation_NeitherContinuesHisFlowNorTakesHisPlace()
    {
        (await _home.SayAsync(TeamsUser.Alex, "ajouter un membre")).AllText.ShouldContain("Étape 1 sur");
        var before = await StoreSnapshot.TakeAsync(_bot.Store);

        var answer = await _attacker.SayAsync(TeamsUser.Alex, "Anne Dupont");
        var install = await _attacker.InstallAsync(TeamsUser.Alex);
        var uninstall = await _attacker.UninstallAsync(TeamsUser.Alex);

        answer.AllText.ShouldNotContain("Étape 2 sur");
        install.Status.ShouldBe(HttpStatusCode.OK);
        uninstall.Status.ShouldBe(HttpStatusCode.OK);
        (await StoreSnapshot.TakeAsync(_bot.Store)).ShouldBe(before);
        var saved = await _bot.Services.GetRequiredService<ConversationDirectory>().FindPersonalAsync(TeamsUser.Alex.AadObjectId);
        saved!.TenantId.ShouldBe(TeamsClient.Tenant);
        (await _home.SayAsync(TeamsUser.Alex, "Anne Dupont")).AllText.ShouldContain("Étape 2 sur");
    }

    [Fact]
    public async Task EntryWithItsOwnTenant_HasItsRoleThereAndOnlyThere()
    {
        var communeTenant = "3c9a7e51-2b4d-4f60-8a1e-5d7c9b0f2a64";
        var anne = new TeamsUser("29:anne", "Anne Dupont", "3f2504e0-4f89-11d3-9a0c-0305e82c3301");
        await _bot.Services.GetRequiredService<RosterDirectory>().ChangeAsync(
            roster => [.. roster.Members, new Member(anne.AadObjectId, anne.Name, "anne.dupont@gesves.be", Role.Bourgmestre, "Gesves", communeTenant)],
            "test");
        using var commune = _bot.CreateTeamsClient();
        commune.TenantId = communeTenant;

        (await commune.SayAsync(anne, "qui suis-je")).AllText.ShouldContain("bourgmestre de Gesves");
        (await _home.SayAsync(anne, "qui suis-je")).AllText.ShouldContain("vous êtes en accès invité");
        (await commune.SayAsync(TeamsUser.Megan, "qui suis-je")).AllText.ShouldContain("vous êtes en accès invité");
    }

    [Fact]
    public async Task NoDefaultTenant_EntriesWithoutATenantMatchNoOne_AndTheStartSaysSo()
    {
        await using var bot = new BotApplication(settings: new Dictionary<string, string?> { ["Roster:DefaultTenantId"] = null }).WithServices(services => services.AddFakeLogging());
        using var teams = bot.CreateTeamsClient();

        var megan = await teams.SayAsync(TeamsUser.Megan, "qui suis-je");
        var alex = await teams.SayAsync(TeamsUser.Alex, "annuaire");

        megan.AllText.ShouldContain("vous êtes en accès invité");
        alex.AllText.ShouldContain("réservée au personnel du BEP");
        bot.Services.GetFakeLogCollector().GetSnapshot().ShouldContain(record =>
            record.Level == LogLevel.Warning && record.Message.StartsWith("Roster:DefaultTenantId is not set", StringComparison.Ordinal));
    }
}
