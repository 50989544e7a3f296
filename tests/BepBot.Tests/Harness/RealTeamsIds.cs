using System.Security.Cryptography;
using System.Text;

namespace BepBot.Tests.Harness;

/// <summary>
/// Ids shaped like those Teams sends, as Microsoft's published sample activities show them: a personal chat
/// "a:1" followed by base64url characters (131 in all in the samples, about 137 seen in tenants), a user "29:1"
/// followed by base64url characters (90 in all), a channel "19:…@thread.tacv2", a group chat "19:…@thread.v2".
/// The characters are derived from a seed, so each person and conversation gets its own, mixed-case, stable id.
/// </summary>
public static class RealTeamsIds
{
    public const int SampleConversationLength = 131;
    public const int SampleUserLength = 90;

    public static string PersonalConversation(string seed, int length = SampleConversationLength) => Shaped("a:1", seed, length);

    public static string User(string seed, int length = SampleUserLength) => Shaped("29:1", seed, length);

    public static string Channel(string seed, int length = 48) => Shaped("19:", seed, length - "@thread.tacv2".Length) + "@thread.tacv2";

    public static string GroupChat(string seed, int length = 79) => Shaped("19:meeting_", seed, length - "@thread.v2".Length) + "@thread.v2";

    /// <summary>The same person (same Entra object id, so same role), with a Teams id and a personal chat id of real shape and the given lengths.</summary>
    public static TeamsUser As(TeamsUser user, int userIdLength = SampleUserLength, int conversationLength = SampleConversationLength) =>
        user with
        {
            Id = User(user.AadObjectId, userIdLength),
            PersonalConversationId = PersonalConversation(user.AadObjectId, conversationLength),
        };

    private static string Shaped(string start, string seed, int length)
    {
        var characters = new StringBuilder(start, length);
        for (var block = 0; characters.Length < length; block++)
        {
            characters.Append(Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes($"{seed}/{block}"))).TrimEnd('=').Replace('+', '-').Replace('/', '_'));
        }

        return characters.ToString(0, length);
    }
}
