namespace BepBot.Dashboard;

public enum CrossSiteVerdict
{
    Allowed,
    NotJson,
    ForeignOrigin,
}
