using System.Globalization;
using System.Text.Json.Nodes;
using BepBot.Features.Conferences;
using BepBot.Infrastructure.Time;
using BepBot.Platform.Delivery;
using BepBot.Tests.Broadcasts;
using BepBot.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;

namespace BepBot.Tests.Conferences;

/// <summary>
/// The bot in-process with a fake Teams connector (proactive cards land there) and a fake Graph on loopback
/// (the organiser mailbox's events), the demo roster's three bourgmestres having opened BepBot.
/// </summary>
public abstract class ConferenceTest : IAsyncLifetime
{
    public const string Mailbox = "conferences@bep.example";
    public const string EventsPath = "/users/" + Mailbox + "/events";

    private int _events;

    protected BotApplication Bot { get; private set; } = null!;

    protected FakeTeamsConnector Connector { get; private set; } = null!;

    protected FakeGraphServer Graph { get; private set; } = null!;

    protected TeamsClient Teams { get; private set; } = null!;

    protected virtual bool WithGraph => true;

    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    protected ConferenceStore Conferences => Bot.Services.GetRequiredService<ConferenceStore>();

    public virtual async Task InitializeAsync()
    {
        Connector = await FakeTeamsConnector.StartAsync();
        Graph = await FakeGraphServer.StartAsync();
        Graph.On("POST", EventsPath, request => GraphResponse.Created(new JsonObject { ["id"] = "event-" + Interlocked.Increment(ref _events), ["subject"] = request.Json?["subject"]?.DeepClone() }));
        Graph.On("PATCH", EventsPath + "/[^/]+", request => GraphResponse.Ok(new JsonObject { ["id"] = request.Path.Split('/')[^1] }));
        Graph.On("POST", EventsPath + "/[^/]+/cancel", _ => new GraphResponse(202));
        var settings = new Dictionary<string, string?>
        {
            ["Conferences:OrganizerMailbox"] = Mailbox,
            // Long enough that the automatic retry never runs during a test: tests retry with the button.
            ["Conferences:CalendarRetryDelay"] = "01:00:00",
        };
        if (WithGraph)
        {
            settings["Graph:BaseUrl"] = Graph.BaseUrl;
        }

        Bot = new BotApplication(settings: settings).WithServices(ConfigureServices);
        Teams = Bot.CreateTeamsClient(Connector.ServiceUrl);
        await Teams.InstallAsync([TeamsUser.Alex, TeamsUser.Megan, TeamsUser.Adele, TeamsUser.Isaiah, TeamsUser.Patti]);
    }

    public virtual async Task DisposeAsync()
    {
        Teams.Dispose();
        await Bot.DisposeAsync();
        await Connector.DisposeAsync();
        await Graph.DisposeAsync();
    }

    /// <summary>A date well ahead at 14:00 Brussels time, typed as staff type it.</summary>
    protected static DateTimeOffset InDays(int days, int hour = 14)
    {
        var local = DateTime.SpecifyKind(DateTime.UtcNow.Date.AddDays(days).AddHours(hour), DateTimeKind.Unspecified);
        return new DateTimeOffset(local, BelgianTime.Zone.GetUtcOffset(local)).ToUniversalTime();
    }

    protected static string Typed(DateTimeOffset instant) =>
        BelgianTime.ToBrussels(instant).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);

    /// <summary>Runs `planifier une séance` as staff type it; returns the stored session and the last reply.</summary>
    protected async Task<(ConferenceSession Session, BotResponse Reply)> ScheduleAsync(
        string title = "Conférence de printemps",
        string scope = "province",
        string? location = null,
        string duration = "120",
        DateTimeOffset? date = null,
        IReadOnlyList<DateTimeOffset>? candidates = null,
        string quorum = "majority")
    {
        var answers = new List<string> { title, scope, location is null ? "en ligne" : "sur place" };
        if (location is not null)
        {
            answers.Add(location);
        }

        answers.Add(duration);
        if (candidates is null)
        {
            answers.AddRange(["date fixe", Typed(date ?? InDays(30))]);
        }
        else
        {
            answers.AddRange(["sondage", string.Join(" ; ", candidates.Select(Typed))]);
        }

        answers.AddRange([quorum, "oui"]);
        var reply = await Teams.SayAsync(TeamsUser.Alex, "planifier une séance");
        foreach (var answer in answers)
        {
            reply = await Teams.SayAsync(TeamsUser.Alex, answer);
        }

        reply.AllText.ShouldContain("Séance enregistrée", customMessage: reply.AllText);
        var session = (await Conferences.ListAsync()).Single(candidate => candidate.Title == title);
        return (session, reply);
    }

    protected Task<Broadcast> SentAsync(ConferenceSession session, string suffix) =>
        BroadcastSteps.WaitForStateAsync(Bot, ConferenceAnnouncer.BroadcastId(session, suffix), BroadcastState.Completed);

    /// <summary>The last card the connector delivered to this user (proactive), by its conversation.</summary>
    protected JsonObject LastCardTo(TeamsUser user, string containing)
    {
        var conversation = TeamsClient.ConversationIdFor(user, ConversationType.Personal);
        var delivered = Connector.Delivered.LastOrDefault(request => request.ConversationId == conversation && request.AllText.Contains(containing, StringComparison.Ordinal));
        delivered.ShouldNotBeNull($"no card containing « {containing} » was delivered to {user.Name}; delivered: {string.Join(" | ", Connector.Delivered.Where(request => request.ConversationId == conversation).Select(request => request.AllText))}");
        return delivered.Activity["attachments"]![0]!["content"]!.AsObject();
    }

    protected IReadOnlyList<ConnectorRequest> DeliveredTo(TeamsUser user) =>
        [.. Connector.Delivered.Where(request => request.ConversationId == TeamsClient.ConversationIdFor(user, ConversationType.Personal))];

    protected async Task<JsonObject> StaffCardAsync(ConferenceSession session) =>
        (await Teams.InvokeAsync(TeamsUser.Alex, "conferences.show", new JsonObject { ["sessionId"] = session.Id })).Card;
}
