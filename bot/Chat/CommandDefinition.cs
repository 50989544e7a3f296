namespace BepBot.Chat;

/// <summary>A text command a feature offers. The help card and the manifest's command list come from these.</summary>
/// <param name="Id">Stable id, also the key of its help texts (Command_{Id}_Usage, Command_{Id}_Description).</param>
/// <param name="Section">Help section id (Section_{Section}).</param>
/// <param name="Phrases">What users may type, French first, then English and other aliases; matched accent- and case-insensitively.</param>
public sealed record CommandDefinition(string Id, string Section, IReadOnlyList<string> Phrases, IReadOnlySet<Role> AllowedRoles, Type HandlerType);
