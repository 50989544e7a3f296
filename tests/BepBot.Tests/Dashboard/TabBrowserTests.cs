using System.Net;
using System.Text.Json.Nodes;
using BepBot.Features.Labs;
using BepBot.Tests.Harness;
using BepBot.Tests.Labs;
using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static BepBot.Tests.Votes.VoteSteps;
using static Microsoft.Playwright.Assertions;

namespace BepBot.Tests.Dashboard;

/// <summary>
/// The dashboard tab in Debian's chromium (<see cref="TabBrowser"/>: Playwright, a stand-in for the Teams host), served
/// by the bot on Kestrel at 127.0.0.1 and a port of its own, on Azurite: every page each role can open, axe-core's
/// serious and critical checks in Teams' three themes, the keyboard alone, and a vote cast in chat showing up live.
/// </summary>
public sealed class TabBrowserTests : ConnectedBotTest
{
    private static readonly string[] Themes = ["default", "dark", "contrast"];

    private TabBrowser _browser = null!;

    public TabBrowserTests()
        : base([TeamsUser.Alex, TeamsUser.Megan, TeamsUser.Adele, TeamsUser.Patti], settings: FakeEntraId.Shared.Settings)
    {
        Bot.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
    }

    private static FakeEntraId Entra => FakeEntraId.Shared;

