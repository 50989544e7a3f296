using BepBot.Features.Roster;
using BepBot.Infrastructure.Storage;
using BepBot.Tests.Harness;

namespace BepBot.Tests.Bot;

public sealed class RosterSeedTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("bepbot-roster-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task SeedCsvPath_ValidFile_ImportedAtStartAndRolesApply()
    {
        var csv = Path.Combine(_folder, "annuaire.csv");
        await File.WriteAllTextAsync(csv, "aadObjectId;name;email;role;commune\r\n3f2504e0-4f89-11d3-9a0c-0305e82c3301;Anne Dupont;anne.dupont@gesves.be;bourgmestre;gesves\r\n00000000-0000-0000-0000-0000000000020;Alex Wilber;alex@bep.be;bep-staff;\r\n");
        await using var bot = new BotApplication(settings: new Dictionary<string, string?> { ["Roster:SeedDemo"] = "false", ["Roster:SeedCsvPath"] = csv });
        using var teams = bot.CreateTeamsClient();

        var anne = await teams.SayAsync(new TeamsUser("29:anne", "Anne Dupont", "3f2504e0-4f89-11d3-9a0c-0305e82c3301"), "qui suis-je");
        var megan = await teams.SayAsync(TeamsUser.Megan, "qui suis-je");

        anne.Texts.Single().ShouldContain("bourgmestre de Gesves");
        megan.Texts.Single().ShouldContain("vous êtes en accès invité");
        var roster = (await bot.Store.GetAsync<RosterDocument>(RosterDirectory.Key))!.Value;
        roster.IsDemo.ShouldBeFalse();
        roster.UpdatedBy.ShouldBe("configuration");
        roster.Members.Count.ShouldBe(2);
    }

    [Fact]
    public async Task SeedCsvPath_InvalidRow_BotRefusesToStartAndImportsNothing()
    {
        var csv = Path.Combine(_folder, "annuaire.csv");
        await File.WriteAllTextAsync(csv, "aadObjectId,name,email,role,commune\n3f2504e0-4f89-11d3-9a0c-0305e82c3301,Anne Dupont,anne@gesves.be,bourgmestre,Atlantis\n");
        var bot = new BotApplication(settings: new Dictionary<string, string?> { ["Roster:SeedDemo"] = "false", ["Roster:SeedCsvPath"] = csv });

        var error = Should.Throw<InvalidOperationException>(() => bot.CreateClient());

        error.Message.ShouldContain("1 invalid row(s); nothing was imported");
        (await new BlobDocumentStore(new Azure.Storage.Blobs.BlobContainerClient(Azurite.ConnectionString, bot.Container)).GetAsync(RosterDirectory.Key)).ShouldBeNull();
        await bot.DisposeAsync();
    }
}
