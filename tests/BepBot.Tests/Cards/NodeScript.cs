using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using BepBot.Tests.Harness;

namespace BepBot.Tests.Cards;

// Runs one of the tests/node scripts once for a whole batch: JSON in on stdin, JSON out on stdout.
internal static class NodeScript
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public static JsonArray Run(string script, JsonNode input)
    {
        var tools = NodeTools.Folder;
        var start = new ProcessStartInfo("node")
        {
            ArgumentList = { Path.Combine(tools, script) },
            WorkingDirectory = tools,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        // The official engine formats numbers and changes case with the process locale: pin en-US.
        start.Environment["LANG"] = "C.UTF-8";
        start.Environment["LC_ALL"] = "C.UTF-8";

        using var process = NodeTools.Start(start);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(input.ToJsonString());
        process.StandardInput.Close();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"node {script} did not finish within {Timeout}.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"node {script} exited with {process.ExitCode}: {stderr.Result}");
        }

        return JsonNode.Parse(stdout.Result)?.AsArray()
            ?? throw new InvalidOperationException($"node {script} printed no results.");
    }
}
