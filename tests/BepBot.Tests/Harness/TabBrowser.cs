using System.Text.Json;
using Microsoft.Playwright;

namespace BepBot.Tests.Harness;

/// <summary>
/// The dashboard tab in a real browser: Debian's chromium (/usr/bin/chromium, installed by ./test.sh; Playwright never
/// downloads one) driven by Playwright. Teams is not there in tests, so the page gets a stand-in for the Teams host:
/// the request for the bundled MicrosoftTeams.min.js is answered with a small script that exposes the same calls the
/// tab makes (app.initialize, app.getContext with the theme and locale, app.registerOnThemeChangeHandler,
/// authentication.getAuthToken) and hands over a token the test signed with <see cref="FakeEntraId"/>'s key.
/// </summary>
public sealed class TabBrowser : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private TabBrowser(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        _browser = browser;
    }

    public static async Task<TabBrowser> LaunchAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"The browser tests drive Debian's chromium at {ChromiumPath}: `apt-get install chromium` (./test.sh installs it).");
        }

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu"],
        });
        return new TabBrowser(playwright, browser);
    }

    /// <summary>Opens the tab at <paramref name="hash"/> (e.g. <c>#/votes</c>) as Teams would for the token's person; <paramref name="touch"/>: on a touch screen, as Teams on a phone.</summary>
    public async Task<IPage> OpenAsync(Uri bot, string token, string theme = "default", string locale = "fr-BE", string hash = "", int width = 1280, bool touch = false)
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions { Locale = locale, ViewportSize = new ViewportSize { Width = width, Height = 900 }, HasTouch = touch, IsMobile = touch });
        await context.RouteAsync("**/tab/lib/MicrosoftTeams.min.js", route => route.FulfillAsync(new RouteFulfillOptions
        {
            Status = 200,
            ContentType = "text/javascript",
            Body = TeamsHostStandIn(token, theme, locale),
        }));
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(bot, "/tab/" + hash).ToString());
        await ReadyAsync(page);
        return page;
    }

    /// <summary>Waits until the shell has shown a page (its title) and is no longer loading.</summary>
    public static Task ReadyAsync(IPage page) =>
        page.Locator("main#main:not([aria-busy]) h1").WaitForAsync(new LocatorWaitForOptions { Timeout = 15_000 });

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }

    private static string TeamsHostStandIn(string token, string theme, string locale) => $$"""
        // Stand-in for Teams' JavaScript SDK in tests: the calls the tab makes, answered as the Teams host would.
        window.microsoftTeams = {
          app: {
            initialize: () => Promise.resolve(),
            getContext: () => Promise.resolve({ app: { theme: {{JsonSerializer.Serialize(theme)}}, locale: {{JsonSerializer.Serialize(locale)}} } }),
            registerOnThemeChangeHandler: (handler) => { window.teamsThemeChanged = handler; },
          },
          authentication: { getAuthToken: () => Promise.resolve({{JsonSerializer.Serialize(token)}}) },
        };
        """;
}
