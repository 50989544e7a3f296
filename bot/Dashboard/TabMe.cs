namespace BepBot.Dashboard;

/// <summary>What GET /tab/api/me answers: who the roster says the person is, and the pages they may open.</summary>
/// <param name="Role">The role's id (bep-staff, bourgmestre, officer, guest); <paramref name="RoleText"/> says it in words.</param>
/// <param name="Demo">The roster is the demonstration one (local play), which the tab says.</param>
public sealed record TabMe(string Name, string Role, string RoleText, string? Commune, string Language, bool Demo, IReadOnlyList<TabMenuItem> Menu);
