using BepBot.Infrastructure.Graph;
using BepBot.Infrastructure.Storage;
using Microsoft.Extensions.Options;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;

namespace BepBot.Features.Projects;

/// <summary>
/// Synchronises the register from the SharePoint list through Microsoft Graph. Every page is read first; only a
/// complete read is merged and swapped in with one write conditioned on the ETag read before, so a failure on
/// any page (503 after the SDK's retries, 403…) leaves the register exactly as it was. After a full read the
/// list's delta link is kept, and the next sync asks Graph only for what changed (full read again if Graph
/// refuses the link, e.g. 410 Gone).
/// </summary>
public sealed partial class ProjectSync(
    GraphGateway graph,
    ProjectRegisterStore register,
    IOptions<ProjectsOptions> options,
    TimeProvider clock,
    ILogger<ProjectSync> logger)
{
    private const int PageSize = 200;

    public bool IsConfigured => graph.IsConfigured && options.Value.HasSharePointList;

    public async Task<ProjectSyncResult> RunAsync(string by, CancellationToken cancellationToken)
    {
        if (!IsConfigured)
        {
            throw new InvalidOperationException("SharePoint sync is not configured.");
        }

        var current = await register.ReadAsync(cancellationToken);
        var fetched = await FetchAsync(current?.Value.DeltaLink, cancellationToken);
        try
        {
            // A staff edit landing meanwhile makes the register store merge the same SharePoint read into the newer register.
            var result = await register.MergeAsync(current, latest => Merge(latest, fetched, by), cancellationToken);
            LogSynced(logger, result.Incremental, result.Added, result.Updated, result.Removed, result.Skipped, result.Total);
            return result;
        }
        catch (DocumentConflictException ex)
        {
            throw new ProjectSyncException("conflict", ex);
        }
    }

    private sealed record Fetched(IReadOnlyList<ListItem> Items, bool Incremental, string? DeltaLink);

    private async Task<Fetched> FetchAsync(string? deltaLink, CancellationToken cancellationToken)
    {
        if (deltaLink is not null)
        {
            try
            {
                var (changes, nextDelta) = await ReadDeltaAsync(deltaLink, cancellationToken);
                return new Fetched(changes, Incremental: true, nextDelta ?? deltaLink);
            }
            catch (ODataError ex) when (ex.ResponseStatusCode is 410 or 400 or 404)
            {
                LogDeltaRefused(logger, ex.ResponseStatusCode);
            }
        }

        var client = graph.Client!;
        var settings = options.Value;
        var items = new List<ListItem>();
        try
        {
            var page = await client.Sites[settings.SharePointSiteId].Lists[settings.SharePointListId].Items.GetAsync(
                request =>
                {
                    request.QueryParameters.Expand = ["fields"];
                    request.QueryParameters.Top = PageSize;
                },
                cancellationToken);
            while (page is not null)
            {
                items.AddRange(page.Value ?? []);
                page = page.OdataNextLink is { } next
                    ? await client.Sites[settings.SharePointSiteId].Lists[settings.SharePointListId].Items.WithUrl(next).GetAsync(cancellationToken: cancellationToken)
                    : null;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw new ProjectSyncException(Describe(ex), ex);
        }

        return new Fetched(items, Incremental: false, await LatestDeltaLinkAsync(cancellationToken));
    }

    private async Task<(List<ListItem> Items, string? DeltaLink)> ReadDeltaAsync(string link, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var delta = graph.Client!.Sites[settings.SharePointSiteId].Lists[settings.SharePointListId].Items.Delta;
        var items = new List<ListItem>();
        try
        {
            var page = await delta.WithUrl(link).GetAsDeltaGetResponseAsync(cancellationToken: cancellationToken);
            while (true)
            {
                items.AddRange(page?.Value ?? []);
                if (page?.OdataNextLink is not { } next)
                {
                    return (items, page?.OdataDeltaLink);
                }

                page = await delta.WithUrl(next).GetAsDeltaGetResponseAsync(cancellationToken: cancellationToken);
            }
        }
        catch (Exception ex) when (ex is not ODataError { ResponseStatusCode: 410 or 400 or 404 } && (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested))
        {
            throw new ProjectSyncException(Describe(ex), ex);
        }
    }

    // A delta link "from now" (token=latest) so that the next sync is incremental; Graph may not offer it for every list.
    private async Task<string?> LatestDeltaLinkAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var url = $"{graph.Client!.RequestAdapter.BaseUrl}/sites/{settings.SharePointSiteId}/lists/{settings.SharePointListId}/items/delta?token=latest";
        try
        {
            return (await ReadDeltaAsync(url, cancellationToken)).DeltaLink;
        }
        catch (Exception ex) when (ex is ODataError or ProjectSyncException)
        {
            LogDeltaUnavailable(logger, ex);
            return null;
        }
    }

    private (ProjectRegister Register, ProjectSyncResult Result) Merge(ProjectRegister? current, Fetched fetched, string by)
    {
        var now = clock.GetUtcNow();
        var existing = current?.Projects ?? [];
        var byItem = existing.Where(project => project.SharePointItemId is not null)
            .ToDictionary(project => project.SharePointItemId!, StringComparer.Ordinal);
        int added = 0, updated = 0, removed = 0, skipped = 0;
        var result = new Dictionary<string, Project>(StringComparer.Ordinal);
        if (fetched.Incremental)
        {
            foreach (var project in existing)
            {
                result[project.Id] = project;
            }
        }
        else
        {
            removed = existing.Count;
        }

        foreach (var item in fetched.Items)
        {
            if (item.Id is null)
            {
                skipped++;
                continue;
            }

            var known = byItem.GetValueOrDefault(item.Id);
            if (SharePointProjects.IsDeleted(item))
            {
                if (known is not null && result.Remove(known.Id))
                {
                    removed++;
                }

                continue;
            }

            if (SharePointProjects.Map(item) is not { } incoming)
            {
                LogSkipped(logger, item.Id);
                skipped++;
                continue;
            }

            known ??= existing.FirstOrDefault(project => project.Id == incoming.Id);
            if (known is null)
            {
                added++;
                result[incoming.Id] = incoming;
                continue;
            }

            if (!fetched.Incremental)
            {
                removed--;
            }

            // An edit made in BepBot after the row's last change in SharePoint is kept.
            if (known.UpdatedAt > incoming.UpdatedAt && known.Source == "BepBot")
            {
                result[known.Id] = known;
                continue;
            }

            var changed = !SameContent(known, incoming);
            updated += changed ? 1 : 0;
            result[incoming.Id] = changed ? incoming with { Version = known.Version + 1 } : known;
        }

        var register = new ProjectRegister([.. result.Values.OrderBy(project => project.Kind).ThenBy(project => project.Name, StringComparer.Ordinal)], now, by, fetched.DeltaLink, now);
        return (register, new ProjectSyncResult(fetched.Incremental, added, updated, removed, skipped, register.Projects.Count));
    }

    private static bool SameContent(Project a, Project b) =>
        a with { Version = 0, UpdatedAt = default, UpdatedBy = string.Empty, Source = string.Empty, Bassins = [], Communes = [], Aliases = [] }
            == b with { Version = 0, UpdatedAt = default, UpdatedBy = string.Empty, Source = string.Empty, Bassins = [], Communes = [], Aliases = [] }
        && a.Bassins.SequenceEqual(b.Bassins) && a.Communes.SequenceEqual(b.Communes) && a.Aliases.SequenceEqual(b.Aliases);

    // Graph's answer when there is one (the SDK has already retried 429/503/504), else what broke on the way.
    private static string Describe(Exception exception) => exception switch
    {
        ODataError error => $"HTTP {error.ResponseStatusCode} {error.Error?.Code}".TrimEnd(),
        Microsoft.Kiota.Abstractions.ApiException error => $"HTTP {error.ResponseStatusCode}",
        _ when exception.InnerException is { } inner && inner != exception => Describe(inner),
        _ => exception.GetType().Name,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Project register synchronised (incremental: {Incremental}): {Added} added, {Updated} updated, {Removed} removed, {Skipped} skipped, {Total} in total")]
    private static partial void LogSynced(ILogger logger, bool incremental, int added, int updated, int removed, int skipped, int total);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Graph refused the stored delta link ({Status}): reading the whole list")]
    private static partial void LogDeltaRefused(ILogger logger, int status);

    [LoggerMessage(Level = LogLevel.Information, Message = "No delta link for the project list: the next sync reads the whole list")]
    private static partial void LogDeltaUnavailable(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SharePoint item {ItemId} has no title: skipped")]
    private static partial void LogSkipped(ILogger logger, string itemId);
}
