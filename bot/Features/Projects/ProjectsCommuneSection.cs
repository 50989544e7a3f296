using System.Globalization;
using BepBot.Cards;
using BepBot.Chat;
using BepBot.Platform.CommunePages;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Projects;

/// <summary>The projects a commune takes part in, on its `ma commune` page.</summary>
public sealed class ProjectsCommuneSection(ProjectRegisterStore register, ProjectCards cards, IStringLocalizer<ProjectsTexts> texts) : ICommunePageSection
{
    public int Order => 10;

    public async Task<CommunePageSection?> DescribeAsync(string commune, ChatUser viewer, CultureInfo culture, CancellationToken cancellationToken)
    {
        var projects = ProjectQuestions.FilterProjects((await register.GetAsync(cancellationToken)).Index, new ProjectFilter(Commune: commune), centrals: false);
        return new CommunePageSection(
            texts["Section_Projects", projects.Count],
            [.. projects.Select(project => new CommunePageLine(CardText.EscapeMarkdown(project.Name), cards.Detail(project)))],
            texts["Section_ProjectsEmpty"],
            IsDemo: projects.Any(project => project.IsDemo));
    }
}
