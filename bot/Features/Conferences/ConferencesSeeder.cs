using BepBot.Infrastructure;
using BepBot.Infrastructure.Storage;
using BepBot.Infrastructure.Text;
using BepBot.Infrastructure.Time;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace BepBot.Features.Conferences;

/// <summary>
/// Local play: an upcoming Conférence des Bourgmestres of the whole province with its date poll open, stored as
/// `planifier une conférence` stores it. The poll is not broadcast (the Playground users have no conversation for it
/// to reach yet): bourgmestres find it with `conférences`, staff see its tally there.
/// </summary>
public sealed partial class ConferencesSeeder(
    ConferenceStore store,
    IOptions<ConferenceOptions> options,
    IStringLocalizer<ConferencesTexts> texts,
    TimeProvider clock,
    IHostEnvironment environment,
    ILogger<ConferencesSeeder> logger) : DemoSeeder(logger, environment)
{
    public const string SessionId = "democonference1";
    private const string Author = "BEP (démonstration)";

    protected override bool Enabled => options.Value.SeedDemo;

    protected override string What => "the conference";

    protected override async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await store.GetAsync(SessionId, cancellationToken) is not null)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var afternoon = new TimeOnly(14, 0);
        var first = BelgianTime.Next(DayOfWeek.Thursday, now, 21, afternoon);
        string change;
        using (CultureScope.Use(BelgianTime.French))
        {
            change = texts["Change_Created", Author];
        }

        var session = new ConferenceSession(
            SessionId,
            1,
            "Conférence des Bourgmestres — données de démonstration",
            null,
            "BEP, avenue Sergent Vrithoff 2, Namur",
            false,
            150,
            [first, BelgianTime.Next(DayOfWeek.Tuesday, first, 5, afternoon), BelgianTime.Next(DayOfWeek.Thursday, first, 7, afternoon)],
            null,
            QuorumRule.Majority,
            ConferenceState.DatePoll,
            [],
            0,
            [],
            null,
            new CalendarSync(CalendarSyncState.Pending),
            now,
            Author,
            now,
            Author,
            change);
        try
        {
            await store.CreateAsync(session, cancellationToken);
            LogSeeded(logger, session.Id, session.CandidateDates.Count);
        }
        catch (DocumentConflictException)
        {
            // Another instance seeded it first.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Conferences seeded with the DEMO session {SessionId} and its date poll ({Dates} dates; local play only)")]
    private static partial void LogSeeded(ILogger logger, string sessionId, int dates);
}
