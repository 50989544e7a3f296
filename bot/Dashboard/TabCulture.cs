using System.Globalization;
using BepBot.Infrastructure.Text;
using Microsoft.Net.Http.Headers;

namespace BepBot.Dashboard;

/// <summary>
/// French unless the tab says English: the shell sends Teams' locale as Accept-Language, and a page's texts and dates
/// follow it like a chat turn's follow the activity's locale. Texts worded for the chat take their tab wording
/// (<see cref="TabWording"/>).
/// </summary>
public static class TabCulture
{
    public static async ValueTask<object?> ApplyAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var culture = Cultures.FromLocale(FirstLanguage(context.HttpContext.Request));
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
        TabWording.TurnOn();
        return await next(context);
    }

    private static string? FirstLanguage(HttpRequest request) =>
        StringWithQualityHeaderValue.TryParseList(request.Headers.AcceptLanguage, out var languages) && languages.Count > 0
            ? languages.OrderByDescending(language => language.Quality ?? 1).First().Value.Value
            : null;
}
