using System.Globalization;
using BepBot.Chat;
using BepBot.Infrastructure.Text;
using BepBot.Platform.Delivery;

namespace BepBot.Features.Conferences;

/// <summary>
/// The per-recipient cards of a session's broadcasts, rendered at delivery time in the recipient's language and
/// with their current answers: a card that no longer has a purpose (a reminder to someone who answered meanwhile,
/// an invitation to a cancelled session) is not sent.
/// </summary>
public abstract class ConferenceContent(ConferenceStore store, IMemberDirectory roster) : IBroadcastContent
{
    public abstract string Kind { get; }

    protected ConferenceStore Store => store;

    public async Task<OutgoingMessage?> RenderAsync(string reference, string recipientKey, CultureInfo culture, CancellationToken cancellationToken)
    {
        var (session, member, members) = await ReadAsync(reference, recipientKey, cancellationToken);
        if (session is null || member is null)
        {
            return null;
        }

        using var scope = CultureScope.Use(culture);
        var parts = reference.Split(':');
        var number = parts.Length > 1 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : 0;
        return await RenderAsync(session, member, members, number, cancellationToken);
    }

    public virtual string? SubjectOf(string reference) => null;

    public async Task<OutgoingMessage?> RenderUpdateAsync(string reference, string recipientKey, CultureInfo culture, CancellationToken cancellationToken)
    {
        var (session, member, members) = await ReadAsync(reference, recipientKey, cancellationToken);
        if (session is null || member is null)
        {
            return null;
        }

        using var scope = CultureScope.Use(culture);
        return await RenderUpdateAsync(session, member, members, cancellationToken);
    }

    /// <summary>For the kinds whose cards stay live (polls, invitations, reminders): the card as it stands now; null for notices.</summary>
    protected virtual Task<OutgoingMessage?> RenderUpdateAsync(ConferenceSession session, Member member, IReadOnlyList<Member> roster, CancellationToken cancellationToken) =>
        Task.FromResult<OutgoingMessage?>(null);

    private async Task<(ConferenceSession? Session, Member? Member, IReadOnlyList<Member> Members)> ReadAsync(string reference, string recipientKey, CancellationToken cancellationToken)
    {
        var session = await store.GetAsync(reference.Split(':')[0], cancellationToken);
        var members = await roster.ListAsync(cancellationToken);
        return (session, members.FirstOrDefault(candidate => candidate.AadObjectId == AudienceResolver.AadObjectIdOf(recipientKey)), members);
    }

    protected abstract Task<OutgoingMessage?> RenderAsync(ConferenceSession session, Member member, IReadOnlyList<Member> roster, int number, CancellationToken cancellationToken);
}
