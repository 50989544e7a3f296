namespace BepBot.Infrastructure.Exports;

/// <summary>What an export carries, stated by whoever saves it: it decides how long its link works (docs/security.md).</summary>
public enum ExportContent
{
    /// <summary>
    /// A person's data (names, e-mail addresses, who registered, attended or received a message, who did what in an
    /// audit log) or a secret ballot's participation: a short-lived link (<see cref="ExportOptions.PersonalDataLinkLifetime"/>).
    /// </summary>
    PersonalData = 1,

    /// <summary>Nothing about a person: aggregated results, figures, charts, an event's calendar file (<see cref="ExportOptions.LinkLifetime"/>).</summary>
    NoPersonalData = 2,
}
