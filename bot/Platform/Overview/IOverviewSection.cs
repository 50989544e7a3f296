using BepBot.Chat;
using BepBot.Chat.Dashboard;

namespace BepBot.Platform.Overview;

/// <summary>
/// A part of the staff tab's « Vue d'ensemble » that a feature contributes through its own services: the next
/// conference, the open ballots, the seminars, the broadcasts in flight. The page shows the sections in
/// <see cref="Order"/>, each as the blocks it returns (none when it has nothing to say).
/// </summary>
public interface IOverviewSection
{
    int Order { get; }

    Task<IReadOnlyList<DashboardBlock>> DescribeAsync(ChatUser viewer, CancellationToken cancellationToken);
}
