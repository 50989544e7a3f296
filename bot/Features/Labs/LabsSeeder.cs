using BepBot.Infrastructure;
using BepBot.Infrastructure.Scheduling;
using BepBot.Infrastructure.Storage;
using BepBot.Infrastructure.Time;
using Microsoft.Extensions.Options;

namespace BepBot.Features.Labs;

/// <summary>
/// Local play: two seminars on the seed page's themes, one with free seats and one full with a waiting list.
/// Their registrants are invented people (never the Playground users, so Patti and Lynne can still register), placed
/// through <see cref="LabBook"/> like any registration, so the seat and waiting-list rules hold.
/// </summary>
public sealed partial class LabsSeeder(
    LabBook book,
    JobBook jobs,
    IOptions<LabsOptions> options,
    TimeProvider clock,
    IHostEnvironment environment,
    ILogger<LabsSeeder> logger) : DemoSeeder(logger, environment)
{
    // Lab ids are 12 lower-case hex digits.
    public const string OpenLabId = "de0000000011";
    public const string FullLabId = "de0000000012";
    private const string Author = "BEP (démonstration)";
    private const string Place = "BEP, avenue Sergent Vrithoff 2, Namur";

    public static IReadOnlyList<DemoRegistrant> Registrants { get; } =
    [
        new("00000000-0000-0000-0000-00000000d101", "Camille Lambert (démo)", "Gembloux"),
        new("00000000-0000-0000-0000-00000000d102", "Julien Petit (démo)", "Andenne"),
        new("00000000-0000-0000-0000-00000000d103", "Sarah Renard (démo)", "Rochefort"),
        new("00000000-0000-0000-0000-00000000d104", "Thomas Dubois (démo)", "Philippeville"),
        new("00000000-0000-0000-0000-00000000d105", "Élise Martin (démo)", "Sambreville"),
    ];

    protected override bool Enabled => options.Value.SeedDemo;

    protected override string What => "the seminars";

    protected override async Task SeedAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var tuesday = BelgianTime.Next(DayOfWeek.Tuesday, now, 14, new TimeOnly(9, 30));
        var thursday = BelgianTime.Next(DayOfWeek.Thursday, now, 21, new TimeOnly(14, 0));
        await SeedLabAsync(
            new Lab(
                OpenLabId,
                new LabDetails(
                    LabInput.SeedThemes[0],
                    "La cybersécurité dans nos communes (démonstration)",
                    "Données de démonstration. Sauvegardes, hameçonnage, plan de réaction : retours d'expérience de communes de la province et exercices pratiques.",
                    tuesday,
                    tuesday.AddMinutes(150),
                    Place,
                    null,
                    LabAudience.Everyone,
                    tuesday.AddDays(-2)),
                20,
                null,
                LabState.Open,
                Author,
                now,
                []),
            Registrants.Take(2),
            cancellationToken);
        await SeedLabAsync(
            new Lab(
                FullLabId,
                new LabDetails(
                    LabInput.SeedThemes[3],
                    "Commerces de proximité : revitaliser les centres (démonstration)",
                    "Données de démonstration. Travail en petit groupe sur les cellules vides, les marchés locaux et les partenariats avec les commerçants.",
                    thursday,
                    thursday.AddMinutes(150),
                    Place,
                    null,
                    LabAudience.Officers,
                    thursday.AddDays(-2)),
                3,
                null,
                LabState.Open,
                Author,
                now,
                []),
            Registrants,
            cancellationToken);
    }

    private async Task SeedLabAsync(Lab lab, IEnumerable<DemoRegistrant> registrants, CancellationToken cancellationToken)
    {
        var current = await book.FindAsync(lab.Id, cancellationToken);
        if (current is null)
        {
            try
            {
                await book.CreateAsync(lab, cancellationToken);
                await LabStartJob.ScheduleAllAsync(jobs, lab, options, cancellationToken);
                LogSeeded(logger, lab.Id, lab.Capacity);
            }
            catch (DocumentConflictException)
            {
                // Another instance seeded it first; its registrations below are create-if-absent too.
            }

            current = await book.FindAsync(lab.Id, cancellationToken);
        }

        // One at a time, in order: the first ones take the seats, the others wait.
        foreach (var person in registrants)
        {
            if (current?.ActiveOf(person.AadObjectId) is null)
            {
                current = await book.RegisterAsync(lab.Id, person.AadObjectId, person.Name, person.Commune, byStaff: false, cancellationToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Labs seeded with the DEMO lab {LabId} ({Capacity} seats; local play only)")]
    private static partial void LogSeeded(ILogger logger, string labId, int capacity);
}
