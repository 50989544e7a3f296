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

        var rendered = new List<object>();
        var isDemo = false;
        foreach (var section in sections.OrderBy(section => section.Order))
        {
            CommunePageSection? described;
            try
            {
                described = await section.DescribeAsync(commune.Name, turn.User, turn.Culture, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogSectionFailed(logger, ex, section.GetType().Name, commune.Name);
                described = new CommunePageSection(texts["Section_UnavailableTitle"], [], texts["Section_Unavailable"]);
            }

            if (described is not null)
            {
                isDemo |= described.IsDemo;
                rendered.Add(new
                {
                    described.Title,
                    Lines = described.Lines.Select(line => new { line.Text, Detail = line.Detail ?? string.Empty }).ToList(),
                    EmptyText = described.Lines.Count == 0 ? described.EmptyText ?? string.Empty : string.Empty,
                });
            }
        }

        var card = cards.Render("communes/page", new
        {
            Title = texts["Commune_Title", commune.Name].Value,
            Subtitle = texts["Commune_Subtitle", commune.Bassin.Name, commune.Bassin.Communes.Count].Value,
            Sections = rendered,
            DemoNotice = isDemo ? texts["DemoNotice"].Value : string.Empty,
        });
        return Reply.WithCard(card, texts["Commune_Title", commune.Name]);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Commune page section {Section} failed for {Commune}")]
    private static partial void LogSectionFailed(ILogger logger, Exception exception, string section, string commune);
}
