using System.Globalization;
using BepBot.Benchmarks;

// Benchmarks print figures; they never assert timings. `./bench.sh` (no argument: every benchmark) runs them with
// Azurite and rewrites their sections of docs/benchmarks.md. Usage: BepBot.Benchmarks [all | <name> [args]] [--record <file>]
var recordPath = args.SkipWhile(arg => arg != "--record").Skip(1).FirstOrDefault();
var positional = args.TakeWhile(arg => arg != "--record").ToArray();
var which = positional.FirstOrDefault() ?? "all";

var benchmarks = new List<Benchmark>
{
    new("turns", "[turns=2000]", "turn latency of `aide` and a vote click, local store and Azurite", options => TurnLatencyBenchmark.RunAllAsync(Number(options, 0, 2_000))),
    new("messenger", string.Empty, "raw proactive sends per second", async _ => [new("messenger", "Proactive sends through the Bot Connector client", await MessengerBenchmark.RunAsync())]),
    new("broadcast", "[recipients=2000] [limit=50] [LocalFolder|Blob=Blob]", "a broadcast against a rate-limited fake Teams", async options =>
    {
        var (recipients, limit, store) = (Number(options, 0, 2_000), Number(options, 1, 50), options.ElementAtOrDefault(2) ?? "Blob");
        return [new($"broadcast-{store.ToLowerInvariant()}-{recipients}", $"Broadcast to {recipients} recipients, its cards updated while it goes out ({store})", await BroadcastBenchmark.RunAsync(recipients, limit, store), BroadcastBenchmark.MustBeZero)];
    }),
    new("labs", "[officers=500] [seats=30] [LocalFolder|Blob=Blob]", "officers registering for one seminar at the same second", async options =>
    {
        var (officers, seats, store) = (Number(options, 0, 500), Number(options, 1, 30), options.ElementAtOrDefault(2) ?? "Blob");
        return [new($"labs-{officers}-{seats}{Suffix(store)}", $"Seminars: {officers} officers register at the same second for {seats} seats ({store})", await LabsBenchmark.RunAsync(officers, seats, store),
            "overbooked", "lost", "clicks without a card back", "of which answered as a duplicate delivery", "seats not going to the first arrivals", "late cards never replaced", "late cards replaced twice")];
    }),
    new("observatoire", string.Empty, "diagnostic cards with charts for the 40 communes", async _ =>
        [new("observatoire", "Observatoire: diagnostic cards with charts for the 40 communes", await ObservatoireBenchmark.RunAsync())]),
    new("qa", "[projects=5000] [LocalFolder|Blob=LocalFolder]", "project questions answered from a register of 5,000 projects", async options =>
    {
        var (projects, store) = (Number(options, 0, 5_000), options.ElementAtOrDefault(1) ?? "LocalFolder");
        return [new(projects == 5_000 && store == "LocalFolder" ? "qa" : $"qa {projects} {store}", $"Project Q&A on a register of {projects} projects ({store} store)", await QaBenchmark.RunAsync(projects, store))];
    }),
    new("votes", "[communes=1000] [in flight=all] [LocalFolder|Blob=Blob]", "synthetic communes voting, then changing their vote, on one ballot through the bot", async options =>
    {
        var (communes, store) = (Number(options, 0, 1_000), options.ElementAtOrDefault(2) ?? "Blob");
        var inFlight = Number(options, 1, communes);
        var figures = await VoteBenchmark.RunAsync(communes, inFlight, store);
        var chain = figures.SingleOrDefault(figure => figure.Name == "audit entries / chain verified").Value;
        return [new($"votes-{communes}{Suffix(store)}", $"Votes: {communes} communes on one ballot, all at once, then all change their vote ({store})", [.. figures, ("audit chain broken", chain?.EndsWith("/ intact", StringComparison.Ordinal) == true ? "0" : "1")],
            "lost votes", "double votes", "audit chain broken", "first votes: late cards never replaced", "first votes: late cards replaced twice", "changed votes: late cards never replaced", "changed votes: late cards replaced twice",
            "first votes: clicks answered with neither the vote nor « prise en compte »", "changed votes: clicks answered with neither the vote nor « prise en compte »")];
    }),
    new("store", "[LocalFolder|Blob=Blob] [operations=3000] [parallel=50]", "what the document store alone does: creates, conditional replaces, reads", async options =>
    {
        var (store, operations, parallel) = (options.ElementAtOrDefault(0) ?? "Blob", Number(options, 1, 3_000), Number(options, 2, 50));
        return [new($"store-{store.ToLowerInvariant()}", $"The document store alone ({store})", await StoreBenchmark.RunAsync(store, operations, parallel, prefill: 3_000))];
    }),
    new("dashboard", "[timed=100] [warm-up=5]", "each staff tab page's server time, on 1,000 registrations and 10,000 deliveries", async options =>
        [new("dashboard", "Staff tab: each page's server time (1,000 registrations, 10,000 deliveries)", await DashboardBenchmark.RunAsync(Number(options, 0, 100), Number(options, 1, 5)), DashboardBenchmark.NotOk)]),
    new("soak", "[seconds=120] [outage seconds=10]", "mixed traffic on two instances with a store outage", async options =>
    {
        var (seconds, outage) = (Number(options, 0, 120), Number(options, 1, 10));
        // Up to 10 s, the outage must go unseen (the turns retry the store within Teams' budget); past that, users are
        // told, and either way nothing acknowledged is lost or sent twice.
        string[] mustBeZero = outage <= 10
            ? ["errors seen by users", "lost writes", "duplicate messages", "overbooked seats", "late cards never replaced", "late cards replaced twice", "bourgmestres without the conference invitation"]
            : ["lost writes", "duplicate messages", "overbooked seats", "late cards never replaced", "late cards replaced twice", "bourgmestres without the conference invitation"];
        var figures = await SoakBenchmark.RunAsync(TimeSpan.FromSeconds(seconds), TimeSpan.FromSeconds(outage));
        return [new(outage == 10 ? "soak" : $"soak-outage-{outage}", $"Soak: mixed traffic, two instances, {outage} s store outage", figures, mustBeZero)];
    }),
};

