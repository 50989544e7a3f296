using System.Globalization;
using BepBot.Cards;
using BepBot.Chat;
using BepBot.Platform.CommunePages;
using BepBot.Platform.Territory;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Communes;

/// <summary>
/// `ma commune`, `la commune de Ciney`: one commune's page, its bassin, then every section the features
/// contribute (projects, centrals, labs, ballots…) in their order. A section that fails is shown as unavailable
/// rather than taking the page down.
/// </summary>
public sealed partial class ShowCommunePage(
    IEnumerable<ICommunePageSection> sections,
    CardCatalog cards,
    IStringLocalizer<CommunesTexts> texts,
    ILogger<ShowCommunePage> logger) : ICommandHandler
{
    public async Task<Reply> HandleAsync(ChatTurn turn, string arguments, CancellationToken cancellationToken)
    {
        var wanted = arguments.Trim().TrimEnd('?', '!', '.').Trim();
        if (wanted.StartsWith("de ", StringComparison.OrdinalIgnoreCase))
        {
            wanted = wanted[3..].Trim();
        }

        var name = wanted.Length > 0 ? wanted : turn.User.Commune;
        if (name is null)
        {
            return Reply.WithText(texts["Commune_Ask"]);
        }

        var commune = TerritoryMap.FindCommune(name);
        if (commune is null)
        {
            return Reply.WithText(texts["Commune_Unknown", CardText.EscapeMarkdown(name.Length > 60 ? name[..60] + "…" : name)]);
        }

        var described = await SectionsAsync(commune, turn.User, turn.Culture, cancellationToken);
        var rendered = described.Select(section => new
        {
            section.Title,
            Lines = section.Lines.Select(line => new { line.Text, Detail = line.Detail ?? string.Empty }).ToList(),
            EmptyText = section.Lines.Count == 0 ? section.EmptyText ?? string.Empty : string.Empty,
        }).ToList();
        var isDemo = described.Any(section => section.IsDemo);
        var card = cards.Render("communes/page", new
        {
            Title = texts["Commune_Title", commune.Name].Value,
            Subtitle = texts["Commune_Subtitle", commune.Bassin.Name, commune.Bassin.Communes.Count].Value,
            Sections = rendered,
            DemoNotice = isDemo ? texts["DemoNotice"].Value : string.Empty,
        });
        return Reply.WithCard(card, texts["Commune_Title", commune.Name]);
    }

    /// <summary>
    /// Every section the features contribute, in their order, for this viewer (the chat's page and the dashboard tab's
    /// « Ma commune »). A section that fails is shown as unavailable rather than taking the page down.
    /// </summary>
    public async Task<IReadOnlyList<CommunePageSection>> SectionsAsync(Commune commune, ChatUser viewer, CultureInfo culture, CancellationToken cancellationToken)
    {
        var described = new List<CommunePageSection>();
        foreach (var section in sections.OrderBy(section => section.Order))
        {
            try
            {
                if (await section.DescribeAsync(commune.Name, viewer, culture, cancellationToken) is { } done)
                {
                    described.Add(done);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogSectionFailed(logger, ex, section.GetType().Name, commune.Name);
                described.Add(new CommunePageSection(texts["Section_UnavailableTitle"], [], texts["Section_Unavailable"]));
            }
        }

        return described;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Commune page section {Section} failed for {Commune}")]
    private static partial void LogSectionFailed(ILogger logger, Exception exception, string section, string commune);
}
