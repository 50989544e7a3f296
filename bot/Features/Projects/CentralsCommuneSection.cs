using System.Globalization;
using BepBot.Cards;
using BepBot.Chat;
using BepBot.Infrastructure.Text;
using BepBot.Platform.CommunePages;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Projects;

/// <summary>The purchasing centrals a commune joined, on its `ma commune` page.</summary>
public sealed class CentralsCommuneSection(ProjectRegisterStore register, IStringLocalizer<ProjectsTexts> texts) : ICommunePageSection
{
    public int Order => 20;

    public async Task<CommunePageSection?> DescribeAsync(string commune, ChatUser viewer, CultureInfo culture, CancellationToken cancellationToken)
    {
        var index = (await register.GetAsync(cancellationToken)).Index;
        var joined = ProjectQuestions.FilterProjects(index, new ProjectFilter(Commune: commune), centrals: true);
        var others = ProjectQuestions.FilterProjects(index, new ProjectFilter(), centrals: true).Except(joined).ToList();
        return new CommunePageSection(
            texts["Section_Centrals", joined.Count],
            [
                .. joined.Select(central => new CommunePageLine(CardText.EscapeMarkdown(central.Name))),
                .. others.Count == 0 ? [] : new[] { new CommunePageLine(texts["Section_CentralsOthers", MessageFormatter.JoinList(others.Select(central => CardText.EscapeMarkdown(central.Name)), CultureInfo.CurrentUICulture)]) },
            ],
            texts["Section_CentralsEmpty"],
            IsDemo: joined.Any(central => central.IsDemo));
    }
}
