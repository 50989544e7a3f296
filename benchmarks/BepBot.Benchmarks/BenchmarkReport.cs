using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace BepBot.Benchmarks;

/// <summary>Rewrites one benchmark's section of docs/benchmarks.md, keeping the others.</summary>
public static class BenchmarkReport
{
    /// <summary>The command line that produced the figures, as the reader would type it again.</summary>
    public static string Command { get; set; } = "./bench.sh";

    /// <summary>The machine's 1-minute load average (/proc/loadavg), or null where there is none (not Linux).</summary>
    public static double? LoadAverage() =>
        File.Exists("/proc/loadavg") && double.TryParse(File.ReadAllText("/proc/loadavg").Split(' ')[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var load)
            ? load
            : null;

    /// <summary>What the figures depend on besides the code: the cores, and how busy they were (other work shares them).</summary>
    public static string Machine(double? loadBefore, double? loadAfter) =>
        string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessorCount} cores ({RuntimeInformation.OSDescription}), 1-minute load average {Load(loadBefore)} before the run and {Load(loadAfter)} after it");

    public static void Record(string path, string key, string title, IReadOnlyList<(string Name, string Value)> figures, string machine)
    {
        var start = $"<!-- {key}:start -->";
        var end = $"<!-- {key}:end -->";
        var section = new StringBuilder()
            .AppendLine(start)
            .AppendLine(CultureInfo.InvariantCulture, $"## {title}")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Measured {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC on {machine}, with `{Command}`.")
            .AppendLine()
            .AppendLine("| figure | value |")
            .AppendLine("|---|---|");
        foreach (var (name, value) in figures)
        {
            section.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {value} |");
        }

        section.Append(end);
        var existing = File.Exists(path) ? File.ReadAllText(path) : "# Benchmarks\n\nFigures printed by `./bench.sh`; never asserted in tests.\n";
        var from = existing.IndexOf(start, StringComparison.Ordinal);
        var to = existing.IndexOf(end, StringComparison.Ordinal);
        var updated = from >= 0 && to > from
            ? existing[..from] + section + existing[(to + end.Length)..]
            : existing.TrimEnd() + "\n\n" + section + "\n";
        File.WriteAllText(path, updated);
    }

    private static string Load(double? load) => load is { } value ? value.ToString("F2", CultureInfo.InvariantCulture) : "unknown";
}
