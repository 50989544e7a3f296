using BepBot.Chat;
using BepBot.Features.Welcome;
using BepBot.Platform.Delivery;

namespace BepBot.Tests.Architecture;

/// <summary>
/// The arrows of docs/architecture.md, checked on the compiled bot: Host → Teams → Chat; Host → Dashboard → Chat; Features → Platform, Chat,
/// Cards, Infrastructure; a feature never uses another feature or Teams; nothing below the features uses one.
/// </summary>
public sealed class DependencyDirectionTests
{
    // Which other parts each part may use. A feature (Features.X) and a platform part (Platform.X) are each one part.
    private static readonly Dictionary<string, string[]> MayUse = new()
    {
        ["Host"] = ["Teams", "Dashboard", "Chat", "Cards", "Infrastructure", "Platform", "Features"],
        ["Teams"] = ["Chat", "Cards", "Infrastructure"],
        ["Dashboard"] = ["Chat", "Infrastructure"],
        ["Features"] = ["Platform", "Chat", "Cards", "Infrastructure"],
        ["Platform"] = ["Platform", "Chat", "Cards", "Infrastructure"],
        ["Chat"] = ["Cards", "Infrastructure"],
        ["Cards"] = ["Infrastructure"],
        ["Infrastructure"] = [],
    };

    [Fact]
    public void EveryArrow_PointsTheAllowedWay()
    {
        var wrong = DependencyScanner.Scan(typeof(ChatTurn).Assembly)
            .Select(edge => (Edge: edge, From: PartOf(edge.From), To: PartOf(edge.To)))
            .Where(arrow => arrow.From is not null && arrow.To is not null && arrow.From != arrow.To)
            .Where(arrow => !IsAllowed(arrow.From!, arrow.To!))
            .Select(arrow => $"{arrow.Edge.From.FullName} → {arrow.Edge.To.FullName}")
            .Order(StringComparer.Ordinal)
            .ToList();

        wrong.ShouldBeEmpty(string.Join(Environment.NewLine, wrong));
    }

    [Fact]
    public void ProactiveCalls_GoThroughTheOneSender()
    {
        // The Teams edge implements the port; only the sender calls it, so every proactive call takes the one pace.
        var callers = DependencyScanner.Scan(typeof(ChatTurn).Assembly)
            .Where(edge => edge.To == typeof(IProactiveMessenger))
            .Select(edge => edge.From)
            .Where(type => type.Namespace != "BepBot.Teams")
            .ToList();

        callers.ShouldBe([typeof(ProactiveSender)]);
    }

    [Fact]
    public void Scanner_SeesADependencyUsedOnlyInAMethodBody()
    {
        // Program only calls AddWelcome(): no field, signature or base type names the Welcome feature.
        var edges = DependencyScanner.Scan(typeof(ChatTurn).Assembly);

        edges.ShouldContain(edge => edge.From.Name == "Program" && edge.To == typeof(WelcomeRegistration));
    }

    [Theory]
    [InlineData("Features.Votes", "Features.Conferences", false)]
    [InlineData("Features.Communes", "Features.Projects", false)]
    [InlineData("Features.Votes", "Teams", false)]
    [InlineData("Chat", "Features.Roster", false)]
    [InlineData("Teams", "Features.Welcome", false)]
    [InlineData("Teams", "Platform.Territory", false)]
    [InlineData("Platform.Procurations", "Features.Votes", false)]
    [InlineData("Infrastructure", "Cards", false)]
    [InlineData("Infrastructure", "Chat", false)]
    [InlineData("Chat", "Teams", false)]
    [InlineData("Dashboard", "Features.Votes", false)]
    [InlineData("Dashboard", "Teams", false)]
    [InlineData("Teams", "Dashboard", false)]
    [InlineData("Features.Votes", "Dashboard", false)]
    [InlineData("Dashboard", "Chat", true)]
    [InlineData("Features.Votes", "Platform.Sessions", true)]
    [InlineData("Features.Welcome", "Chat", true)]
    [InlineData("Teams", "Chat", true)]
    [InlineData("Host", "Features.Votes", true)]
    public void Rules_AllowOnlyTheArrowsOfTheArchitecture(string from, string to, bool allowed) =>
        IsAllowed(from, to).ShouldBe(allowed);

    private static bool IsAllowed(string from, string to) =>
        from == to || MayUse[KindOf(from)].Contains(KindOf(to));

    private static string KindOf(string part) => part.Split('.')[0];

    // Null for the compiler's own helpers (anonymous types, collection wrappers, System.*), which belong to no part.
    private static string? PartOf(Type type)
    {
        var space = type.Namespace;
        if (type.Name.StartsWith('<'))
        {
            return null;
        }

        if (space is null || space == "BepBot")
        {
            return "Host";
        }

        if (!space.StartsWith("BepBot.", StringComparison.Ordinal))
        {
            return null;
        }

        var segments = space.Split('.');
        return segments[1] is "Features" or "Platform" && segments.Length > 2 ? $"{segments[1]}.{segments[2]}" : segments[1];
    }
}
