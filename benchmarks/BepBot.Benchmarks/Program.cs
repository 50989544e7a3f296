using System.Globalization;
using BepBot.Benchmarks;

// Benchmarks print figures; they never assert timings. `./bench.sh` runs them with Azurite and records the
// figures in docs/benchmarks.md. Usage: BepBot.Benchmarks messenger | broadcast [recipients] [limit] [LocalFolder|Blob] | votes [communes] [in flight] [--record <file>]
var recordPath = args.SkipWhile(arg => arg != "--record").Skip(1).FirstOrDefault();
var positional = args.TakeWhile(arg => arg != "--record").ToArray();
var which = positional.FirstOrDefault() ?? "broadcast";
if (which == "messenger")
{
    var sends = await MessengerBenchmark.RunAsync();
    foreach (var (name, value) in sends)
    {
        Console.WriteLine($"{name,-42} {value}");
    }

    if (recordPath is not null)
    {
        BenchmarkReport.Record(recordPath, "messenger", "Proactive sends through the Bot Connector client", sends);
    }

    return 0;
}

if (which == "votes")
{
    var communes = positional.Length > 1 ? int.Parse(positional[1], CultureInfo.InvariantCulture) : 1_000;
    var inFlight = positional.Length > 2 ? int.Parse(positional[2], CultureInfo.InvariantCulture) : 100;
    var votes = await VoteBenchmark.RunAsync(communes, inFlight);
    foreach (var (name, value) in votes)
    {
        Console.WriteLine($"{name,-42} {value}");
    }

    if (recordPath is not null)
    {
        BenchmarkReport.Record(recordPath, $"votes-{communes}", $"Votes: {communes} communes on one ballot (Azurite)", votes);
    }

    return votes.Any(figure => figure.Name is "lost votes" or "double votes" && figure.Value != "0") ? 1 : 0;
}

if (which != "broadcast")
{
    Console.Error.WriteLine($"Unknown benchmark '{which}'. Known: messenger, broadcast, votes.");
    return 2;
}

var recipients = positional.Length > 1 ? int.Parse(positional[1], CultureInfo.InvariantCulture) : 10_000;
var limit = positional.Length > 2 ? int.Parse(positional[2], CultureInfo.InvariantCulture) : 50;
var store = positional.Length > 3 ? positional[3] : "LocalFolder";
var figures = await BroadcastBenchmark.RunAsync(recipients, limit, store);
foreach (var (name, value) in figures)
{
    Console.WriteLine($"{name,-42} {value}");
}

if (recordPath is not null)
{
    BenchmarkReport.Record(recordPath, $"broadcast-{store.ToLowerInvariant()}-{recipients}", $"Broadcast to {recipients} recipients ({store})", figures);
}

return figures.Any(figure => figure.Name is "duplicates" or "losses" && figure.Value != "0") ? 1 : 0;
