using BepBot.Chat;
using BepBot.Platform.Territory;

namespace BepBot.Platform.Delivery;

/// <summary>Who an audience means right now: roster members by role, bassin or commune, or one channel.</summary>
public sealed class AudienceResolver(IMemberDirectory roster, ConversationDirectory conversations)
{
    public async Task<IReadOnlyList<Recipient>> ResolveAsync(Audience audience, CancellationToken cancellationToken = default)
    {
        if (audience.Kind == AudienceKind.Channel)
        {
            var channel = audience.ChannelConversationId is null ? null : await conversations.FindSharedAsync(audience.ChannelConversationId, cancellationToken);
            return channel is null ? [] : [new Recipient("channel:" + channel.ConversationId, channel.Title ?? channel.ConversationId, channel)];
        }

        var members = (await roster.ListAsync(cancellationToken)).Where(member => Includes(audience, member)).ToList();
        var found = await conversations.FindPersonalOfAsync(members, cancellationToken);
        return [.. members.Select((member, index) => new Recipient(KeyOf(member), member.Name, found[index], member))];
    }

    public Task<SavedConversation?> ConversationOfAsync(string recipientKey, CancellationToken cancellationToken = default) =>
        recipientKey.StartsWith("channel:", StringComparison.Ordinal)
            ? conversations.FindSharedAsync(recipientKey["channel:".Length..], cancellationToken)
            : conversations.FindPersonalAsync(recipientKey["user:".Length..], cancellationToken);

    public static string KeyOf(Member member) => "user:" + member.AadObjectId;

    /// <summary>The AAD object id in a "user:…" recipient key; null for a channel.</summary>
    public static string? AadObjectIdOf(string recipientKey) =>
        recipientKey.StartsWith("user:", StringComparison.Ordinal) ? recipientKey["user:".Length..] : null;

    private static bool Includes(Audience audience, Member member) => audience.Kind switch
    {
        AudienceKind.AllBourgmestres => member.Role == Role.Bourgmestre,
        AudienceKind.BassinBourgmestres => member.Role == Role.Bourgmestre && TerritoryMap.FindCommune(member.Commune)?.Bassin.Id == audience.Bassin,
        AudienceKind.AllOfficers => member.Role == Role.Officer,
        AudienceKind.CommuneOfficers => member.Role == Role.Officer && member.Commune == audience.Commune,
        AudienceKind.Everyone => true,
        AudienceKind.Members => audience.Members?.Contains(member.AadObjectId, StringComparer.OrdinalIgnoreCase) == true,
        _ => false,
    };
}
