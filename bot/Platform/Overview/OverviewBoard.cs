using BepBot.Chat;
using BepBot.Chat.Dashboard;
using Microsoft.Extensions.Localization;

namespace BepBot.Platform.Overview;

/// <summary>« Vue d'ensemble », the staff tab's first page: what each feature says is going on now, live.</summary>
public sealed class OverviewBoard(IEnumerable<IOverviewSection> sections, IStringLocalizer<OverviewTexts> texts) : IDashboardPage
{
    public const string PageName = "overview";

    /// <summary>Open ballots and registrations move during the day: the page reloads itself this often.</summary>
    private const int RefreshSeconds = 30;

    public string Name => PageName;

    public int MenuOrder => 10;

    public string Title => texts["Overview_Title"];

    public bool IsFor(ChatUser user) => user.Role == Role.BepStaff;

    public async Task<DashboardView> LoadAsync(DashboardRequest request, CancellationToken cancellationToken)
    {
        var blocks = new List<DashboardBlock>();
        foreach (var section in sections.OrderBy(section => section.Order))
        {
            blocks.AddRange(await section.DescribeAsync(request.User, cancellationToken));
        }

        return new DashboardView(texts["Overview_Title"], blocks, RefreshSeconds);
    }
}
