using System.Globalization;
using BepBot.Chat.Flows;

namespace BepBot.Chat;

public enum ConversationKind
{
    Personal,
    GroupChat,
    Channel,
}
