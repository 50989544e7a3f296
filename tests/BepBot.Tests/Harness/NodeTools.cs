using System.ComponentModel;
using System.Diagnostics;
using BepBot.Tests.Cards;

namespace BepBot.Tests.Harness;

/// <summary>
/// The pinned Node tools of tests/node (Azurite, the official Adaptive Cards packages, the manifest schemas).
/// ./test.sh installs them and sets BEPBOT_TEST_NODE_TOOLS; a plain `dotnet test` on a fresh clone installs them
/// here, once per test run.
/// </summary>
internal static class NodeTools
{
    private static readonly string[] Packages = ["azurite", "adaptivecards", "adaptivecards-templating", "@microsoft/app-manifest"];
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(10);
    private static readonly Lazy<string> FolderValue = new(Resolve);

    public static string Folder => FolderValue.Value;

    /// <summary>Starts node or npm; a machine without Node.js gets a message that says what to install.</summary>
    public static Process Start(ProcessStartInfo start)
    {
        try
        {
            return Process.Start(start) ?? throw new InvalidOperationException($"{start.FileName} did not start.");
        }
        catch (Win32Exception error)
        {
            throw new InvalidOperationException(
                "Node.js 20 (node and npm on the PATH) is needed to run the tests: they start Azurite and check the cards with the tools of tests/node. "
                + "Install it, or open the repository in its dev container (.devcontainer/).",
                error);
        }
    }

    private static string Resolve()
    {
        var configured = Environment.GetEnvironmentVariable("BEPBOT_TEST_NODE_TOOLS");
        var folder = string.IsNullOrWhiteSpace(configured) ? Path.Combine(CardTestPaths.RepositoryRoot, "tests", "node") : configured;
        if (!IsInstalled(folder))
        {
            Install(folder);
        }

        return IsInstalled(folder)
            ? folder
            : throw new InvalidOperationException($"`npm ci` in '{folder}' did not install {string.Join(", ", Packages)}.");
    }

    private static bool IsInstalled(string folder) =>
        Packages.All(package => File.Exists(Path.Combine(folder, "node_modules", package, "package.json")));

    private static void Install(string folder)
    {
        var start = new ProcessStartInfo(OperatingSystem.IsWindows() ? "npm.cmd" : "npm")
        {
            ArgumentList = { "ci", "--no-audit", "--no-fund", "--loglevel=error" },
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var npm = Start(start);
        var output = npm.StandardOutput.ReadToEndAsync();
        var errors = npm.StandardError.ReadToEndAsync();
        if (!npm.WaitForExit(InstallTimeout))
        {
            npm.Kill(entireProcessTree: true);
            throw new TimeoutException($"`npm ci` in '{folder}' did not finish within {InstallTimeout}.");
        }

        if (npm.ExitCode != 0)
        {
            throw new InvalidOperationException($"`npm ci` in '{folder}' exited with {npm.ExitCode}: {output.Result}{errors.Result}");
        }
    }
}
