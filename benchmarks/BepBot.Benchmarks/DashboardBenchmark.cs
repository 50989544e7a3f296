using System.Diagnostics;
using System.Globalization;
using System.Net;
using BepBot.Chat;
using BepBot.Features.Conferences;
using BepBot.Features.Labs;
using BepBot.Features.Roster;
using BepBot.Features.Votes;
using BepBot.Platform.Delivery;
using BepBot.Platform.Territory;
using BepBot.Tests.Harness;
using BepBot.Tests.Labs;
using BepBot.Tests.Votes;
using Microsoft.Extensions.DependencyInjection;

namespace BepBot.Benchmarks;

/// <summary>
/// The staff tab's pages as the tab asks for them: GET /tab/api/pages/{name} with a Teams single sign-on token (signed
/// with the fake Entra ID's key), through the bot's whole ASP.NET Core pipeline in-process (TestServer: authentication,
/// roster, culture, the page, JSON), on Azurite holding the 40 communes, 1,000 seminar registrations, a broadcast of
/// 10,000 deliveries, a ballot all 40 communes voted on and a conference with answers. Warm-up requests first, then
/// timed ones per page; a page that does not answer 200 is a mistake.
/// </summary>
public static class DashboardBenchmark
{
    public const string NotOk = "requests not answered 200";

    private const int Officers = 1_000;
    private const int Labs = 4;
    private const int Deliveries = 10_000;
    private const int FailedDeliveries = 150;
    private const int UnreachableDeliveries = 250;

    // A page far too slow is shown as such after this long, rather than holding the machine for an hour.
    private static readonly TimeSpan PageBudget = TimeSpan.FromSeconds(60);

    public static async Task<IReadOnlyList<(string Name, string Value)>> RunAsync(int timed, int warmUp)
    {
        await using var bot = new BotApplication(settings: new Dictionary<string, string?>(FakeEntraId.Shared.Settings)
        {
            ["Logging:LogLevel:Default"] = "Warning",
            ["Observatoire:SeedDemo"] = "true",
            // The bot's own roster cache, not the tests' (none).
            ["Roster:CacheDuration"] = null,
        });
        using var teams = bot.CreateTeamsClient();
        var seeding = Stopwatch.StartNew();
        Console.WriteLine("Seeding: roster, seminars, broadcast, ballot, conference…");
        var bourgmestres = await SeedRosterAsync(bot);
        var labId = await SeedLabsAsync(bot);
        var broadcastId = await SeedBroadcastAsync(bot);
        var ballotId = await SeedBallotAsync(bot, teams, bourgmestres);
        var sessionId = await SeedConferenceAsync(bot);
        Console.WriteLine($"Seeded in {seeding.Elapsed.TotalSeconds:F0} s.");

        var tab = new TabClient(bot.CreateClient());
        tab.Http.Timeout = TimeSpan.FromSeconds(30);
        var staff = FakeEntraId.Shared.TokenFor(TeamsUser.Alex);
        var bourgmestre = FakeEntraId.Shared.TokenFor(TeamsUser.Megan);
        (string Label, string Path, string Token)[] pages =
        [
            ("Vue d'ensemble", "overview", staff),
            ("Votes", "votes", staff),
            ("Votes: the ballot (40 ballots cast)", "votes?ballot=" + ballotId, staff),
            ("Séances", "conferences", staff),
            ("Séances: the session (answers of 30 communes)", "conferences?session=" + sessionId, staff),
            ("Séminaires", "labs", staff),
            ("Séminaires: one seminar (250 registrations)", "labs?lab=" + labId, staff),
            ("Diffusions", "broadcasts", staff),
            ($"Diffusions: the broadcast ({Deliveries:N0} deliveries)", "broadcasts?broadcast=" + broadcastId, staff),
            ($"Annuaire ({Officers + TerritoryMap.Communes.Count + 3} members)", "roster", staff),
            ("Observatoire: Namur", "observatoire?commune=Namur", staff),
            ("Ma commune (a bourgmestre)", "commune", bourgmestre),
        ];

        var figures = new List<(string Name, string Value)>
        {
            ("store", "Azurite blob, in memory; the bot in-process (TestServer), each request through its whole pipeline: token check, roster, page, JSON"),
            ("data", $"{TerritoryMap.Communes.Count} communes; {Officers:N0} officers + {TerritoryMap.Communes.Count} bourgmestres in the roster; {Labs} seminars, {Officers:N0} registrations; 1 broadcast of {Deliveries:N0} deliveries ({FailedDeliveries} failed, {UnreachableDeliveries} unreachable); 1 ballot, 40 votes; 1 conference, 30 answers"),
            ("requests per page", $"{warmUp} warm-up, then {timed} timed one after the other (or as many as fit in {PageBudget.TotalSeconds:F0} s)"),
        };
        var notOk = 0;
        foreach (var (label, path, token) in pages)
        {
            Console.WriteLine($"{label}…");
            for (var i = 0; i < warmUp; i++)
            {
                notOk += await RequestAsync(tab, path, token) is null ? 1 : 0;
            }

            var times = new List<double>();
            using var storeCalls = new StoreCallCounter();
            var budget = Stopwatch.StartNew();
            for (var i = 0; i < timed && budget.Elapsed < PageBudget; i++)
            {
                if (await RequestAsync(tab, path, token) is { } elapsed)
                {
                    times.Add(elapsed);
                }
                else
                {
                    notOk++;
                }
            }

            times.Sort();
            figures.Add((label, times.Count == 0
                ? "no answer"
                : string.Create(CultureInfo.InvariantCulture, $"p50 {Percentile(times, 0.50):F0} ms, p99 {Percentile(times, 0.99):F0} ms, max {times[^1]:F0} ms{(times.Count < timed ? $" ({times.Count} requests within {PageBudget.TotalSeconds:F0} s)" : string.Empty)}; store calls per load {storeCalls.PerTurn(times.Count)}, {storeCalls.MeanDuration()} each")));
            Console.WriteLine($"  {figures[^1].Value}");
        }

        figures.Add((NotOk, notOk.ToString(CultureInfo.InvariantCulture)));
        return figures;
    }

