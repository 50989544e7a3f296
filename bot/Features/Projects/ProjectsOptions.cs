namespace BepBot.Features.Projects;

public sealed class ProjectsOptions
{
    public const string Section = "Projects";

    /// <summary>Seed the register with the seed page's projects and centrals (invented figures marked as demo) when the store has none.</summary>
    public bool SeedDemo { get; set; }

    /// <summary>SharePoint site id of the register list (Graph: /sites/{site}/lists/{list}/items).</summary>
    public string? SharePointSiteId { get; set; }

    public string? SharePointListId { get; set; }

    /// <summary>How often the scheduler synchronises the register from SharePoint; zero disables the periodic job.</summary>
    public TimeSpan SyncInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long an instance answers from its in-memory index before checking the store for another instance's change.</summary>
    public TimeSpan CacheDuration { get; set; } = TimeSpan.FromSeconds(30);

    public bool HasSharePointList => !string.IsNullOrWhiteSpace(SharePointSiteId) && !string.IsNullOrWhiteSpace(SharePointListId);
}
