using System.Diagnostics;
using System.Globalization;

namespace BepBot.Benchmarks;

/// <summary>
/// CPU time used so far by this process (the bot and its in-process test client) and by Azurite's processes, read from
/// /proc: what one click costs each side, whatever else the machine runs.
/// </summary>
public readonly record struct CpuMeter(TimeSpan Bot, TimeSpan Azurite)
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux

    public static CpuMeter Now()
    {
        using var self = Process.GetCurrentProcess();
        var azurite = TimeSpan.Zero;
        foreach (var folder in Directory.EnumerateDirectories("/proc").Where(path => int.TryParse(Path.GetFileName(path), out _)))
        {
            try
            {
                if (File.ReadAllText(Path.Combine(folder, "cmdline")).Contains("azurite", StringComparison.Ordinal))
                {
                    var fields = File.ReadAllText(Path.Combine(folder, "stat")).Split(')')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    // utime and stime are the 14th and 15th fields of stat, the 12th and 13th after the command name.
                    azurite += TimeSpan.FromSeconds((long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond);
                }
            }
            catch (IOException)
            {
                // A process that ended while we looked.
            }
        }

        return new CpuMeter(self.TotalProcessorTime, azurite);
    }

    public static CpuMeter operator -(CpuMeter after, CpuMeter before) => new(after.Bot - before.Bot, after.Azurite - before.Azurite);
}
