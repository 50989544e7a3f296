namespace BepBot.Chat;

public enum ConversationKind
{
    Personal,
    GroupChat,
    Channel,
}
