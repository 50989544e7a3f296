using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using BepBot.Tests.Cards;
using BepBot.Tests.Harness;

namespace BepBot.Tests.Manifest;

// A copy of manifest/ in a temporary folder, which a test may break, and the package command run on it
// (node tools/package/package.js, the same script tools/package/package.sh runs).
internal sealed class AppPackage : IDisposable
{
    public const string AppId = "5b0f3c2d-7e41-4a86-9c1d-2f3e4a5b6c7d";
    public const string BotId = "c4a1e7d2-3b5f-4e68-8a9b-0d1c2e3f4a5b";
    public const string Domain = "bepbot-test.azurewebsites.net";

    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public AppPackage()
    {
        Root = Directory.CreateTempSubdirectory("bepbot-package-").FullName;
        ManifestFolder = Path.Combine(Root, "manifest");
        Copy(Path.Combine(CardTestPaths.RepositoryRoot, "manifest"), ManifestFolder);
    }

    public string Root { get; }

    public string ManifestFolder { get; }

    public string OutputFolder => Path.Combine(Root, "out");

    public Dictionary<string, string> Values { get; } = new()
    {
        ["BEPBOT_APP_ID"] = AppId,
        ["BEPBOT_BOT_ID"] = BotId,
        ["BEPBOT_BOT_DOMAIN"] = Domain,
    };

    public string ZipPath => Path.Combine(OutputFolder, "bepbot-1.0.0.zip");

    public JsonObject ReadJson(string file) => JsonNode.Parse(File.ReadAllText(Path.Combine(ManifestFolder, file)))!.AsObject();

    public void WriteJson(string file, JsonNode json) => File.WriteAllText(Path.Combine(ManifestFolder, file), json.ToJsonString());

    public void Edit(string file, Action<JsonObject> change)
    {
        var json = ReadJson(file);
        change(json);
        WriteJson(file, json);
    }

    public PackageResult Build()
    {
        var start = new ProcessStartInfo("node")
        {
            ArgumentList =
            {
                Path.Combine(CardTestPaths.RepositoryRoot, "tools", "package", "package.js"),
                "--manifest", ManifestFolder,
                "--out", OutputFolder,
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        start.Environment["BEPBOT_TEST_NODE_TOOLS"] = NodeTools.Folder;
        foreach (var name in start.Environment.Keys.Where(name => name.StartsWith("BEPBOT_", StringComparison.Ordinal) && name != "BEPBOT_TEST_NODE_TOOLS").ToList())
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in Values)
        {
            start.Environment[name] = value;
        }

        using var process = NodeTools.Start(start);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"the package command did not finish within {Timeout}.");
        }

        return new PackageResult(process.ExitCode, stdout.Result, stderr.Result);
    }

    public Dictionary<string, byte[]> ReadZip()
    {
        using var zip = ZipFile.OpenRead(ZipPath);
        return zip.Entries.ToDictionary(entry => entry.FullName, entry =>
        {
            using var stream = entry.Open();
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            return buffer.ToArray();
        });
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var folder in Directory.GetDirectories(from))
        {
            Copy(folder, Path.Combine(to, Path.GetFileName(folder)));
        }
    }
}

internal sealed record PackageResult(int ExitCode, string Output, string Errors);
