using System.Globalization;
using BepBot.Infrastructure.Text;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;

namespace BepBot.Teams;

/// <summary>French unless the Teams client says English: the texts and the dates of the turn follow the activity's locale.</summary>
public sealed class CultureMiddleware(IOptions<BotOptions> options) : Microsoft.Bot.Builder.IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        if (!string.IsNullOrWhiteSpace(options.Value.ForceLocale))
        {
            turnContext.Activity.Locale = options.Value.ForceLocale;
        }

        var culture = Cultures.FromLocale(turnContext.Activity.Locale);
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
        await next(cancellationToken);
    }
}
