using BepBot.Chat;
using BepBot.Infrastructure;
using BepBot.Infrastructure.Storage;
using BepBot.Platform.Delivery;
using Microsoft.Extensions.Options;

namespace BepBot.Features.Broadcasts;

/// <summary>
/// Local play: one announcement to the bourgmestres, already finished, so that `diffusions` has a delivery report to
/// show. Nothing is sent: the Playground users have no conversation for Teams to deliver to at start. The broadcast and
/// its per-recipient outcomes are written as the engine records them, marked as demo in the title, the message and
/// each outcome's reason (which the CSV report shows).
/// </summary>
public sealed partial class BroadcastsSeeder(
    BroadcastStore broadcasts,
    IMemberDirectory roster,
    IOptions<BroadcastOptions> options,
    TimeProvider clock,
    IHostEnvironment environment,
    ILogger<BroadcastsSeeder> logger) : DemoSeeder(logger, environment)
{
    public const string BroadcastId = "demoannouncement1";

    protected override bool Enabled => options.Value.SeedDemo;

    protected override string What => "the announcement";

    protected override async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await broadcasts.GetAsync(BroadcastId, cancellationToken) is not null)
        {
            return;
        }

        var bourgmestres = (await roster.ListAsync(cancellationToken)).Where(member => member.Role == Role.Bourgmestre).ToList();
        if (bourgmestres.Count == 0)
        {
            LogNoRecipients(logger);
            return;
        }

        var now = clock.GetUtcNow();
        // Outcomes first, the broadcast last: a seed cut off half-way is finished by the next start, never shown half-done.
        foreach (var member in bourgmestres)
        {
            await broadcasts.TryCreateDeliveryAsync(
                new DeliveryRecord(BroadcastId, AudienceResolver.KeyOf(member), member.Name, DeliveryStatus.Sent, 1, now, SentAt: now, Why: new(DeliveryReasonKind.Demonstration), Commune: member.Commune),
                cancellationToken);
        }

        var broadcast = new Broadcast(
            BroadcastId,
            "Deux séminaires ouverts aux inscriptions (démonstration)",
            "Données de démonstration. Deux séminaires sont ouverts au personnel communal : tapez **séminaires** pour les voir et vous inscrire.",
            new Audience(AudienceKind.AllBourgmestres),
            "demo",
            "BEP (démonstration)",
            now,
            null,
            BroadcastState.Completed,
            RecipientCount: bourgmestres.Count,
            StartedAt: now,
            CompletedAt: now);
        try
        {
            await broadcasts.CreateAsync(broadcast, cancellationToken);
            LogSeeded(logger, BroadcastId, bourgmestres.Count);
        }
        catch (DocumentConflictException)
        {
            // Another instance seeded it first.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Broadcasts seeded with the finished DEMO announcement {BroadcastId} ({Recipients} recipients, nothing sent; local play only)")]
    private static partial void LogSeeded(ILogger logger, string broadcastId, int recipients);

    [LoggerMessage(Level = LogLevel.Information, Message = "No demo announcement seeded: the roster has no bourgmestre")]
    private static partial void LogNoRecipients(ILogger logger);
}
