using BepBot.Infrastructure.Exports;
using Microsoft.Extensions.Localization;

namespace BepBot.Chat;

/// <summary>How long a download link works, as the reader says it: « 15 minutes », « 24 heures ».</summary>
public sealed class LinkValidity(IStringLocalizer<ChatTexts> texts)
{
    public string Of(ExportLink link)
    {
        var lifetime = link.Lifetime;
        if (lifetime >= TimeSpan.FromHours(1) && lifetime.Ticks % TimeSpan.TicksPerHour == 0)
        {
            var hours = (int)lifetime.TotalHours;
            return hours == 1 ? texts["Link_Hour"] : texts["Link_Hours", hours];
        }

        var minutes = (int)Math.Ceiling(lifetime.TotalMinutes);
        return minutes <= 1 ? texts["Link_Minute"] : texts["Link_Minutes", minutes];
    }
}
