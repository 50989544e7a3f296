namespace BepBot.Tests.Cards;

// Where the repository, the cards and the test cases are, from the test's output folder.
internal static class CardTestPaths
{
    private static readonly Lazy<string> Root = new(FindRepositoryRoot);

    public static string RepositoryRoot => Root.Value;

    public static string CardsRoot => Path.Combine(RepositoryRoot, "cards");

    public static string CasesRoot => Path.Combine(RepositoryRoot, "tests", "BepBot.Tests", "Cards", "Cases");

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
