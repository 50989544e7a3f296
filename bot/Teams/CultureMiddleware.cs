using System.Globalization;
using Microsoft.Bot.Builder;

namespace BepBot.Teams;

/// <summary>French unless the Teams client says English: the texts and the dates of the turn follow the activity's locale.</summary>
public sealed class CultureMiddleware : Microsoft.Bot.Builder.IMiddleware
{
    public static CultureInfo French { get; } = CultureInfo.GetCultureInfo("fr-BE");

    public static CultureInfo English { get; } = CultureInfo.GetCultureInfo("en-GB");

    public static CultureInfo FromLocale(string? locale) =>
        locale is not null && locale.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? English : French;

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        var culture = FromLocale(turnContext.Activity.Locale);
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
        await next(cancellationToken);
    }
}
