using System.Net;
using System.Text.Json.Nodes;
using BepBot.Infrastructure.Scheduling;
using BepBot.Infrastructure.Storage;
using BepBot.Platform.Delivery;
using BepBot.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;
using static BepBot.Tests.Broadcasts.BroadcastSteps;

namespace BepBot.Tests.Broadcasts;

/// <summary>Isaiah uses Teams in English; Adele Vance never opened BepBot: she has no conversation.</summary>
public sealed class BroadcastTests() : ConnectedBotTest(
    [TeamsUser.Alex, TeamsUser.Megan, TeamsUser.Patti, TeamsUser.Lynne],
    inEnglish: [TeamsUser.Isaiah])
{
    private IReadOnlyList<ConnectorRequest> DeliveredTo(TeamsUser user) =>
        [.. Connector.Delivered.Where(request => request.ConversationId == TeamsClient.ConversationIdFor(user, ConversationType.Personal) && request.Activity["attachments"] is not null)];

    [Fact]
    public async Task Broadcast_AllBourgmestres_EachReachableOneGetsCardOnceInOwnLanguage()
    {
        var preview = await PreviewAsync(Teams, Inputs("bourgmestres"));

        var controls = CardReader.AllText(preview.UpdatedCard!);
        controls.ShouldContain("3 destinataires, dont 2 joignables");
        controls.ShouldContain("Adele Vance");
        var shown = CardReader.AllText(preview.Card);
        shown.ShouldContain("Conférence du 12 mars");
        shown.ShouldContain("La **Conférence des Bourgmestres** aura lieu le 12 mars.");
        Connector.Delivered.Where(request => request.Activity["attachments"] is not null && request.ConversationId != TeamsClient.ConversationIdFor(TeamsUser.Alex, ConversationType.Personal)).ShouldBeEmpty();

        var sent = await Teams.ClickAsync(TeamsUser.Alex, preview.UpdatedCard!, "Envoyer maintenant");
        var broadcastId = (string)CardReader.FindAction(preview.UpdatedCard!, "Envoyer maintenant")["data"]!["draftId"]!;
        await WaitForStateAsync(Bot, broadcastId, BroadcastState.Completed);

        CardReader.AllText(sent.UpdatedCard!).ShouldContain(Fr("Diffusion : Conférence du 12 mars"));
        var megan = DeliveredTo(TeamsUser.Megan).ShouldHaveSingleItem();
        var isaiah = DeliveredTo(TeamsUser.Isaiah).ShouldHaveSingleItem();
        DeliveredTo(TeamsUser.Patti).ShouldBeEmpty();
        ((bool?)megan.Activity["channelData"]?["notification"]?["alert"]).ShouldBe(true);
        megan.AllText.ShouldContain("Message d'Alex Wilber");
        isaiah.AllText.ShouldContain("Message from Alex Wilber");
        var deliveries = await DeliveriesAsync(Bot, broadcastId);
        deliveries["Megan Bowen"].Status.ShouldBe(DeliveryStatus.Sent);
        deliveries["Isaiah Langer"].Status.ShouldBe(DeliveryStatus.Sent);
        deliveries["Adele Vance"].Status.ShouldBe(DeliveryStatus.Unreachable);
        ReasonOf(Bot, deliveries["Adele Vance"]).ShouldBe(Fr("Pas encore joignable : BepBot n'a pas encore été ouvert dans Teams, ou en a été retiré depuis."));
    }

    [Fact]
    public async Task Broadcast_Completed_StatusCardUpdatedWithReportAndAuthorNotified()
    {
        var (_, broadcastId) = await SendAsync(Teams, Inputs("bourgmestres"));
        await WaitForStateAsync(Bot, broadcastId, BroadcastState.Completed);
        var alex = TeamsClient.ConversationIdFor(TeamsUser.Alex, ConversationType.Personal);

        await WaitUntilAsync(
            () => Connector.Requests.Any(request => request.ConversationId == alex && request.Method == "PUT" && request.AllText.Contains("Terminée", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(10),
            () => "no final status update");
        Connector.Delivered.Count(request => request.ConversationId == alex && request.AllText.Contains(Fr("Diffusion : Conférence"), StringComparison.Ordinal)).ShouldBe(1);
        var finalUpdate = Connector.Requests.Last(request => request.ConversationId == alex && request.Method == "PUT");
        finalUpdate.Path.ShouldMatch("/activities/activity-[0-9]+$");
        var final = finalUpdate.AllText;
        final.ShouldContain("2 envoyés sur 3");
        final.ShouldContain("Adele Vance");
        final.ShouldContain("Exporter le rapport (CSV)");
        await WaitUntilAsync(
            () => Connector.Delivered.Any(request => request.ConversationId == alex && request.AllText.Contains(Fr("est terminée : 2 envoyés sur 3"), StringComparison.Ordinal)),
            TimeSpan.FromSeconds(10),
            () => "the author was not told the broadcast is complete");
    }

    [Fact]
    public async Task Report_Exported_CsvListsEveryRecipientWithOutcome()
    {
        var (status, broadcastId) = await SendAsync(Teams, Inputs("everyone"));
        await WaitForStateAsync(Bot, broadcastId, BroadcastState.Completed);

        var lines = await ReportLinesAsync(Teams, broadcastId);

        lines[0].ShouldBe("destinataire,commune,résultat,envoyé le,tentatives,raison");
        lines.Length.ShouldBe(1 + 6);
        lines.ShouldContain(line => line.StartsWith("Adele Vance,Dinant,non joignable,,0,", StringComparison.Ordinal) && line.Contains("Pas encore joignable", StringComparison.Ordinal));
        lines.ShouldContain(line => line.StartsWith("Megan Bowen,Namur,envoyé,20", StringComparison.Ordinal));
        status.ShouldNotBeNull();
        (await Teams.Http.GetAsync("/exports/" + new string('a', 48))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Report_ExportedByAnEnglishReader_WordedInEnglishReasonsIncludedWhateverTheAuthorsLanguage()
    {
        var (_, broadcastId) = await SendAsync(Teams, Inputs("everyone"));
        await WaitForStateAsync(Bot, broadcastId, BroadcastState.Completed);

        Teams.Locale = "en-US";
        var lines = await ReportLinesAsync(Teams, broadcastId);

        lines[0].ShouldBe("recipient,commune,result,sent at,attempts,reason");
        lines.ShouldContain(line => line.StartsWith("Adele Vance,Dinant,not reachable,,0,", StringComparison.Ordinal) && line.Contains("Not reachable yet: BepBot has not been opened in Teams yet", StringComparison.Ordinal));
        lines.ShouldContain(line => line.StartsWith("Megan Bowen,Namur,sent,20", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Broadcast_TeamsErrors_RetriesThrottlesAndReportsEachOutcome()
    {
        Connector.RetryAfterSeconds = 1;
        Connector.Script(TeamsClient.ConversationIdFor(TeamsUser.Megan, ConversationType.Personal), 429);
        Connector.Script(TeamsClient.ConversationIdFor(TeamsUser.Isaiah, ConversationType.Personal), 403);
        Connector.Script(TeamsClient.ConversationIdFor(TeamsUser.Patti, ConversationType.Personal), 502, 504, 412);
        Connector.Script(TeamsClient.ConversationIdFor(TeamsUser.Lynne, ConversationType.Personal), 500, 500, 500, 500, 500, 500);

        var (_, broadcastId) = await SendAsync(Teams, Inputs("everyone"));
        await WaitForStateAsync(Bot, broadcastId, BroadcastState.Completed);

        var deliveries = await DeliveriesAsync(Bot, broadcastId);
        deliveries["Megan Bowen"].Status.ShouldBe(DeliveryStatus.Sent);
        deliveries["Megan Bowen"].Attempts.ShouldBe(2);
        deliveries["Isaiah Langer"].Status.ShouldBe(DeliveryStatus.Unreachable);
        ReasonOf(Bot, deliveries["Isaiah Langer"]).ShouldContain("403");
        deliveries["Patti Fernandez"].Status.ShouldBe(DeliveryStatus.Sent);
        deliveries["Patti Fernandez"].Attempts.ShouldBe(4);
        deliveries["Lynne Robbins"].Status.ShouldBe(DeliveryStatus.Failed);
        deliveries["Lynne Robbins"].Attempts.ShouldBe(5);
        ReasonOf(Bot, deliveries["Lynne Robbins"]).ShouldContain("500");
        DeliveredTo(TeamsUser.Megan).Count.ShouldBe(1);
        DeliveredTo(TeamsUser.Patti).Count.ShouldBe(1);
        Connector.Requests.Count(request => request.ConversationId == TeamsClient.ConversationIdFor(TeamsUser.Isaiah, ConversationType.Personal) && request.Method == "POST" && request.Activity["attachments"] is not null).ShouldBe(1);
        Connector.Requests.Count(request => request.ConversationId == TeamsClient.ConversationIdFor(TeamsUser.Megan, ConversationType.Personal) && request.Activity["attachments"] is not null).ShouldBe(2);
        var throttle = await Bot.Store.GetAsync<ThrottleState>("throttle/teams");
        throttle.ShouldNotBeNull();
    }

    [Fact]
    public async Task Broadcast_DeliveryFailedAfterRetries_StatusCardNamesTheFailureOnceWithItsAttemptsAndLastAnswer()
    {
        Connector.Script(TeamsClient.ConversationIdFor(TeamsUser.Lynne, ConversationType.Personal), 502, 502, 502, 502, 502, 502);

        var (_, broadcastId) = await SendAsync(Teams, Inputs("everyone"));
        await WaitForStateAsync(Bot, broadcastId, BroadcastState.Completed);

        var status = await FinalStatusCardTextAsync(Connector, broadcastId);
        status.ShouldContain(Fr("Échec — 5 tentatives, dernière réponse de Teams : 502."));
        status.ShouldNotContain("Échec — Échec");
    }

    [Fact]
    public async Task Broadcast_ToChannelWhereBotIsInstalled_PostsOnceInThatChannel()
    {
        await Teams.InstallAsync(TeamsUser.Alex, ConversationType.Channel);
        var channel = TeamsClient.ConversationIdFor(TeamsUser.Alex, ConversationType.Channel);
        var compose = (await Teams.SayAsync(TeamsUser.Alex, "diffuser")).Card;
        CardReader.AllText(compose).ShouldContain("BEP Supracommunalité › Général");

        var preview = await Teams.ClickAsync(TeamsUser.Alex, compose, "Prévisualiser", new Dictionary<string, string>(Inputs("channel")) { ["channel"] = channel });
        var broadcastId = (string)CardReader.FindAction(preview.UpdatedCard!, "Envoyer maintenant")["data"]!["draftId"]!;
        await Teams.ClickAsync(TeamsUser.Alex, preview.UpdatedCard!, "Envoyer maintenant");
        await WaitForStateAsync(Bot, broadcastId, BroadcastState.Completed);

        Connector.Delivered.Where(request => request.ConversationId == channel && request.AllText.Contains("Conférence du 12 mars", StringComparison.Ordinal)).ShouldHaveSingleItem();
        DeliveredTo(TeamsUser.Megan).ShouldBeEmpty();
    }

    [Fact]
    public async Task Preview_InvalidForm_CardShownAgainWithErrorAndNothingStored()
    {
        var cases = new (Dictionary<string, string> Inputs, string Error)[]
        {
            (Inputs("bourgmestres", title: " "), "Indiquez un titre"),
            (Inputs("bourgmestres", message: new string('x', 4001)), "Rédigez le message"),
            (Inputs("tout-le-monde"), "Choisissez les destinataires"),
            (Inputs("bourgmestres-bassin"), "Choisissez le bassin"),
            (new(Inputs("officers-commune")) { ["commune"] = "Atlantis" }, "une des 40 communes"),
            (new(Inputs("bourgmestres")) { ["sendDate"] = "2026-12-01" }, "à la fois la date et l'heure"),
            (new(Inputs("bourgmestres")) { ["sendDate"] = "2020-01-01", ["sendTime"] = "10:00" }, "dans le futur"),
            (new(Inputs("officers-commune")) { ["commune"] = "Gesves" }, "Personne ne correspond"),
        };

        foreach (var (inputs, error) in cases)
        {
            var response = await PreviewAsync(Teams, inputs);
            CardReader.AllText(response.UpdatedCard!).ShouldContain(error);
            CardReader.FindInput(response.UpdatedCard!, "title").ShouldNotBeNull();
        }

        (await Bot.KeysAsync("broadcasts/")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Broadcast_FromNonStaff_RefusedAndNothingStored()
    {
        var diffuser = await Teams.SayAsync(TeamsUser.Megan, "diffuser");
        var forged = await Teams.InvokeAsync(TeamsUser.Megan, "broadcasts.preview", new JsonObject { ["title"] = "x", ["message"] = "y", ["audience"] = "everyone" });
        var send = await Teams.InvokeAsync(TeamsUser.Patti, "broadcasts.send", new JsonObject { ["draftId"] = "abc" });

        diffuser.Texts.Single().ShouldContain("réservée au personnel du BEP");
        forged.AllText.ShouldContain("réservée au personnel du BEP");
        send.AllText.ShouldContain("réservée au personnel du BEP");
        (await Bot.KeysAsync("broadcasts/")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Send_ClickedTwiceOrForged_SendsOnce()
    {
        var preview = await PreviewAsync(Teams, Inputs("bourgmestres"));
        var first = await Teams.ClickAsync(TeamsUser.Alex, preview.UpdatedCard!, "Envoyer maintenant");
        var second = await Teams.ClickAsync(TeamsUser.Alex, preview.UpdatedCard!, "Envoyer maintenant");
        var unknown = await Teams.InvokeAsync(TeamsUser.Alex, "broadcasts.send", new JsonObject { ["draftId"] = "../../roster" });
        var broadcastId = (string)CardReader.FindAction(preview.UpdatedCard!, "Envoyer maintenant")["data"]!["draftId"]!;
        await WaitForStateAsync(Bot, broadcastId, BroadcastState.Completed);

        first.UpdatedCard.ShouldNotBeNull();
        second.AllText.ShouldContain("déjà été confirmée");
        unknown.AllText.ShouldContain("n'existe plus");
        DeliveredTo(TeamsUser.Megan).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Scheduled_GoesOutAtItsTime_ListedAndCancellable()
    {
        var inTwoHours = Infrastructure.Time.BelgianTime.ToBrussels(DateTimeOffset.UtcNow.AddHours(2));
        var keep = new Dictionary<string, string>(Inputs("bourgmestres", title: "Rappel programmé"))
        {
            ["sendDate"] = inTwoHours.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["sendTime"] = inTwoHours.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
        };
        var cancel = new Dictionary<string, string>(keep) { ["title"] = "À annuler" };

        var keptPreview = await PreviewAsync(Teams, keep);
        CardReader.AllText(keptPreview.UpdatedCard!).ShouldContain("le " + Infrastructure.Time.BelgianTime.FormatDate(inTwoHours, Infrastructure.Text.Cultures.French));
        await Teams.ClickAsync(TeamsUser.Alex, keptPreview.UpdatedCard!, "Programmer l'envoi");
        var cancelledPreview = await PreviewAsync(Teams, cancel);
        var cancelledStatus = (await Teams.ClickAsync(TeamsUser.Alex, cancelledPreview.UpdatedCard!, "Programmer l'envoi")).UpdatedCard!;
        await Task.Delay(600);
        DeliveredTo(TeamsUser.Megan).ShouldBeEmpty();

        var list = CardReader.AllText((await Teams.SayAsync(TeamsUser.Alex, "diffusions")).Card);
        list.ShouldContain("Rappel programmé");
        list.ShouldContain("À annuler");
        var cancelled = await Teams.ClickAsync(TeamsUser.Alex, cancelledStatus, "Annuler l'envoi programmé");
        cancelled.AllText.ShouldContain(Fr("est annulée ; personne ne la recevra"));

        Bot.Clock.Offset = TimeSpan.FromHours(2) + TimeSpan.FromMinutes(1);
        await WaitUntilAsync(() => DeliveredTo(TeamsUser.Megan).Count >= 1, TimeSpan.FromSeconds(20), () => "scheduled broadcast never went out");
        await Task.Delay(800);

        var toMegan = DeliveredTo(TeamsUser.Megan).ShouldHaveSingleItem().AllText;
        toMegan.ShouldContain("Rappel programmé");
        toMegan.ShouldNotContain("À annuler");
        var jobs = await Bot.Services.GetRequiredService<JobBook>().ListAsync(LaunchBroadcastJob.JobKind).ToListAsync();
        jobs.ShouldContain(job => job.State == JobState.Cancelled);
        jobs.ShouldContain(job => job.State == JobState.Done);
    }
}
