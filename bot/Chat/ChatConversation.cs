namespace BepBot.Chat;

public sealed record ChatConversation(string Id, ConversationKind Kind, string? TenantId);
