using BepBot.Chat;

namespace BepBot.Features.Roster;

/// <summary>One person an import keeps but changes: the entry before and after, and which fields differ.</summary>
public sealed record RosterEntryChange(Member Before, Member After, IReadOnlyList<RosterField> Fields);
