using System.Text.Json.Nodes;
using BepBot.Chat;
using BepBot.Features.Broadcasts;
using BepBot.Features.Roster;
using BepBot.Infrastructure.Storage;
using BepBot.Infrastructure.Time;
using BepBot.Platform.Delivery;
using BepBot.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;
using static BepBot.Tests.Broadcasts.BroadcastSteps;

namespace BepBot.Tests.Roster;

/// <summary>
/// Who BepBot can write to, as staff see it. Alex, Megan, Isaiah, Patti and Lynne opened BepBot; Adele Vance (bourgmestre
/// of Dinant) never did; Anne Dupont (bourgmestre of Gesves) is registered by e-mail and has not come yet.
/// </summary>
public sealed class ReachabilityTests() : ConnectedBotTest([TeamsUser.Alex, TeamsUser.Megan, TeamsUser.Isaiah, TeamsUser.Patti, TeamsUser.Lynne])
{
    private const string NeverInstalled = "BepBot n'a pas encore été ouvert dans Teams, ou en a été retiré depuis";
    private const string PendingEmail = "inscription par e-mail en attente, BepBot n'a encore jamais été ouvert";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Bot.Services.GetRequiredService<RosterDirectory>().ChangeAsync(
            roster => [.. roster.Members, new Member(Member.PendingIdOf("anne.dupont@gesves.be"), "Anne Dupont", "anne.dupont@gesves.be", Role.Bourgmestre, "Gesves")],
            "test");
    }

    private string Today => BelgianTime.FormatDay(Bot.Clock.GetUtcNow(), BelgianTime.French);

    private static string PersonalKey(TeamsUser user) => "conversations/personal/" + DocumentKey.Segment(user.AadObjectId);

    private async Task<Document<SavedConversation>> SavedAsync(TeamsUser user) => (await Bot.Store.GetAsync<SavedConversation>(PersonalKey(user)))!;

    [Fact]
    public async Task Annuaire_InstalledPendingAndNeverInstalled_EachWithStateAndReason_BourgmestresPerCommune()
    {
        var card = (await Teams.SayAsync(TeamsUser.Alex, "annuaire")).Card;

        var lines = CardReader.AllText(card).Split('\n');
        lines.ShouldContain("5 personnes sur 7 peuvent recevoir les messages de BepBot.");
        StateAfter(lines, "Alex Wilber · alex.wilber@bepbot-demo.example").ShouldBe($"✅ joignable depuis le {Today} · dernière utilisation le {Today}");
        // Per commune, its bourgmestre and whether BepBot can reach them.
        lines.ShouldContain("bourgmestre (4), par commune");
        StateAfter(lines, "Namur").ShouldBe($"Megan Bowen · ✅ joignable depuis le {Today} · dernière utilisation le {Today}");
        StateAfter(lines, "Dinant").ShouldBe(Fr("Adele Vance · ⛔ non joignable : ") + NeverInstalled);
        StateAfter(lines, "Gesves").ShouldBe(Fr("Anne Dupont · ⛔ non joignable : ") + PendingEmail);
        lines.ShouldContain(Fr($"2 communes dont BepBot ne peut pas joindre la ou le bourgmestre : Dinant ({NeverInstalled}), Gesves ({PendingEmail})."));
        // Officers are counted per commune; `annuaire Ciney` lists them.
        lines.ShouldContain("personnel communal (2), joignables par commune");
        StateAfter(lines, "Ciney").ShouldBe("1 joignable sur 1");
        lines.ShouldNotContain(line => line.StartsWith("Lynne Robbins", StringComparison.Ordinal));
        var ciney = CardReader.AllText((await Teams.SayAsync(TeamsUser.Alex, "annuaire ciney")).Card).Split('\n');
        var dinant = CardReader.AllText((await Teams.SayAsync(TeamsUser.Alex, "annuaire Dinant")).Card).Split('\n');
        StateAfter(dinant, "Adele Vance · Dinant · adele.vance@bepbot-demo.example").ShouldBe(Fr("⛔ non joignable : ") + NeverInstalled);
        ciney.ShouldContain(Fr("Annuaire BepBot : Ciney"));
        StateAfter(ciney, "Lynne Robbins · Ciney · lynne.robbins@bepbot-demo.example").ShouldBe($"✅ joignable depuis le {Today} · dernière utilisation le {Today}");
        ciney.ShouldContain("Ciney n'a pas de bourgmestre dans l'annuaire.");
    }

    [Fact]
    public async Task Annuaire_UnknownCommune_ExplainedAndNothingShown()
    {
        var answer = await Teams.SayAsync(TeamsUser.Alex, "annuaire Atlantis");

        answer.Cards.ShouldBeEmpty();
        answer.Texts.Single().ShouldStartWith(Fr("« Atlantis » n'est pas une des 40 communes."));
    }

    [Fact]
    public async Task LastUsed_RefreshedAfterAMessage_AtMostOnceAnHour_SinceKept()
    {
        var installed = await SavedAsync(TeamsUser.Megan);
        installed.Value.ReachableSince.ShouldNotBeNull();

        await Teams.SayAsync(TeamsUser.Megan, "aide");
        await Teams.InvokeAsync(TeamsUser.Megan, "roster.add", new JsonObject());
        (await SavedAsync(TeamsUser.Megan)).ETag.ShouldBe(installed.ETag, "a message or a click within the hour writes nothing");

        Bot.Clock.Offset += TimeSpan.FromMinutes(61);
        await Teams.SayAsync(TeamsUser.Megan, "aide");
        var refreshed = await SavedAsync(TeamsUser.Megan);
        refreshed.ETag.ShouldNotBe(installed.ETag);
        refreshed.Value.LastUsedAt!.Value.ShouldBeGreaterThan(installed.Value.LastUsedAt!.Value.AddMinutes(60));
        refreshed.Value.ReachableSince.ShouldBe(installed.Value.ReachableSince);
        await Teams.SayAsync(TeamsUser.Megan, "aide");
        (await SavedAsync(TeamsUser.Megan)).ETag.ShouldBe(refreshed.ETag);

        Bot.Clock.Offset += TimeSpan.FromMinutes(61);
        await Teams.InvokeAsync(TeamsUser.Megan, "roster.add", new JsonObject());
        var clicked = await SavedAsync(TeamsUser.Megan);
        clicked.Value.LastUsedAt!.Value.ShouldBeGreaterThan(refreshed.Value.LastUsedAt!.Value.AddMinutes(60));
        clicked.Value.ReachableSince.ShouldBe(installed.Value.ReachableSince);
        await Teams.InvokeAsync(TeamsUser.Megan, "roster.add", new JsonObject());
        (await SavedAsync(TeamsUser.Megan)).ETag.ShouldBe(clicked.ETag);
    }

    [Fact]
    public async Task ConversationSavedBeforeTheseFields_ReadableAndShownSinceItsSaveDate_ThenCompleted()
    {
        var savedAt = Bot.Clock.GetUtcNow().AddDays(-20);
        var old = new JsonObject
        {
            ["ConversationId"] = TeamsClient.ConversationIdFor(TeamsUser.Patti, ConversationType.Personal),
            ["Kind"] = "Personal",
            ["TenantId"] = TeamsClient.Tenant,
            ["ServiceUrl"] = Connector.ServiceUrl,
            ["ChannelId"] = "msteams",
            ["BotId"] = TeamsClient.BotId,
            ["BotName"] = "BepBot",
            ["UserId"] = TeamsUser.Patti.Id,
            ["UserAadObjectId"] = TeamsUser.Patti.AadObjectId,
            ["TeamId"] = null,
            ["Locale"] = "fr-BE",
            ["SavedAt"] = savedAt.ToString("O"),
        };
        await Bot.Store.UpsertAsync(PersonalKey(TeamsUser.Patti), BinaryData.FromString(old.ToJsonString()));

        var before = CardReader.AllText((await Teams.SayAsync(TeamsUser.Alex, "annuaire namur")).Card).Split('\n');
        await Teams.SayAsync(TeamsUser.Patti, "aide");

        var since = BelgianTime.FormatDay(savedAt, BelgianTime.French);
        StateAfter(before, "Patti Fernandez · Namur · patti.fernandez@bepbot-demo.example").ShouldBe($"✅ joignable depuis le {since} · aucune utilisation enregistrée");
        var completed = (await SavedAsync(TeamsUser.Patti)).Value;
        completed.ReachableSince.ShouldBe(savedAt);
        completed.LastUsedAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task Uninstall_MakesThemUnreachable_AndAReinstallStartsAfresh()
    {
        await Teams.UninstallAsync(TeamsUser.Lynne);

        var ciney = CardReader.AllText((await Teams.SayAsync(TeamsUser.Alex, "annuaire Ciney")).Card).Split('\n');
        StateAfter(ciney, "Lynne Robbins · Ciney · lynne.robbins@bepbot-demo.example").ShouldBe(Fr("⛔ non joignable : ") + NeverInstalled);

        Bot.Clock.Offset += TimeSpan.FromDays(3);
        await Teams.InstallAsync(TeamsUser.Lynne);
        ciney = CardReader.AllText((await Teams.SayAsync(TeamsUser.Alex, "annuaire Ciney")).Card).Split('\n');
        StateAfter(ciney, "Lynne Robbins · Ciney · lynne.robbins@bepbot-demo.example").ShouldBe($"✅ joignable depuis le {Today} · dernière utilisation le {Today}");
    }

    [Theory]
    [InlineData("joignabilité")]
    [InlineData("Joignabilite")]
    [InlineData("reachability")]
    public async Task Joignabilite_Staff_CountsByRole_NamesTheUnreachableAndHowToReachThem(string command)
    {
        var text = CardReader.AllText((await Teams.SayAsync(TeamsUser.Alex, command)).Card);

        text.ShouldContain("5 personnes sur 7 peuvent recevoir les messages de BepBot.");
        text.ShouldContain("personnel du BEP\n1 joignable sur 1");
        text.ShouldContain("bourgmestre\n2 joignables sur 4");
        text.ShouldContain("personnel communal\n2 joignables sur 2");
        text.ShouldContain(Fr($"2 communes dont BepBot ne peut pas joindre la ou le bourgmestre : Dinant ({NeverInstalled}), Gesves ({PendingEmail})."));
        text.ShouldContain(Fr($"2 personnes ne peuvent pas être jointes : Adele Vance ({NeverInstalled}) ; Anne Dupont ({PendingEmail})."));
        text.ShouldContain("chaque personne ouvre BepBot une fois dans Teams");
        text.ShouldContain("l'administrateur Teams de son organisation le préinstalle");
    }

    [Fact]
    public async Task Reachability_InEnglish_CountedInEnglish()
    {
        Teams.Locale = "en-US";

        var text = CardReader.AllText((await Teams.SayAsync(TeamsUser.Alex, "reachability")).Card);

        text.ShouldContain("5 people out of 7 can receive BepBot's messages.");
        text.ShouldContain(Fr("2 people cannot be reached: Adele Vance (BepBot has not been opened in Teams yet, or was removed since); Anne Dupont (registered by e-mail, has not opened BepBot yet)."));
    }

    [Fact]
    public async Task Joignabilite_ManyUnreachable_ListCapped()
    {
        await Bot.Services.GetRequiredService<RosterDirectory>().ChangeAsync(
            roster => [.. roster.Members, .. Enumerable.Range(1, 20).Select(i => new Member(Member.PendingIdOf($"agent{i:00}@ciney.be"), $"Agent {i:00}", $"agent{i:00}@ciney.be", Role.Officer, "Ciney"))],
            "test");

        var text = CardReader.AllText((await Teams.SayAsync(TeamsUser.Alex, "joignabilité")).Card);

        // The 21 registered by e-mail share their reason, named once after the first fifteen of them.
        text.ShouldContain(Fr("22 personnes ne peuvent pas être jointes : Agent 01, Agent 02, "));
        text.ShouldContain("Agent 15 (" + PendingEmail + ") … et 7 autres.");
        text.ShouldNotContain("Agent 16");
        text.ShouldNotContain("Adele Vance (");
    }

    [Fact]
    public async Task BroadcastPreview_ListsTheUnreachableRecipientsWithTheirReason()
    {
        var preview = await PreviewAsync(Teams, Inputs("bourgmestres"));

        var controls = CardReader.AllText(preview.UpdatedCard!);
        controls.ShouldContain("4 destinataires, dont 2 joignables");
        controls.ShouldContain(Fr($"2 destinataires ne peuvent pas encore être joints par BepBot et ne recevront rien : Adele Vance ({NeverInstalled}) ; Anne Dupont ({PendingEmail})."));
        controls.ShouldNotContain("(s)");
    }

    [Fact]
    public async Task BroadcastPreview_OneRecipientUnreachable_SingularWords_ZeroTakesTheSingular()
    {
        await Teams.UninstallAsync(TeamsUser.Lynne);
        var inputs = Inputs(ComposeCard.CommuneOfficers);
        inputs["commune"] = "Ciney";

        var preview = await PreviewAsync(Teams, inputs);

        var controls = CardReader.AllText(preview.UpdatedCard!);
        controls.ShouldContain("1 destinataire, dont 0 joignable");
        controls.ShouldContain(Fr($"1 destinataire ne peut pas encore être joint par BepBot et ne recevra rien : Lynne Robbins ({NeverInstalled})."));
    }

    [Fact]
    public async Task BallotConfirmation_ListsTheBourgmestresBepBotCannotReach()
    {
        string[] answers = ["Approuvez-vous la convention de la centrale d'achat ?", "-", "-", "default", "all", "maintenant", "à la main", "public", "50 %", "simple", "non", "non"];
        await Teams.SayAsync(TeamsUser.Alex, "nouveau vote");
        BotResponse last = null!;
        foreach (var answer in answers)
        {
            last = await Teams.SayAsync(TeamsUser.Alex, answer);
        }

        last.AllText.ShouldContain(Fr("Créer ce vote ?"));
        last.AllText.ShouldContain(Fr($"2 destinataires ne peuvent pas encore être joints par BepBot et ne recevront rien : Adele Vance ({NeverInstalled}) ; Anne Dupont ({PendingEmail})."));
    }

    [Fact]
    public async Task DeliveryReport_UnreachableRecipientsWithThePreciseReason()
    {
        Connector.Script(TeamsClient.ConversationIdFor(TeamsUser.Isaiah, ConversationType.Personal), 403);
        var (_, broadcastId) = await SendAsync(Teams, Inputs("bourgmestres"));
        await WaitForStateAsync(Bot, broadcastId, BroadcastState.Completed);

        var lines = await ReportLinesAsync(Teams, broadcastId);

        lines.ShouldContain(Fr($"Adele Vance,Dinant,non joignable,,0,\"Pas encore joignable : {NeverInstalled}.\""));
        lines.ShouldContain(Fr($"Anne Dupont,Gesves,non joignable,,0,\"Pas encore joignable : {PendingEmail}.\""));
        lines.ShouldContain(Fr("Isaiah Langer,Couvin,non joignable,,1,Teams refuse : BepBot a été retiré de cette conversation (403)."));
        var status = await FinalStatusCardTextAsync(Connector, broadcastId);
        status.ShouldContain(Fr($"Non joignable — Pas encore joignable : {PendingEmail}."));
    }

    [Fact]
    public async Task SendRefusedAsGone_RecordedOnTheConversation_UntilASendGoesThroughOrThePersonWritesAgain()
    {
        Connector.Script(TeamsClient.ConversationIdFor(TeamsUser.Isaiah, ConversationType.Personal), 403);
        var (_, broadcastId) = await SendAsync(Teams, Inputs("bourgmestres"));
        await WaitForStateAsync(Bot, broadcastId, BroadcastState.Completed);

        var couvin = CardReader.AllText((await Teams.SayAsync(TeamsUser.Alex, "annuaire couvin")).Card).Split('\n');
        StateAfter(couvin, "Isaiah Langer · Couvin · isaiah.langer@bepbot-demo.example").ShouldBe(Fr($"⛔ non joignable : BepBot a été retiré de la conversation, constaté le {Today}"));
        var preview = CardReader.AllText((await PreviewAsync(Teams, Inputs("bourgmestres"))).UpdatedCard!);
        preview.ShouldContain(Fr($"3 destinataires ne peuvent pas encore être joints par BepBot et ne recevront rien : Isaiah Langer (BepBot a été retiré de la conversation, constaté le {Today}) ; Adele Vance ({NeverInstalled}) ; Anne Dupont ({PendingEmail})."));

        // The next send is still tried; it goes through, so Isaiah is reachable again.
        var (_, secondId) = await SendAsync(Teams, Inputs("bourgmestres", title: "Deuxième message"));
        await WaitForStateAsync(Bot, secondId, BroadcastState.Completed);
        (await DeliveriesAsync(Bot, secondId))["Isaiah Langer"].Status.ShouldBe(DeliveryStatus.Sent);
        (await SavedAsync(TeamsUser.Isaiah)).Value.GoneAt.ShouldBeNull();

        Connector.Script(TeamsClient.ConversationIdFor(TeamsUser.Isaiah, ConversationType.Personal), 404);
        var (_, thirdId) = await SendAsync(Teams, Inputs("bourgmestres", title: "Troisième message"));
        await WaitForStateAsync(Bot, thirdId, BroadcastState.Completed);
        couvin = CardReader.AllText((await Teams.SayAsync(TeamsUser.Alex, "annuaire couvin")).Card).Split('\n');
        StateAfter(couvin, "Isaiah Langer · Couvin · isaiah.langer@bepbot-demo.example").ShouldBe(Fr($"⛔ non joignable : la conversation avec BepBot n'existe plus, constaté le {Today}"));
        await Teams.SayAsync(TeamsUser.Isaiah, "help");
        couvin = CardReader.AllText((await Teams.SayAsync(TeamsUser.Alex, "annuaire couvin")).Card).Split('\n');
        StateAfter(couvin, "Isaiah Langer · Couvin · isaiah.langer@bepbot-demo.example").ShouldStartWith("✅ joignable depuis le");
    }

    [Fact]
    public async Task RealSizedRoster_AnnuaireAndJoignabilite_FitInATeamsMessage()
    {
        var communes = BepBot.Platform.Territory.TerritoryMap.Communes.Select(commune => commune.Name).ToList();
        var members = new List<Member> { new(TeamsUser.Alex.AadObjectId, "Alex Wilber", "alex.wilber@bep.be", Role.BepStaff, null) };
        members.AddRange(Enumerable.Range(1, 9).Select(i => Person($"staff{i}", Role.BepStaff, null)));
        members.AddRange(communes.Select(commune => Person("bourgmestre." + commune, Role.Bourgmestre, commune)));
        members.AddRange(Enumerable.Range(0, 400).Select(i => Person($"agent{i:000}", Role.Officer, communes[i % communes.Count])));
        await Bot.Services.GetRequiredService<RosterDirectory>().ChangeAsync(_ => members, "test");
        var conversations = Bot.Services.GetRequiredService<ConversationDirectory>();
        await Parallel.ForEachAsync(members.Where((member, index) => index % 2 == 0 && !member.IsPending), async (member, token) =>
            await conversations.SaveAsync(new SavedConversation("a:1" + member.AadObjectId, ConversationKind.Personal, TeamsClient.Tenant, Connector.ServiceUrl, "msteams", TeamsClient.BotId, "BepBot", "29:1" + member.AadObjectId, member.AadObjectId, null, "fr-BE", Bot.Clock.GetUtcNow(), LastUsedAt: Bot.Clock.GetUtcNow()), token));

        var annuaire = await Teams.SayAsync(TeamsUser.Alex, "annuaire");
        var joignabilite = await Teams.SayAsync(TeamsUser.Alex, "joignabilité");
        var commune = await Teams.SayAsync(TeamsUser.Alex, "annuaire " + communes[0]);

        var text = CardReader.AllText(annuaire.Card);
        text.ShouldContain("bourgmestre (40), par commune");
        text.ShouldContain("personnel communal (400), joignables par commune");
        text.ShouldContain("Marie-Christine Vandenberghe-Delvaux staff1");
        CardReader.AllText(commune.Card).ShouldContain($"Marie-Christine Vandenberghe-Delvaux agent000 · {communes[0]} · ");
        foreach (var response in new[] { annuaire, joignabilite, commune })
        {
            // The bot's answer as it went on the wire (expectReplies): the message and its card.
            var bytes = System.Text.Encoding.UTF8.GetByteCount(response.RawBody);
            response.Messages.ShouldHaveSingleItem();
            bytes.ShouldBeLessThan(28 * 1024, CardReader.AllText(response.Card)[..80]);
        }

        static Member Person(string id, Role role, string? commune) =>
            new(Guid.NewGuid().ToString(), "Marie-Christine Vandenberghe-Delvaux " + id, $"marie-christine.vandenberghe-delvaux.{id}@administration-communale-{Math.Abs(StringComparer.Ordinal.GetHashCode(commune ?? "bep")) % 1000:000}.be", role, commune);
    }

    /// <summary>The state line printed under a person's line in `annuaire`.</summary>
    private static string StateAfter(string[] lines, string person)
    {
        var index = Array.IndexOf(lines, person);
        index.ShouldBeGreaterThanOrEqualTo(0, $"« {person} » not in: {string.Join(" | ", lines)}");
        return lines[index + 1];
    }
}
