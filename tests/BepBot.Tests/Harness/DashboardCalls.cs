using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using BepBot.Chat;
using BepBot.Chat.Dashboard;
using BepBot.Infrastructure.Text;
using Microsoft.Extensions.DependencyInjection;

namespace BepBot.Tests.Harness;

/// <summary>
/// The dashboard tab's pages and actions called as its edge calls them, once it has authenticated the person and
/// mapped them to the roster: the person as the roster knows them (a guest otherwise), French unless told, in the tab's wording.
/// </summary>
public static class DashboardCalls
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task<ChatUser> UserAsync(this BotApplication bot, TeamsUser user)
    {
        var member = await bot.Services.GetRequiredService<IMemberDirectory>().FindAsync(user.AadObjectId);
        return member is null ? new ChatUser(user.AadObjectId, user.Name, Role.Guest, null) : new ChatUser(member.AadObjectId, member.Name, member.Role, member);
    }

    public static IDashboardPage Page(this BotApplication bot, string name) =>
        bot.Services.GetServices<IDashboardPage>().Single(page => page.Name == name);

    public static IDashboardAction Action(this BotApplication bot, string verb) =>
        bot.Services.GetServices<IDashboardAction>().Single(action => action.Verb == verb);

    public static async Task<DashboardView> LoadPageAsync(this BotApplication bot, TeamsUser user, string name, IDictionary<string, string>? query = null, bool english = false)
    {
        using var culture = CultureScope.Use(english ? Cultures.English : Cultures.French);
        using var wording = TabWording.Use(true);
        var request = new DashboardRequest(await bot.UserAsync(user), new Dictionary<string, string>(query ?? new Dictionary<string, string>()));
        var page = bot.Page(name);
        page.IsFor(request.User).ShouldBeTrue($"{name} is for {user.Name}");
        return await page.LoadAsync(request, CancellationToken.None);
    }

    public static async Task<DashboardActionResult> RunActionAsync(this BotApplication bot, TeamsUser user, string verb, JsonObject data)
    {
        using var culture = CultureScope.Use(Cultures.French);
        using var wording = TabWording.Use(true);
        var request = new DashboardRequest(await bot.UserAsync(user), new Dictionary<string, string>());
        var action = bot.Action(verb);
        // The edge refuses the others with a 403 before the action runs (DashboardApiTests).
        action.IsAllowed(request.User).ShouldBeTrue($"{verb} is allowed to {user.Name}");
        return await action.RunAsync(request, JsonSerializer.SerializeToElement(data), CancellationToken.None);
    }

    /// <summary>The one block of that kind under that heading.</summary>
    public static T Block<T>(this DashboardView view, string heading)
        where T : DashboardBlock =>
        view.Blocks.OfType<T>().Single(block => block.Heading == heading);

    /// <summary>The view as the tab receives it, for reading what it says.</summary>
    public static JsonNode ToJson(this DashboardView view) => JsonSerializer.SerializeToNode(view, Json)!;

    /// <summary>Every text of the view, one per line, as the tab would lay it out.</summary>
    public static string AllText(this DashboardView view) => string.Join('\n', Strings(view.ToJson()));

    /// <summary>A row's cell texts by column key.</summary>
    public static Dictionary<string, string> Texts(this TableRow row) => row.Cells.ToDictionary(cell => cell.Key, cell => cell.Value.Text);

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject obj => obj.SelectMany(member => Strings(member.Value)),
        JsonArray array => array.SelectMany(Strings),
        JsonValue value when value.GetValueKind() == JsonValueKind.String => [value.GetValue<string>()],
        _ => [],
    };
}
