using System.Reflection;

namespace BepBot.Dashboard;

/// <summary>
/// The tab's static files (bot/wwwroot/tab and the Teams JavaScript SDK from npm), embedded in the bot's assembly so
/// that the same files are served whatever the content root: a published app, a test host, `dotnet run`.
/// </summary>
public static class TabShell
{
    private const string Prefix = "tab/";

    private static readonly Assembly Bot = typeof(TabShell).Assembly;

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".svg"] = "image/svg+xml",
        [".png"] = "image/png",
    };

    private static readonly HashSet<string> Files = new(Bot.GetManifestResourceNames().Where(name => name.StartsWith(Prefix, StringComparison.Ordinal)), StringComparer.Ordinal);

    /// <summary>The shell at /tab/: the trailing slash matters, since its scripts and styles are addressed relative to it.</summary>
    public static IResult Index(HttpRequest request) =>
        request.Path.Value?.EndsWith('/') == true ? Serve("index.html") : Results.Redirect(request.PathBase + "/tab/");

    public static IResult Serve(string file)
    {
        var name = Prefix + file;
        if (!Files.Contains(name) || !ContentTypes.TryGetValue(Path.GetExtension(file), out var contentType))
        {
            return Results.NotFound();
        }

        return Results.Stream(Bot.GetManifestResourceStream(name)!, contentType);
    }
}
