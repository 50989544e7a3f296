using BepBot.Chat;
using BepBot.Infrastructure.Storage;

namespace BepBot.Platform.Procurations;

/// <summary>
/// The procurations of ballots and conference sessions (the conference answer « Donner procuration » and votes both use it).
/// Callers check roles and that the ballot or session is open; the book enforces one per giving commune, one per
/// holder, and no withdrawal once used.
/// </summary>
public sealed class ProcurationBook(IDocumentStore store, TimeProvider clock)
{
    public async Task<(ProcurationOutcome Outcome, Procuration? Procuration)> GiveAsync(
        ProcurationScope scope, string scopeId, Member giver, Member holder, CancellationToken cancellationToken = default)
    {
        if (giver.Commune is null || string.Equals(giver.AadObjectId, holder.AadObjectId, StringComparison.OrdinalIgnoreCase) || holder.Commune == giver.Commune)
        {
            return (ProcurationOutcome.CannotHoldOwnCommune, null);
        }

        var procuration = new Procuration(scope, scopeId, giver.Commune, giver.AadObjectId, giver.Name, holder.AadObjectId, holder.Name, holder.Commune, clock.GetUtcNow());
        try
        {
            await store.CreateAsync(HeldKey(scope, scopeId, holder.AadObjectId), procuration, cancellationToken);
        }
        catch (DocumentConflictException)
        {
            var held = await HeldByAsync(scope, scopeId, holder.AadObjectId, cancellationToken);
            return held?.GiverCommune == giver.Commune
                ? (ProcurationOutcome.AlreadyGivenToThisHolder, held)
                : (ProcurationOutcome.HolderAlreadyCarriesOne, held);
        }

        try
        {
            await store.CreateAsync(GivenKey(scope, scopeId, giver.Commune), procuration, cancellationToken);
            return (ProcurationOutcome.Given, procuration);
        }
        catch (DocumentConflictException)
        {
            // This commune already gave its vote to someone else: release the holder we reserved.
            await store.DeleteAsync(HeldKey(scope, scopeId, holder.AadObjectId), cancellationToken: CancellationToken.None);
            return (ProcurationOutcome.CommuneAlreadyGaveOne, await GivenByAsync(scope, scopeId, giver.Commune, cancellationToken));
        }
    }

    /// <returns>False when there was none, or it was already used (a used procuration stays).</returns>
    public async Task<bool> WithdrawAsync(ProcurationScope scope, string scopeId, string giverCommune, CancellationToken cancellationToken = default)
    {
        var given = await store.GetAsync<Procuration>(GivenKey(scope, scopeId, giverCommune), cancellationToken);
        if (given is null || given.Value.UsedAt is not null)
        {
            return false;
        }

        // If-Match: a holder who votes at this very moment marks it used first, and then the withdrawal fails.
        if (!await store.DeleteAsync(given.Key, given.ETag, cancellationToken))
        {
            return false;
        }

        await store.DeleteAsync(HeldKey(scope, scopeId, given.Value.HolderAadObjectId), cancellationToken: CancellationToken.None);
        return true;
    }

    /// <summary>The holder votes with it: from now on it cannot be withdrawn. Null when it no longer exists.</summary>
    public async Task<Procuration?> MarkUsedAsync(ProcurationScope scope, string scopeId, string giverCommune, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        return await store.ChangeAsync<Procuration>(
            GivenKey(scope, scopeId, giverCommune),
            current => current.UsedAt is null ? current with { UsedAt = now } : current,
            cancellationToken: cancellationToken);
    }

    public async Task<Procuration?> GivenByAsync(ProcurationScope scope, string scopeId, string commune, CancellationToken cancellationToken = default) =>
        (await store.GetAsync<Procuration>(GivenKey(scope, scopeId, commune), cancellationToken))?.Value;

    public async Task<Procuration?> HeldByAsync(ProcurationScope scope, string scopeId, string holderAadObjectId, CancellationToken cancellationToken = default) =>
        (await store.GetAsync<Procuration>(HeldKey(scope, scopeId, holderAadObjectId), cancellationToken))?.Value;

    public Task<IReadOnlyList<Procuration>> ListAsync(ProcurationScope scope, string scopeId, CancellationToken cancellationToken = default) =>
        store.ListValuesAsync<Procuration>(PrefixOf(scope, scopeId) + "given/", cancellationToken);

    private static string PrefixOf(ProcurationScope scope, string scopeId) =>
        $"procurations/{scope.ToString().ToLowerInvariant()}/{DocumentKey.Segment(scopeId)}/";

    private static string GivenKey(ProcurationScope scope, string scopeId, string commune) =>
        PrefixOf(scope, scopeId) + "given/" + DocumentKey.Segment(commune);

    private static string HeldKey(ProcurationScope scope, string scopeId, string holderAadObjectId) =>
        PrefixOf(scope, scopeId) + "held/" + DocumentKey.Segment(holderAadObjectId.ToLowerInvariant());
}
