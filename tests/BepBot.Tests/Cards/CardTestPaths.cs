namespace BepBot.Tests.Cards;

// Where the cards, the test cases and the Node tools are, from the test's output folder.
internal static class CardTestPaths
{
    private static readonly Lazy<string> Root = new(FindRepositoryRoot);

    public static string RepositoryRoot => Root.Value;

    public static string CardsRoot => Path.Combine(RepositoryRoot, "cards");

    public static string CasesRoot => Path.Combine(RepositoryRoot, "tests", "BepBot.Tests", "Cards", "Cases");

    // The test command sets BEPBOT_TEST_NODE_TOOLS to tests/node; a plain `dotnet test` finds it from the root.
    public static string NodeTools
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable("BEPBOT_TEST_NODE_TOOLS");
            var folder = string.IsNullOrWhiteSpace(configured) ? Path.Combine(RepositoryRoot, "tests", "node") : configured;
            if (!Directory.Exists(Path.Combine(folder, "node_modules", "adaptivecards-templating"))
                || !Directory.Exists(Path.Combine(folder, "node_modules", "adaptivecards")))
            {
                throw new InvalidOperationException(
                    $"The Node test tools are not installed in '{folder}': run `npm ci --prefix tests/node` (./test.sh does it).");
            }

            return folder;
        }
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "BepBot.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No BepBot.sln above {AppContext.BaseDirectory}.");
    }
}
