namespace BepBot.Features.Projects;

/// <summary>Marker for the project register's texts: ProjectsTexts.resx is French, ProjectsTexts.en.resx English.</summary>
public sealed class ProjectsTexts;
