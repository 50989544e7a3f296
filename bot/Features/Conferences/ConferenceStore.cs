using System.Globalization;
using System.Security.Cryptography;
using BepBot.Infrastructure.Storage;

namespace BepBot.Features.Conferences;

/// <summary>The sessions, their versions, and the answers of each commune.</summary>
public sealed class ConferenceStore(IDocumentStore store, TimeProvider clock)
{
    private const string SessionsPrefix = "conferences/sessions/";

    private static readonly ConflictRetry ChangeRetry =
        new(ConflictRetry.DefaultMaxAttempts, attempt => TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20 * attempt)));

    public static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));

    public async Task<ConferenceSession?> GetAsync(string? id, CancellationToken cancellationToken = default) =>
        id is null || !IsId(id) ? null : (await store.GetAsync<ConferenceSession>(SessionKey(id), cancellationToken))?.Value;

    public static bool IsId(string id) => id.Length is > 0 and <= 32 && id.All(char.IsAsciiLetterOrDigit);

    public Task CreateAsync(ConferenceSession session, CancellationToken cancellationToken = default) =>
        store.CreateAsync(SessionKey(session.Id), session, cancellationToken);

    public async Task<IReadOnlyList<ConferenceSession>> ListAsync(CancellationToken cancellationToken = default)
    {
        var sessions = new List<ConferenceSession>();
        await foreach (var document in store.ListAsync<ConferenceSession>(SessionsPrefix, cancellationToken))
        {
            sessions.Add(document.Value);
        }

        return sessions;
    }

    /// <summary>
    /// A staff change: <paramref name="change"/> sees the latest session and returns the new one (or null to refuse).
    /// The version it replaces is kept first, create-if-absent, so a retried change never loses or rewrites history.
    /// </summary>
    public async Task<ConferenceSession?> ChangeAsync(string id, Func<ConferenceSession, ConferenceSession?> change, string author, string note, CancellationToken cancellationToken = default)
    {
        var update = await store.UpdateAsync<ConferenceSession, ConferenceSession?>(
            SessionKey(id),
            async (current, token) =>
            {
                if (current is null || change(current) is not { } next)
                {
                    return (null, null);
                }

                await KeepVersionAsync(id, current, token);
                next = next with { Version = current.Version + 1, UpdatedAt = clock.GetUtcNow(), UpdatedBy = author, Change = note };
                return (next, next);
            },
            ChangeRetry,
            cancellationToken);
        return update.Outcome;
    }

    /// <summary>Bookkeeping the bot does on its own (calendar state): not a staff change, no new version.</summary>
    public Task<ConferenceSession?> SetCalendarAsync(string id, Func<ConferenceSession, CalendarSync> calendar, CancellationToken cancellationToken = default) =>
        store.ChangeAsync<ConferenceSession>(SessionKey(id), current => current with { Calendar = calendar(current) }, cancellationToken: cancellationToken);

    public async Task<IReadOnlyList<ConferenceSession>> VersionsAsync(string id, CancellationToken cancellationToken = default)
    {
        var versions = new List<ConferenceSession>();
        await foreach (var document in store.ListAsync<ConferenceSession>($"conferences/versions/{id}/", cancellationToken))
        {
            versions.Add(document.Value);
        }

        return [.. versions.OrderBy(version => version.Version)];
    }

    public async Task<Rsvp?> RsvpOfAsync(string id, string commune, CancellationToken cancellationToken = default) =>
        (await store.GetAsync<Rsvp>(RsvpKey(id, commune), cancellationToken))?.Value;

    // One writer per document (the commune's bourgmestre): a plain upsert cannot lose another commune's answer.
    public Task SaveRsvpAsync(string id, Rsvp rsvp, CancellationToken cancellationToken = default) =>
        store.UpsertAsync(RsvpKey(id, rsvp.Commune), rsvp, cancellationToken);

    public Task<bool> DeleteRsvpAsync(string id, string commune, CancellationToken cancellationToken = default) =>
        store.DeleteAsync(RsvpKey(id, commune), cancellationToken: cancellationToken);

    public Task<IReadOnlyList<Rsvp>> RsvpsAsync(string id, CancellationToken cancellationToken = default) =>
        store.ListValuesAsync<Rsvp>($"conferences/rsvps/{id}/", cancellationToken);

    public async Task<PollAnswer?> PollAnswerOfAsync(string id, string commune, CancellationToken cancellationToken = default) =>
        (await store.GetAsync<PollAnswer>(PollKey(id, commune), cancellationToken))?.Value;

    public Task SavePollAnswerAsync(string id, PollAnswer answer, CancellationToken cancellationToken = default) =>
        store.UpsertAsync(PollKey(id, answer.Commune), answer, cancellationToken);

    public Task<IReadOnlyList<PollAnswer>> PollAnswersAsync(string id, CancellationToken cancellationToken = default) =>
        store.ListValuesAsync<PollAnswer>($"conferences/polls/{id}/", cancellationToken);

    public async Task SavePublicationAsync(AgendaPublication publication, CancellationToken cancellationToken = default)
    {
        try
        {
            await store.CreateAsync(PublicationKey(publication.SessionId, publication.Number), publication, cancellationToken);
        }
        catch (DocumentConflictException)
        {
            // Already recorded by a retried publish: the first one stands.
        }
    }

    public async Task<AgendaPublication?> PublicationAsync(string id, int number, CancellationToken cancellationToken = default) =>
        number < 1 ? null : (await store.GetAsync<AgendaPublication>(PublicationKey(id, number), cancellationToken))?.Value;

    private async Task KeepVersionAsync(string id, ConferenceSession version, CancellationToken cancellationToken)
    {
        try
        {
            await store.CreateAsync(VersionKey(id, version.Version), version, cancellationToken);
        }
        catch (DocumentConflictException)
        {
            // Kept by an earlier attempt: versions never change once written.
        }
    }

    private static string SessionKey(string id) => SessionsPrefix + id;

    private static string VersionKey(string id, int version) => $"conferences/versions/{id}/{version.ToString("D4", CultureInfo.InvariantCulture)}";

    private static string RsvpKey(string id, string commune) => $"conferences/rsvps/{id}/{DocumentKey.Segment(commune)}";

    private static string PollKey(string id, string commune) => $"conferences/polls/{id}/{DocumentKey.Segment(commune)}";

    private static string PublicationKey(string id, int number) => $"conferences/agendas/{id}/{number.ToString("D4", CultureInfo.InvariantCulture)}";
}