var selected = which == "all" ? benchmarks : benchmarks.Where(benchmark => benchmark.Name == which).ToList();
if (selected.Count == 0)
{
    Console.Error.WriteLine(which == "help" ? "Benchmarks (./bench.sh alone runs them all):" : $"Unknown benchmark '{which}'. Known:");
    foreach (var benchmark in benchmarks)
    {
        Console.Error.WriteLine($"  ./bench.sh {benchmark.Name} {benchmark.Usage,-52} {benchmark.Description}");
    }

    return which == "help" ? 0 : 2;
}

var failed = false;
foreach (var benchmark in selected)
{
    var options = which == "all" ? [] : positional[1..];
    BenchmarkReport.Command = string.Join(' ', ["./bench.sh", benchmark.Name, .. options]);
    Console.WriteLine($"==> {BenchmarkReport.Command}");
    var loadBefore = BenchmarkReport.LoadAverage();
    var results = await benchmark.RunAsync(options);
    var machine = BenchmarkReport.Machine(loadBefore, BenchmarkReport.LoadAverage());
    Console.WriteLine(machine);
    foreach (var result in results)
    {
        foreach (var (name, value) in result.Figures)
        {
            Console.WriteLine($"{name,-52} {value}");
        }

        if (recordPath is not null)
        {
            BenchmarkReport.Record(recordPath, result.Key, result.Title, result.Figures, machine);
        }

        // Figures that count mistakes (duplicates, losses, overbooking) must be zero: the exit code says so. A counter
        // the benchmark no longer prints fails too, so that renaming a figure cannot silence its check.
        foreach (var mistake in result.MustBeZero)
        {
            var value = result.Figures.Where(figure => figure.Name == mistake).Select(figure => figure.Value).FirstOrDefault();
            if (value != "0")
            {
                Console.Error.WriteLine(value is null ? $"MISTAKE COUNTER NOT PRINTED: {result.Key}: « {mistake} »" : $"MISTAKES: {result.Key}: « {mistake} » = {value}");
                failed = true;
            }
        }
    }
}

return failed ? 1 : 0;

// Azurite keeps the sections it always had; the local folder store gets its own.
static string Suffix(string store) => store == "LocalFolder" ? "-localfolder" : string.Empty;

static int Number(string[] options, int index, int fallback) =>
    options.Length > index ? int.Parse(options[index], CultureInfo.InvariantCulture) : fallback;