    private static async Task<double?> RequestAsync(TabClient tab, string path, string token)
    {
        var watch = Stopwatch.StartNew();
        HttpResponseMessage response;
        try
        {
            response = await tab.GetAsync("pages/" + path, token);
        }
        catch (TaskCanceledException)
        {
            Console.Error.WriteLine($"{path}: no answer within {tab.Http.Timeout.TotalSeconds:F0} s");
            return null;
        }

        using var answered = response;
        var body = await response.Content.ReadAsStringAsync();
        var elapsed = watch.Elapsed.TotalMilliseconds;
        if (response.StatusCode != HttpStatusCode.OK)
        {
            Console.Error.WriteLine($"{path}: {(int)response.StatusCode} {body[..Math.Min(body.Length, 300)]}");
            return null;
        }

        return elapsed;
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    /// <summary>The demo users (Megan is Namur's bourgmestre), a bourgmestre for each other commune and 1,000 officers; nine in ten of them installed BepBot.</summary>
    private static async Task<List<(string Commune, TeamsUser User)>> SeedRosterAsync(BotApplication bot)
    {
        var demo = DemoRoster.Members;
        var taken = demo.Where(member => member.Role == Role.Bourgmestre).Select(member => member.Commune).ToHashSet(StringComparer.Ordinal);
        var others = TerritoryMap.Communes.Where(commune => !taken.Contains(commune.Name))
            .Select((commune, index) => new Member($"{index + 1:00000000}-b000-4000-8000-000000000000", $"Bourgmestre de {commune.Name}", $"bourgmestre{index:00}@commune.example", Role.Bourgmestre, commune.Name))
            .ToList();
        var communes = TerritoryMap.Communes.Select(commune => commune.Name).ToArray();
        var officers = Enumerable.Range(1, Officers)
            .Select(i => new Member($"{i:00000000}-aaaa-bbbb-cccc-dddddddddddd", $"Agent {i:0000}", $"agent{i:0000}@commune.example", Role.Officer, communes[i % communes.Length]))
            .ToList();
        List<Member> all = [.. demo, .. others, .. officers];
        var directory = bot.Services.GetRequiredService<RosterDirectory>();
        await directory.ReplaceAllAsync(all, isDemo: false, "benchmark");
        var conversations = bot.Services.GetRequiredService<ConversationDirectory>();
        await Parallel.ForEachAsync(all.Where((_, index) => index % 10 != 9), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (member, token) =>
            await conversations.SaveAsync(LabFixtures.ConversationFor(member, "http://127.0.0.1:9/"), token));
        return
        [
            .. demo.Where(member => member.Role == Role.Bourgmestre).Select(member => (member.Commune!, new TeamsUser("29:" + member.AadObjectId, member.Name, member.AadObjectId))),
            .. others.Select(member => (member.Commune!, new TeamsUser("29:" + member.AadObjectId, member.Name, member.AadObjectId))),
        ];
    }

    /// <summary>Four seminars of 200 seats, 250 officers registered for each: 50 on each waiting list.</summary>
    private static async Task<string> SeedLabsAsync(BotApplication bot)
    {
        var book = bot.Services.GetRequiredService<LabBook>();
        var communes = TerritoryMap.Communes.Select(commune => commune.Name).ToArray();
        var now = DateTimeOffset.UtcNow;
        string? first = null;
        for (var lab = 0; lab < Labs; lab++)
        {
            var perLab = Officers / Labs;
            var registrations = Enumerable.Range(0, perLab).Select(index =>
            {
                var officer = lab * perLab + index + 1;
                return new Registration($"ticket-{lab}-{index}", index + 1, $"{officer:00000000}-aaaa-bbbb-cccc-dddddddddddd", $"Agent {officer:0000}", communes[officer % communes.Length], index < 200 ? SeatStatus.Confirmed : SeatStatus.Waiting, now, now);
            }).ToList();
            var created = LabFixtures.NewLab(capacity: 200, title: $"Séminaire {lab + 1}") with { Registrations = registrations };
            await book.CreateAsync(created);
            first ??= created.Id;
        }

        return first!;
    }

    /// <summary>A finished broadcast to 10,000 recipients, written as the delivery engine records it: most sent, some failed, some unreachable.</summary>
    private static async Task<string> SeedBroadcastAsync(BotApplication bot)
    {
        var broadcasts = bot.Services.GetRequiredService<BroadcastStore>();
        var id = BroadcastStore.NewId();
        var now = DateTimeOffset.UtcNow;
        await Parallel.ForEachAsync(Enumerable.Range(0, Deliveries), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (index, token) =>
        {
            var record = index < FailedDeliveries
                ? new DeliveryRecord(id, $"person-{index:00000}", $"Destinataire {index:00000}", DeliveryStatus.Failed, 5, now, Why: DeliveryReason.Failed(5, 502))
                : index < FailedDeliveries + UnreachableDeliveries
                    ? new DeliveryRecord(id, $"person-{index:00000}", $"Destinataire {index:00000}", DeliveryStatus.Unreachable, 1, now, Why: DeliveryReason.Gone(404))
                    : new DeliveryRecord(id, $"person-{index:00000}", $"Destinataire {index:00000}", DeliveryStatus.Sent, 1, now, SentAt: now, ActivityId: $"activity-{index}");
            await broadcasts.TryCreateDeliveryAsync(record, token);
        });
        await broadcasts.CreateAsync(new Broadcast(
            id,
            "Nouvelles règles de subsides",
            "Le nouveau règlement des subsides entre en vigueur le 1er janvier.",
            new Audience(AudienceKind.Everyone),
            TeamsUser.Alex.AadObjectId,
            "Alex Wilber",
            now,
            null,
            BroadcastState.Completed,
            RecipientCount: Deliveries,
            StartedAt: now,
            CompletedAt: now));
        // The refresh that completes a broadcast counts its records once and keeps that count (its summary).
        await broadcasts.RecountAsync(id, TimeProvider.System);
        return id;
    }

    /// <summary>An open ballot on the 40 communes, each of which voted through the bot as Teams sends a click.</summary>
    private static async Task<string> SeedBallotAsync(BotApplication bot, TeamsClient teams, List<(string Commune, TeamsUser User)> bourgmestres)
    {
        var ballot = VoteSteps.Motion() with { LiveResults = true };
        await bot.Services.GetRequiredService<BallotLifecycle>().CreateOpenWithoutCardAsync(ballot, CancellationToken.None);
        string[] choices = ["pour", "pour", "contre", "abstention"];
        foreach (var ((commune, user), index) in bourgmestres.Select((pair, index) => (pair, index)))
        {
            var answer = await VoteSteps.VoteAsync(teams, user, ballot.Id, commune, choices[index % choices.Length]);
            if (answer.UpdatedCard is null)
            {
                throw new InvalidOperationException($"The vote of {commune} was not taken: {answer.AllText}");
            }
        }

        return ballot.Id;
    }

    /// <summary>A scheduled Conférence des Bourgmestres in three weeks that 30 communes answered.</summary>
    private static async Task<string> SeedConferenceAsync(BotApplication bot)
    {
        var conferences = bot.Services.GetRequiredService<ConferenceStore>();
        var now = DateTimeOffset.UtcNow;
        var starts = now.AddDays(21);
        var session = new ConferenceSession(
            "benchconference1",
            1,
            "Conférence des Bourgmestres de printemps",
            null,
            "BEP, avenue Sergent Vrithoff 2, Namur",
            false,
            150,
            [starts],
            starts,
            QuorumRule.Majority,
            ConferenceState.Scheduled,
            [new AgendaItem("budget", "Budget 2027", "Alex Wilber", 30, [])],
            0,
            [],
            null,
            new CalendarSync(CalendarSyncState.Pending),
            now,
            "Alex Wilber",
            now,
            "Alex Wilber",
            "benchmark");
        await conferences.CreateAsync(session);
        RsvpAnswer[] answers = [RsvpAnswer.Present, RsvpAnswer.Present, RsvpAnswer.Absent];
        foreach (var (commune, index) in TerritoryMap.Communes.Take(30).Select((commune, index) => (commune.Name, index)))
        {
            await conferences.SaveRsvpAsync(session.Id, new Rsvp(commune, $"{index + 1:00000000}-b000-4000-8000-000000000000", $"Bourgmestre de {commune}", answers[index % answers.Length], null, null, now));
        }

        return session.Id;
    }
}
