using System.Text.Json.Nodes;
using BepBot.Infrastructure.Scheduling;
using BepBot.Platform.Delivery;
using BepBot.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;
using static BepBot.Tests.Broadcasts.BroadcastSteps;

namespace BepBot.Tests.Broadcasts;

/// <summary>The author's live status card: one card, retried like deliveries, left alone once the broadcast is over.</summary>
public sealed class StatusCardTests() : ConnectedBotTest([TeamsUser.Alex, TeamsUser.Megan, TeamsUser.Patti], inEnglish: [TeamsUser.Isaiah])
{
    private static readonly string Alex = TeamsClient.ConversationIdFor(TeamsUser.Alex, ConversationType.Personal);

    [Fact]
    public async Task StatusCard_PostAndUpdatesThrottled_RetriedAfterRetryAfterSoTheAuthorSeesTheEnd()
    {
        Connector.RetryAfterSeconds = 1;
        Connector.Script(Alex, 429);
        Connector.ScriptUpdates(Alex, 429, 429);

        var (_, broadcastId) = await SendAsync(Teams, Inputs("bourgmestres"));
        await WaitForStateAsync(Bot, broadcastId, BroadcastState.Completed);

        await WaitUntilAsync(
            () => Connector.Delivered.Any(request => request.ConversationId == Alex && request.AllText.Contains(Fr("est terminée : 2 envoyés sur 3"), StringComparison.Ordinal)),
            TimeSpan.FromSeconds(15),
            () => "the author was not told the broadcast is complete");
        var posts = Connector.Requests.Where(request => request.ConversationId == Alex && request.Method == "POST" && request.AllText.Contains(Fr("Diffusion : Conférence du 12 mars"), StringComparison.Ordinal)).ToList();
        posts.Select(request => request.Status).ShouldBe([429, 200]);
        (posts[1].At - posts[0].At).ShouldBeGreaterThan(TimeSpan.FromSeconds(0.9));
        var statusId = (await Bot.Services.GetRequiredService<BroadcastStore>().GetAsync(broadcastId))!.Value.StatusActivityId!;
        await WaitUntilAsync(
            () => Connector.UpdatesOf(statusId).Any(request => request.Status == 200 && request.AllText.Contains("Terminée", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(15),
            () => "the status card never showed the end: " + string.Join(", ", Connector.UpdatesOf(statusId).Select(request => request.Status)));
    }

    [Fact]
    public async Task SendNow_TheClickedCardBecomesTheLiveStatusCardAndNoOtherIsPosted()
    {
        var preview = await PreviewAsync(Teams, Inputs("bourgmestres"));
        var send = CardReader.FindAction(preview.UpdatedCard!, "Envoyer maintenant");
        var broadcastId = (string)send["data"]!["draftId"]!;

        // Teams names the message that carries the clicked card in the invoke's replyToId.
        var clicked = await Teams.PostAsync(Teams.Activity(TeamsUser.Alex, "invoke", ConversationType.Personal, null, activity =>
        {
            activity["name"] = "adaptiveCard/action";
            activity["replyToId"] = "activity-compose";
            activity["value"] = new JsonObject
            {
                ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = (string)send["verb"]!, ["data"] = send["data"]!.DeepClone() },
                ["trigger"] = "manual",
            };
        }));
        await WaitForStateAsync(Bot, broadcastId, BroadcastState.Completed);

        var now = CardReader.AllText(clicked.UpdatedCard!);
        now.ShouldContain(Fr("Diffusion : Conférence du 12 mars"));
        now.ShouldContain("Envoi en préparation");
        now.ShouldNotContain("Programmée");
        now.ShouldNotContain("Annuler l'envoi programmé");
        await WaitUntilAsync(
            () => Connector.UpdatesOf("activity-compose").Any(request => request.AllText.Contains("Terminée le", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(15),
            () => "the clicked card was not updated to the end of the broadcast");
        Connector.Requests.Where(request => request.ConversationId == Alex && request.Method == "POST" && request.AllText.Contains(Fr("Diffusion :"), StringComparison.Ordinal)).ShouldBeEmpty();
    }

    [Fact]
    public async Task FinishedBroadcast_ItsStatusCardIsNotUpdatedAgainWhileALaterOneRuns()
    {
        var (_, first) = await SendAsync(Teams, Inputs("bourgmestres", title: "Première annonce"));
        await WaitForStateAsync(Bot, first, BroadcastState.Completed);
        var firstStatus = (await Bot.Services.GetRequiredService<BroadcastStore>().GetAsync(first))!.Value.StatusActivityId!;
        await WaitUntilAsync(
            () => Connector.UpdatesOf(firstStatus).Any(request => request.AllText.Contains("Terminée le", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(15),
            () => "the first status card never showed the end");
        var updatesOfFirst = Connector.UpdatesOf(firstStatus).Count;

        // Later: the first broadcast's planned watch round falls due while the second one runs.
        Bot.Clock.Offset = TimeSpan.FromMinutes(2);
        var (_, second) = await SendAsync(Teams, Inputs("bourgmestres", title: "Seconde annonce"));
        await WaitForStateAsync(Bot, second, BroadcastState.Completed);
        var jobs = Bot.Services.GetRequiredService<JobBook>();
        await WaitUntilAsync(
            () => jobs.ListAsync(WatchBroadcastJob.JobKind).Where(job => job.Payload == first).AllAsync(job => job.State == JobState.Done).AsTask().Result,
            TimeSpan.FromSeconds(20),
            () => "the first broadcast's watch round did not run");

        Connector.UpdatesOf(firstStatus).Count.ShouldBe(updatesOfFirst);
    }
}
