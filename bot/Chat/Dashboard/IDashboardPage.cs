namespace BepBot.Chat.Dashboard;

/// <summary>
/// A page of the staff dashboard tab (and « Ma commune »), which a feature implements the way it implements a command:
/// it reads through the feature's own services and returns a view the tab lays out. The tab's edge authenticates the
/// person, maps them to the roster, sets the culture, and calls <see cref="IsFor"/> before <see cref="LoadAsync"/>.
/// </summary>
public interface IDashboardPage
{
    /// <summary>The page's address segment and menu key, e.g. <c>votes</c> (lower case, no spaces).</summary>
    string Name { get; }

    /// <summary>Whether this person sees the page in the menu and may load it; the edge answers 403 otherwise.</summary>
    bool IsFor(ChatUser user);

    /// <summary>The page's title in the current UI culture, for the menu.</summary>
    string Title { get; }

    /// <summary>Where the page comes in the menu, smallest first: the order staff work in, whatever order features register.</summary>
    int MenuOrder { get; }

    Task<DashboardView> LoadAsync(DashboardRequest request, CancellationToken cancellationToken);
}