    private Uri Address => new(Bot.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    public override async Task InitializeAsync()
    {
        Bot.StartServer();
        await base.InitializeAsync();
        _browser = await TabBrowser.LaunchAsync();
    }

    public override async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task EveryPageOfStaff_InEachTheme_HasNoSeriousOrCriticalAccessibilityViolation()
    {
        var ballot = await OpenAsync(Bot, Motion());
        var violations = new List<string>();
        foreach (var theme in Themes)
        {
            var page = await _browser.OpenAsync(Address, Entra.TokenFor(TeamsUser.Alex), theme);
            (await page.Locator("body").GetAttributeAsync("class")).ShouldBe($"theme-{theme}");
            var pages = await page.Locator("#menu a").EvaluateAllAsync<string[]>("links => links.map(link => link.getAttribute('href'))");
            pages.ShouldContain("#/votes");
            foreach (var hash in pages.Append("#/votes?ballot=" + ballot.Id))
            {
                await GoAsync(page, hash);
                (await page.Locator("[role=alert]").CountAsync()).ShouldBe(0, $"{hash} shows an error");
                violations.AddRange(await SeriousViolationsAsync(page, $"{theme} {hash}"));
            }

            await page.Context.CloseAsync();
        }

        violations.ShouldBeEmpty();
    }

    [Fact]
    public async Task BallotPage_AtMobileWidth_HasNoSeriousOrCriticalAccessibilityViolation()
    {
        var ballot = await OpenAsync(Bot, Motion());

        var page = await _browser.OpenAsync(Address, Entra.TokenFor(TeamsUser.Alex), hash: "#/votes?ballot=" + ballot.Id, width: 375);

        (await SeriousViolationsAsync(page, "mobile")).ShouldBeEmpty();
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(375);
    }

    [Theory]
    [InlineData("Megan", "bourgmestre de Namur")]
    [InlineData("Patti", "membre du personnel communal à Namur")]
    public async Task StaffPage_AsBourgmestreOrOfficer_IsNotInTheMenuAndExplainsTheRefusal(string name, string role)
    {
        var user = name == "Megan" ? TeamsUser.Megan : TeamsUser.Patti;

        var page = await _browser.OpenAsync(Address, Entra.TokenFor(user), hash: "#/votes");

        await Expect(page.Locator("#who")).ToContainTextAsync(role);
        (await page.Locator("#menu a[href='#/votes']").CountAsync()).ShouldBe(0);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Page non accessible");
        await Expect(page.Locator("[role=alert]")).ToHaveTextAsync(Fr("Votre rôle ne donne pas accès à cette page."));
        var violations = (await SeriousViolationsAsync(page, name)).ToList();
        foreach (var hash in await page.Locator("#menu a").EvaluateAllAsync<string[]>("links => links.map(link => link.getAttribute('href'))"))
        {
            await GoAsync(page, hash);
            (await page.Locator("[role=alert]").CountAsync()).ShouldBe(0, $"{hash} shows an error to {name}");
            violations.AddRange(await SeriousViolationsAsync(page, $"{name} {hash}"));
        }

        violations.ShouldBeEmpty();
    }

    [Fact]
    public async Task Tab_AsSomeoneOutsideTheRoster_ExplainsWhoTheDashboardIsFor()
    {
        var page = await _browser.OpenAsync(Address, Entra.TokenFor(TeamsUser.Stranger));

        await Expect(page.Locator("h1")).ToHaveTextAsync("Accès réservé");
        await Expect(page.Locator("main")).ToContainTextAsync("annuaire du BEP");
        (await page.Locator("#menu").IsHiddenAsync()).ShouldBeTrue();
        (await SeriousViolationsAsync(page, "guest")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Tab_WithAnExpiredToken_AsksToSignInAgain()
    {
        var page = await _browser.OpenAsync(Address, Entra.TokenFor(TeamsUser.Alex, expires: DateTime.UtcNow.AddMinutes(-10)));

        await Expect(page.Locator("[role=alert]")).ToHaveTextAsync(Fr("Votre session a expiré : reconnectez-vous en rouvrant l'onglet dans Teams."));
    }

    [Fact]
    public async Task KeyboardAlone_ReachesRelancerOnACommunesRowAndRemindsIt()
    {
        var ballot = await OpenAsync(Bot, Motion());
        await WaitForCardAsync(Connector, TeamsUser.Megan, ballot.Question);
        var page = await _browser.OpenAsync(Address, Entra.TokenFor(TeamsUser.Alex), hash: "#/votes?ballot=" + ballot.Id);

        var reached = false;
        for (var presses = 0; presses < 150 && !reached; presses++)
        {
            await page.Keyboard.PressAsync("Tab");
            reached = await page.EvaluateAsync<string?>("document.activeElement?.getAttribute('aria-label')") == "Relancer Namur";
        }

        reached.ShouldBeTrue("Tab never reached « Relancer Namur »");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator(".notice")).ToContainTextAsync(Fr("Rappel envoyé à 1 personne dont la commune n'a pas encore voté."));
        await Expect(page.Locator("#announce")).ToContainTextAsync(Fr("Rappel envoyé à 1 personne"));
        await WaitForCardAsync(Connector, TeamsUser.Megan, "Rappel");
    }

    [Fact]
    public async Task KeyboardAlone_TicksAttendanceWithTabAndSpace_SavedInTheStore()
    {
        var lab = await SeminarDayAsync();
        var page = await _browser.OpenAsync(Address, Entra.TokenFor(TeamsUser.Alex), hash: "#/labs?lab=" + lab.Id);

        var reached = false;
        for (var presses = 0; presses < 150 && !reached; presses++)
        {
            await page.Keyboard.PressAsync("Tab");
            reached = await page.EvaluateAsync<bool>("document.activeElement?.type === 'checkbox' && document.activeElement.closest('label').textContent.includes('Patti Fernandez')");
        }

        reached.ShouldBeTrue("Tab never reached Patti Fernandez's box");
        await page.Keyboard.PressAsync("Space");

        await AttendedAsync(lab.Id, TeamsUser.Patti);
        await Expect(page.Locator("#announce")).ToContainTextAsync(Fr("Présence notée : Patti Fernandez."));
    }

    [Fact]
    public async Task AtMobileWidth_ATapTicksAttendance_SavedInTheStore()
    {
        var lab = await SeminarDayAsync();
        var page = await _browser.OpenAsync(Address, Entra.TokenFor(TeamsUser.Alex), hash: "#/labs?lab=" + lab.Id, width: 390, touch: true);
        var patti = page.Locator("label.check", new PageLocatorOptions { HasText = "Patti Fernandez" });

        (await patti.BoundingBoxAsync())!.Height.ShouldBeGreaterThanOrEqualTo(44, "a touch target of 44 pixels at least");
        await patti.TapAsync();

        await AttendedAsync(lab.Id, TeamsUser.Patti);
        await Expect(patti.Locator("input")).ToBeCheckedAsync();
    }

    [Fact]
    public async Task VoteCastInChat_ShowsOnTheOpenBallotPageWithinFiveSeconds()
    {
        var ballot = await OpenAsync(Bot, Motion());
        var page = await _browser.OpenAsync(Address, Entra.TokenFor(TeamsUser.Alex), hash: "#/votes?ballot=" + ballot.Id);
        var namur = page.Locator("tr[data-row='Namur']");
        await Expect(namur).ToContainTextAsync("pas encore voté");

        (await VoteAsync(Teams, TeamsUser.Megan, ballot.Id, "Namur", "pour")).UpdatedCard.ShouldNotBeNull();

        await Expect(namur).ToContainTextAsync("✓ a voté", new LocatorAssertionsToContainTextOptions { Timeout = 5_000 });
    }

    [Fact]
    public async Task Tab_InEnglish_SpeaksEnglish()
    {
        var ballot = await OpenAsync(Bot, Motion());

        var page = await _browser.OpenAsync(Address, Entra.TokenFor(TeamsUser.Alex), locale: "en-US", hash: "#/votes?ballot=" + ballot.Id);

        (await page.Locator("html").GetAttributeAsync("lang")).ShouldBe("en");
        await Expect(page.Locator("tr[data-row='Namur'] button")).ToHaveAttributeAsync("aria-label", "Remind Namur");
    }

    // A seminar Patti Fernandez has a seat at, on its day: its attendance list is open.
    private async Task<Lab> SeminarDayAsync()
    {
        var lab = await LabFixtures.CreateAsync(Bot, LabFixtures.NewLab(capacity: 3));
        (await Teams.InvokeAsync(TeamsUser.Patti, "labs.register", new JsonObject { ["labId"] = lab.Id })).UpdatedCard.ShouldNotBeNull();
        Bot.Clock.Offset = TimeSpan.FromDays(10) + TimeSpan.FromMinutes(30);
        return lab;
    }

    private Task AttendedAsync(string labId, TeamsUser person) =>
        Eventually.WaitUntilAsync(
            async () => (await LabFixtures.GetAsync(Bot, labId)).ActiveOf(person.AadObjectId)?.Attended == true,
            TimeSpan.FromSeconds(10),
            () => $"{person.Name}'s attendance was never saved");

    private static async Task GoAsync(IPage page, string hash)
    {
        await page.EvaluateAsync("hash => { location.hash = hash; }", hash);
        await page.WaitForFunctionAsync("hash => document.body.dataset.shown === hash", hash);
        await TabBrowser.ReadyAsync(page);
    }

    private static async Task<IEnumerable<string>> SeriousViolationsAsync(IPage page, string where)
    {
        var result = await page.RunAxe();
        return result.Violations
            .Where(violation => violation.Impact is "serious" or "critical")
            .Select(violation => $"{where}: {violation.Id} ({violation.Impact}) at {string.Join(", ", violation.Nodes.Select(node => node.Target?.ToString()))}");
    }
}
