namespace BepBot.Platform.Delivery;

/// <param name="Bassin">Bassin id, for <see cref="AudienceKind.BassinBourgmestres"/>.</param>
/// <param name="Commune">Commune name, for <see cref="AudienceKind.CommuneOfficers"/>.</param>
/// <param name="ChannelConversationId">A channel where the bot is installed, for <see cref="AudienceKind.Channel"/>.</param>
/// <param name="Members">AAD object ids of roster members, for <see cref="AudienceKind.Members"/> (registrants, non-voters…).</param>
public sealed record Audience(AudienceKind Kind, string? Bassin = null, string? Commune = null, string? ChannelConversationId = null, IReadOnlyList<string>? Members = null);
