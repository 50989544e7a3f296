using System.Globalization;
using BepBot.Cards;
using BepBot.Chat;
using BepBot.Platform.CommunePages;
using BepBot.Infrastructure.Text;
using BepBot.Infrastructure.Time;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Labs;

/// <summary>"Séminaires à venir" on a commune's page: each upcoming lab and how many people of that commune are registered.</summary>
public sealed class LabsCommunePageSection(LabBook book, IStringLocalizer<LabsTexts> texts, TimeProvider clock) : ICommunePageSection
{
    public int Order => 30;

    public async Task<CommunePageSection?> DescribeAsync(string commune, ChatUser viewer, CultureInfo culture, CancellationToken cancellationToken)
    {
        using var scope = CultureScope.Use(culture);
        var now = clock.GetUtcNow();
        var lines = (await book.ListAsync(cancellationToken))
            .Where(lab => lab.State != LabState.Cancelled && lab.Details.EndsAt > now)
            .Select(lab =>
            {
                var confirmed = lab.Confirmed.Count(registration => registration.Commune == commune);
                var waiting = lab.Waiting.Count(registration => registration.Commune == commune);
                var detail = confirmed + waiting == 0
                    ? texts["Section_NobodyYet"].Value
                    : texts["Section_Registered", confirmed, waiting].Value;
                return new CommunePageLine(
                    texts["Section_Line", CardText.EscapeMarkdown(lab.Details.Title), BelgianTime.FormatDate(lab.Details.StartsAt, culture)].Value,
                    detail);
            })
            .ToList();
        return new CommunePageSection(texts["Section_Title"], lines, texts["Section_Empty"]);
    }
}
