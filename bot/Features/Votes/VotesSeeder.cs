using BepBot.Infrastructure;
using BepBot.Infrastructure.Storage;
using BepBot.Infrastructure.Text;
using BepBot.Infrastructure.Time;
using BepBot.Platform.Territory;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace BepBot.Features.Votes;

/// <summary>
/// Local play: an open Pour / Contre / Abstention ballot on the 40 communes, closing in two weeks. It opens without
/// sending its card (the Playground users have no conversation for it to reach yet): the bourgmestres find it with
/// `votes`, staff follow it there (« Suivi »).
/// </summary>
public sealed partial class VotesSeeder(
    BallotStore ballots,
    BallotLifecycle lifecycle,
    IOptions<VotesOptions> options,
    IStringLocalizer<VotesTexts> texts,
    TimeProvider clock,
    IHostEnvironment environment,
    ILogger<VotesSeeder> logger) : DemoSeeder(logger, environment)
{
    // Ballot ids are 12 lower-case hex digits.
    public const string BallotId = "de0000000001";

    protected override bool Enabled => options.Value.SeedDemo;

    protected override string What => "the ballot";

    protected override async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await ballots.GetAsync(BallotId, cancellationToken) is not null)
        {
            return;
        }

        var now = clock.GetUtcNow();
        IReadOnlyList<BallotChoice> choices;
        using (CultureScope.Use(BelgianTime.French))
        {
            choices = [new(Ballot.ForId, texts["Choice_For"]), new(Ballot.AgainstId, texts["Choice_Against"]), new(Ballot.AbstentionId, texts["Choice_Abstention"])];
        }

        var ballot = new Ballot(
            BallotId,
            "(Démo) Approuvez-vous le plan commun de mobilité douce ?",
            "Vote de démonstration (données de démonstration) : il ne décide rien. Il montre comment une commune vote, change son vote jusqu'à la clôture ou donne procuration.",
            [],
            choices,
            ChoiceMode.One,
            null,
            [.. TerritoryMap.Communes.Select(commune => commune.Name)],
            null,
            BelgianTime.Next(DayOfWeek.Friday, now, 12, new TimeOnly(18, 0)),
            Secret: false,
            QuorumKind.None,
            0,
            MajorityRule.Simple,
            AbstentionsCount: false,
            LiveResults: true,
            SessionId: null,
            AgendaItemId: null,
            BallotState.Scheduled,
            "demo",
            "BEP (démonstration)",
            now);
        try
        {
            await lifecycle.CreateOpenWithoutCardAsync(ballot, cancellationToken);
            LogSeeded(logger, ballot.Id);
        }
        catch (DocumentConflictException)
        {
            // Another instance seeded it first.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Votes seeded with the open DEMO ballot {BallotId} (local play only)")]
    private static partial void LogSeeded(ILogger logger, string ballotId);
}
