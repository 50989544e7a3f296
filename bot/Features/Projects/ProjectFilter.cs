namespace BepBot.Features.Projects;

public sealed record ProjectFilter(
    string? Bassin = null,
    string? Commune = null,
    string? Programme = null,
    ProjectStatus? Status = null,
    string? Text = null)
{
    public bool IsEmpty => Bassin is null && Commune is null && Programme is null && Status is null && Text is null;
}
