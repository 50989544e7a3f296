using System.Text.Json.Nodes;
using BepBot.Chat;
using BepBot.Platform.Procurations;
using BepBot.Features.Roster;
using BepBot.Features.Votes;
using BepBot.Platform.Sessions;
using BepBot.Platform.Territory;
using BepBot.Tests.Cards;
using BepBot.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;
using static BepBot.Tests.Votes.VoteSteps;

namespace BepBot.Tests.Votes;

/// <summary>The votes end to end with the demo roster: Megan (Namur), Adele (Dinant) and Isaiah (Couvin) are bourgmestres. Isaiah uses Teams in English: his cards come in English.</summary>
public sealed class VoteTests() : ConnectedBotTest(
    [TeamsUser.Alex, TeamsUser.Megan, TeamsUser.Adele, TeamsUser.Patti],
    inEnglish: [TeamsUser.Isaiah],
    settings: new Dictionary<string, string?> { ["Votes:CloseSettle"] = "00:00:00" })
{
    private BallotStore Ballots => Bot.Services.GetRequiredService<BallotStore>();

    [Fact]
    public async Task Vote_ClickOnBallotCard_RecordsAndShowsChoiceThenChangeReplacesIt()
    {
        var ballot = await OpenAsync(Bot, Motion());
        var delivered = await WaitForCardAsync(Connector, TeamsUser.Megan, ballot.Question);
        delivered.AllText.ShouldContain("Namur");
        delivered.AllText.ShouldContain("Les résultats restent cachés jusqu'à la clôture.");

        var first = await Teams.ClickAsync(TeamsUser.Megan, CardOf(delivered), "Pour");
        var changed = await Teams.ClickAsync(TeamsUser.Megan, first.UpdatedCard!, "Contre");

        CardReader.AllText(first.UpdatedCard!).ShouldContain(Fr("Vous avez voté : Pour"));
        CardReader.ButtonTitles(first.UpdatedCard!).ShouldContain("✓ Pour");
        CardReader.AllText(changed.UpdatedCard!).ShouldContain(Fr("Vous avez voté : Contre"));
        var vote = (await Ballots.GetVoteAsync(ballot.Id, "Namur"))!.Value;
        vote.ChoiceIds.ShouldBe(["contre"]);
        vote.Revision.ShouldBe(2);
        vote.CastBy.ShouldBe(TeamsUser.Megan.AadObjectId);
        var audit = await SealedAuditAsync(Bot, ballot.Id);
        audit.Select(entry => entry.Kind).ShouldBe(["created", "opened", "vote-cast", "vote-changed"]);
        audit[2].Detail.ShouldBe("Pour");
    }

    [Fact]
    public async Task Vote_MultipleChoiceBallot_TicksSeveralChoicesOnTheCard()
    {
        var ballot = await OpenAsync(Bot, Motion("Quels thèmes prioritaires pour 2027 ?") with
        {
            Mode = ChoiceMode.Multiple,
            Choices = [new("c1", "Mobilité"), new("c2", "Énergie"), new("c3", "Numérique")],
        });
        var delivered = await WaitForCardAsync(Connector, TeamsUser.Megan, ballot.Question);
        var english = await WaitForCardAsync(Connector, TeamsUser.Isaiah, ballot.Question);

        var voted = await Teams.ClickAsync(TeamsUser.Megan, CardOf(delivered), "Voter", new Dictionary<string, string> { ["choices0"] = "c1,c3" });
        var emptyTick = await Teams.ClickAsync(TeamsUser.Megan, voted.UpdatedCard!, "Voter", new Dictionary<string, string> { ["choices0"] = string.Empty });

        english.AllText.ShouldContain("Vote of the Conférence des Bourgmestres");
        CardReader.AllText(voted.UpdatedCard!).ShouldContain(Fr("Vous avez voté : Mobilité, Numérique"));
        emptyTick.AllText.ShouldContain("Ce choix n'existe pas pour ce vote");
        (await Ballots.GetVoteAsync(ballot.Id, "Namur"))!.Value.ChoiceIds.ShouldBe(["c1", "c3"]);
    }

    [Fact]
    public async Task Vote_ChoicesTooLongForButtons_AreAWrappingListWithOneVoteButton()
    {
        var ballot = await OpenAsync(Bot, Motion("Quelle formule pour la centrale d'achat énergie ?") with
        {
            Choices = [new("c1", "Adhérer à la centrale d'achat dès janvier 2027"), new("c2", "Attendre l'évaluation de la première année"), new("c3", "Ne pas adhérer à la centrale d'achat")],
        });
        var card = CardOf(await WaitForCardAsync(Connector, TeamsUser.Megan, ballot.Question));

        var list = CardReader.FindInput(card, "choices0").ShouldNotBeNull();
        ((bool?)list["wrap"], (bool?)list["isMultiSelect"], (bool?)list["isRequired"]).ShouldBe((true, false, true));
        CardReader.ButtonTitles(card).ShouldNotContain(title => title.Contains("Adhérer", StringComparison.Ordinal));
        CardReader.FindAction(card, "Voter pour Namur")["title"]!.GetValue<string>().ShouldBe("Voter");
        var voted = await Teams.ClickAsync(TeamsUser.Megan, card, "Voter pour Namur", new Dictionary<string, string> { ["choices0"] = "c2" });

        CardReader.AllText(voted.UpdatedCard!).ShouldContain(Fr("Vous avez voté : Attendre l'évaluation de la première année"));
        (await Ballots.GetVoteAsync(ballot.Id, "Namur"))!.Value.ChoiceIds.ShouldBe(["c2"]);
        var shortChoices = CardOf(await WaitForCardAsync(Connector, TeamsUser.Megan, (await OpenAsync(Bot, Motion("Approuvez-vous le budget 2027 ?"))).Question));
        CardReader.ButtonTitles(shortChoices).ShouldContain("Abstention");
        CardReader.FindInput(shortChoices, "choices0").ShouldBeNull();
    }

    [Fact]
    public async Task Vote_SameActivityReplayedOrSameClickTwice_CountsOnce()
    {
        var ballot = await OpenAsync(Bot, Motion());

        var first = await VoteAsync(Teams, TeamsUser.Megan, ballot.Id, "Namur", "pour", activityId: "replayed-activity");
        var replay = await VoteAsync(Teams, TeamsUser.Megan, ballot.Id, "Namur", "pour", activityId: "replayed-activity");
        var again = await VoteAsync(Teams, TeamsUser.Megan, ballot.Id, "Namur", "pour");

        first.UpdatedCard.ShouldNotBeNull(first.AllText);
        CardReader.AllText(replay.UpdatedCard.ShouldNotBeNull(replay.AllText)).ShouldContain(Fr("Vous avez voté : Pour"));
        again.AllText.ShouldContain(Fr("déjà enregistré ; il n'est compté qu'une fois"));
        (await Ballots.ListVotesAsync(ballot.Id)).ShouldHaveSingleItem().Revision.ShouldBe(1);
        (await SealedAuditAsync(Bot, ballot.Id)).Count(entry => entry.Kind is "vote-cast" or "vote-changed").ShouldBe(1);
    }

    [Fact]
    public async Task Vote_FirstClickResentByTeamsAfterASecondClick_AnsweredWithTheBallotCardAsItStandsNow()
    {
        var ballot = await OpenAsync(Bot, Motion());
        await VoteAsync(Teams, TeamsUser.Megan, ballot.Id, "Namur", "pour", activityId: "click-pour");
        await VoteAsync(Teams, TeamsUser.Megan, ballot.Id, "Namur", "contre", activityId: "click-contre");

        var resent = await VoteAsync(Teams, TeamsUser.Megan, ballot.Id, "Namur", "pour", activityId: "click-pour");

        var card = CardReader.AllText(resent.UpdatedCard.ShouldNotBeNull(resent.AllText));
        card.ShouldContain(ballot.Question);
        card.ShouldContain(Fr("Vous avez voté : Contre"));
        resent.AllText.ShouldNotContain("déjà été prise en compte");
        (await Ballots.GetVoteAsync(ballot.Id, "Namur"))!.Value.ChoiceIds.ShouldBe(["contre"]);
        (await SealedAuditAsync(Bot, ballot.Id)).Count(entry => entry.Kind is "vote-cast" or "vote-changed").ShouldBe(2);
    }

    [Fact]
    public async Task Vote_ForgedPayloads_AreRefusedWithAMessageAndNothingWritten()
    {
        var ballot = await OpenAsync(Bot, Motion());
        var bassin = await OpenAsync(Bot, Motion("Question au bassin Essaimage") with { Bassin = "essaimage", Communes = BepBot.Platform.Territory.TerritoryMap.Essaimage.Communes });

        var officer = await VoteAsync(Teams, TeamsUser.Patti, ballot.Id, "Namur", "pour");
        var guest = await VoteAsync(Teams, TeamsUser.Stranger, ballot.Id, "Namur", "pour");
        var otherCommune = await VoteAsync(Teams, TeamsUser.Megan, ballot.Id, "Dinant", "pour");
        var unknownChoice = await VoteAsync(Teams, TeamsUser.Megan, ballot.Id, "Namur", "oui");
        var twoChoices = await Teams.InvokeAsync(TeamsUser.Megan, "votes.cast", new JsonObject { ["ballotId"] = ballot.Id, ["commune"] = "Namur", ["slot"] = 0, ["choices0"] = "pour,contre" });
        var extraField = await Teams.InvokeAsync(TeamsUser.Megan, "votes.cast", new JsonObject { ["ballotId"] = ballot.Id, ["commune"] = "Namur", ["choice"] = "pour", ["weight"] = 40 });
        var unknownBallot = await VoteAsync(Teams, TeamsUser.Megan, "ffffffffffff", "Namur", "pour");
        var notInScope = await VoteAsync(Teams, TeamsUser.Megan, bassin.Id, "Namur", "pour");
        var notACommune = await VoteAsync(Teams, TeamsUser.Megan, ballot.Id, "Bruxelles", "pour");

        officer.AllText.ShouldContain("vous n'y exercez pas la fonction de bourgmestre et vous ne détenez pas sa procuration");
        guest.AllText.ShouldNotContain("Vous avez voté");
        otherCommune.AllText.ShouldContain("vous ne détenez pas sa procuration");
        unknownChoice.AllText.ShouldContain("Ce choix n'existe pas pour ce vote");
        twoChoices.AllText.ShouldContain("Ce choix n'existe pas pour ce vote");
        extraField.AllText.ShouldNotContain("Vous avez voté");
        extraField.UpdatedCard.ShouldBeNull();
        unknownBallot.AllText.ShouldContain("Ce vote n'existe pas ou plus");
        notInScope.AllText.ShouldContain("ne participe pas à ce vote");
        notACommune.AllText.ShouldContain("ne participe pas à ce vote");
        (await Bot.KeysAsync($"votes/{ballot.Id}/votes/")).ShouldBeEmpty();
        (await Bot.KeysAsync($"votes/{bassin.Id}/votes/")).ShouldBeEmpty();
        (await SealedAuditAsync(Bot, ballot.Id)).ShouldNotContain(entry => entry.Kind.StartsWith("vote", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Vote_AfterCloseOrPastClosingTime_IsRefused()
    {
        var closed = await OpenAsync(Bot, Motion());
        var dueToClose = await OpenAsync(Bot, Motion("Question à clôture proche") with { ClosesAt = Bot.Clock.GetUtcNow().AddMinutes(10) });
        await VoteAsync(Teams, TeamsUser.Megan, closed.Id, "Namur", "pour");
        await Teams.InvokeAsync(TeamsUser.Alex, "votes.close", new JsonObject { ["ballotId"] = closed.Id });

        var late = await VoteAsync(Teams, TeamsUser.Megan, closed.Id, "Namur", "contre");
        Bot.Clock.Offset = TimeSpan.FromMinutes(11);
        var pastTime = await VoteAsync(Teams, TeamsUser.Isaiah, dueToClose.Id, "Couvin", "pour");

        late.AllText.ShouldContain(Fr("Ce vote est clos : votre vote n'a pas été enregistré."));
        pastTime.AllText.ShouldContain("Ce vote est clos");
        (await Ballots.GetVoteAsync(closed.Id, "Namur"))!.Value.ChoiceIds.ShouldBe(["pour"]);
        (await Ballots.ListVotesAsync(dueToClose.Id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Results_HiddenUntilCloseUnlessStaffChoseLiveResults()
    {
        var hidden = await OpenAsync(Bot, Motion());
        var live = await OpenAsync(Bot, Motion("Question à résultats provisoires") with { LiveResults = true });
        await VoteAsync(Teams, TeamsUser.Megan, hidden.Id, "Namur", "pour");
        await VoteAsync(Teams, TeamsUser.Megan, live.Id, "Namur", "pour");

        var hiddenStatus = await Teams.InvokeAsync(TeamsUser.Alex, "votes.status", new JsonObject { ["ballotId"] = hidden.Id });
        var liveStatus = await Teams.InvokeAsync(TeamsUser.Alex, "votes.status", new JsonObject { ["ballotId"] = live.Id });
        var earlyExport = await Teams.InvokeAsync(TeamsUser.Alex, "votes.export", new JsonObject { ["ballotId"] = hidden.Id });
        var bourgmestreStatus = await Teams.InvokeAsync(TeamsUser.Megan, "votes.status", new JsonObject { ["ballotId"] = hidden.Id });

        hiddenStatus.AllText.ShouldContain("1 commune sur 40");
        hiddenStatus.AllText.ShouldNotContain("Résultats provisoires");
        liveStatus.AllText.ShouldContain("Résultats provisoires");
        earlyExport.AllText.ShouldContain("qu'après la clôture");
        bourgmestreStatus.AllText.ShouldNotContain("1 commune sur 40");
        var megansCard = await Teams.InvokeAsync(TeamsUser.Megan, "votes.show", new JsonObject { ["ballotId"] = hidden.Id });
        megansCard.AllText.ShouldContain(Fr("Vous avez voté : Pour"));
        megansCard.AllText.ShouldNotContain("Voix");
    }

    [Fact]
    public async Task Close_ByStaff_ResultCardToEveryoneInScopeAndStaffWithCsv()
    {
        var ballot = await OpenAsync(Bot, Motion() with { Quorum = QuorumKind.Communes, QuorumValue = 2 });
        await VoteAsync(Teams, TeamsUser.Megan, ballot.Id, "Namur", "pour");
        await VoteAsync(Teams, TeamsUser.Isaiah, ballot.Id, "Couvin", "pour");
        await VoteAsync(Teams, TeamsUser.Adele, ballot.Id, "Dinant", "contre");

        var closed = await Teams.InvokeAsync(TeamsUser.Alex, "votes.close", new JsonObject { ["ballotId"] = ballot.Id });
        var again = await Teams.InvokeAsync(TeamsUser.Alex, "votes.close", new JsonObject { ["ballotId"] = ballot.Id });

        var result = CardReader.AllText(closed.UpdatedCard!);
        result.ShouldContain("✅ Adopté");
        result.ShouldContain("3 communes sur 40");
        result.ShouldContain("atteint (2 communes requises)");
        result.ShouldContain("Vote de chaque commune");
        again.AllText.ShouldContain("déjà clos");
        var megan = await WaitForCardAsync(Connector, TeamsUser.Megan, "Résultat du vote");
        megan.AllText.ShouldContain("Dinant");
        megan.AllText.ShouldNotContain("Exporter les résultats (CSV)");
        var alex = await WaitForCardAsync(Connector, TeamsUser.Alex, "Résultat du vote");
        var export = await Teams.ClickAsync(TeamsUser.Alex, CardOf(alex), "Exporter les résultats (CSV)");
        var csv = await DownloadAsync(export.AllText);
        csv.ShouldContain("vote,decision,✅ Adopté");
        csv.ShouldContain("voix,Pour,2");
        csv.ShouldContain("commune,Dinant,Contre");
        csv.ShouldContain("commune,Andenne,n'a pas voté");
        var final = await GetAsync(Bot, ballot.Id);
        final.Result!.Counts["contre"].ShouldBe(1);
        final.Result.AuditHeadHash.ShouldBe((await Bot.Services.GetRequiredService<AuditLog>().HeadAsync(ballot.Id))!.Hash);
    }

    [Fact]
    public async Task Close_ResultCard_ChartsTheTallyAndTurnoutPerBassinWithTheSameFiguresInTheFallback()
    {
        var ballot = await OpenAsync(Bot, Motion());
        await VoteAsync(Teams, TeamsUser.Megan, ballot.Id, "Namur", "pour");
        await VoteAsync(Teams, TeamsUser.Isaiah, ballot.Id, "Couvin", "pour");
        await VoteAsync(Teams, TeamsUser.Adele, ballot.Id, "Dinant", "contre");

        await Teams.InvokeAsync(TeamsUser.Alex, "votes.close", new JsonObject { ["ballotId"] = ballot.Id });

        var card = CardOf(await WaitForCardAsync(Connector, TeamsUser.Megan, "Résultat du vote"));
        var counts = (await GetAsync(Bot, ballot.Id)).Result!.Counts;
        var perChoice = CardReader.Charts(card).Single(chart => (string?)chart["type"] == "Chart.VerticalBar");
        perChoice["data"]!.AsArray().Select(point => ((string?)point!["x"], (int)point["y"]!))
            .ShouldBe([("Pour", counts["pour"]), ("Contre", counts["contre"]), ("Abstention", counts["abstention"])]);
        ((bool)perChoice["showBarValues"]!).ShouldBeTrue();
        CardReader.Facts(perChoice["fallback"]).ShouldBe(["Pour: 2", "Contre: 1", "Abstention: 0"]);
        string[] voters = ["Namur", "Couvin", "Dinant"];
        var turnout = CardReader.Charts(card).Single(chart => (string?)chart["type"] == "Chart.VerticalBar.Grouped");
        var series = turnout["data"]!.AsArray();
        series.Select(serie => (string?)serie!["legend"]).ShouldBe(["Ont voté", "N'ont pas voté"]);
        foreach (var bassin in TerritoryMap.Bassins)
        {
            var voted = bassin.Communes.Count(voters.Contains);
            series[0]!["values"]!.AsArray().Single(point => (string?)point!["x"] == bassin.ShortName)!["y"]!.GetValue<int>().ShouldBe(voted);
            series[1]!["values"]!.AsArray().Single(point => (string?)point!["x"] == bassin.ShortName)!["y"]!.GetValue<int>().ShouldBe(bassin.Communes.Count - voted);
            CardReader.Facts(turnout["fallback"]).ShouldContain(voted > 1 ? $"{bassin.ShortName}: {voted} communes sur {bassin.Communes.Count} ont voté" : $"{bassin.ShortName}: {voted} commune sur {bassin.Communes.Count} a voté");
        }

        CardChecks.Check(card).ShouldBeEmpty();
        card.ToJsonString().Length.ShouldBeLessThan(28 * 1024, "40 communes, 3 bassins: the card must stay within Teams' size limit");
        var english = CardOf(await WaitForCardAsync(Connector, TeamsUser.Isaiah, "Result of the vote"));
        var englishTurnout = CardReader.Charts(english).Single(chart => (string?)chart["type"] == "Chart.VerticalBar.Grouped");
        englishTurnout["data"]!.AsArray().Select(serie => (string?)serie!["legend"]).ShouldBe(["Voted", "Did not vote"]);
        CardReader.Facts(englishTurnout["fallback"]).ShouldContain("Namur-Capitale: 1 commune out of 16 voted");
    }

    [Fact]
    public async Task SecretBallot_ChoiceSealedInTheParticipationAndVoteIsFinal()
    {
        var ballot = await OpenAsync(Bot, Motion() with { Secret = true });

        var cast = await VoteAsync(Teams, TeamsUser.Megan, ballot.Id, "Namur", "contre");
        var again = await VoteAsync(Teams, TeamsUser.Megan, ballot.Id, "Namur", "pour");
        await VoteAsync(Teams, TeamsUser.Isaiah, ballot.Id, "Couvin", "pour");

        var card = CardReader.AllText(cast.UpdatedCard!);
        card.ShouldContain("Vote enregistré (secret et définitif)");
        card.ShouldNotContain("Contre");
        again.AllText.ShouldContain(Fr("a déjà voté ; au scrutin secret, le vote est définitif"));
        (await Bot.KeysAsync($"votes/{ballot.Id}/votes/")).ShouldBeEmpty();
        var participations = await Bot.KeysAsync($"votes/{ballot.Id}/participation/");
        participations.Count.ShouldBe(2);
        foreach (var key in participations)
        {
            var participation = JsonNode.Parse((await Bot.Store.GetAsync(key))!.Content.ToString())!.AsObject();
            var sealedChoice = participation["sealedChoice"]!.GetValue<string>();
            sealedChoice.Length.ShouldBeGreaterThan(40);
            participation.Remove("sealedChoice");
            participation.ToJsonString().ShouldNotContain("contre", Case.Insensitive);
            participation.ToJsonString().ShouldNotContain("pour", Case.Insensitive);
        }

        var audit = await SealedAuditAsync(Bot, ballot.Id);
        audit.Where(entry => entry.Kind == "vote-cast").ShouldAllBe(entry => entry.Detail == null);
        var closed = await Teams.InvokeAsync(TeamsUser.Alex, "votes.close", new JsonObject { ["ballotId"] = ballot.Id });
        var result = CardReader.AllText(closed.UpdatedCard!);
        result.ShouldContain("2 communes sur 40");
        result.ShouldNotContain("Vote de chaque commune");
        var turnout = CardReader.Charts(closed.UpdatedCard!).Single(chart => (string?)chart["type"] == "Chart.VerticalBar.Grouped");
        turnout["data"]![0]!["values"]!.AsArray().Select(point => ((string?)point!["x"], (int)point["y"]!))
            .ShouldBe([("Namur-Capitale", 1), ("Dinant-Meuse-Condroz", 0), ("Essaimage", 1)], "Namur and Couvin voted; the secret keeps only who voted, not how");
        var final = await GetAsync(Bot, ballot.Id);
        final.Result!.Counts["pour"].ShouldBe(1);
        final.Result.Counts["contre"].ShouldBe(1);
    }

    [Fact]
    public async Task Procuration_HolderCardShowsBothCommunesVotesForGiverThenWithdrawalRefused()
    {
        var ballot = await OpenAsync(Bot, Motion());
        var megansCard = await WaitForCardAsync(Connector, TeamsUser.Megan, ballot.Question);

        var proxyCard = await Teams.ClickAsync(TeamsUser.Megan, CardOf(megansCard), "Donner procuration");
        var given = await Teams.ClickAsync(TeamsUser.Megan, proxyCard.Card, "Confirmer la procuration", new Dictionary<string, string> { ["holder"] = TeamsUser.Adele.AadObjectId });
        given.AllText.ShouldContain(Fr("Adele Vance votera pour Namur : la carte de vote vient de lui être envoyée."));
        given.Texts.ShouldBeEmpty("the card the giver clicked says it; the same sentence again below it would be noise");
        var adeles = await WaitForCardAsync(Connector, TeamsUser.Adele, "Namur (procuration de Megan Bowen)");
        adeles.AllText.ShouldContain("Dinant");
        var heldVote = await Teams.ClickAsync(TeamsUser.Adele, CardOf(adeles), Fr("Voter « Contre » pour Namur"));
        var ownVote = await Teams.ClickAsync(TeamsUser.Adele, heldVote.UpdatedCard!, Fr("Voter « Pour » pour Dinant"));
        var withdrawal = await Teams.InvokeAsync(TeamsUser.Megan, "votes.withdrawproxy", new JsonObject { ["ballotId"] = ballot.Id });
        var giverVotes = await VoteAsync(Teams, TeamsUser.Megan, ballot.Id, "Namur", "pour");
        var secondProcuration = await Teams.InvokeAsync(TeamsUser.Isaiah, "votes.giveproxy", new JsonObject { ["ballotId"] = ballot.Id, ["holder"] = TeamsUser.Adele.AadObjectId });

        CardReader.AllText(ownVote.UpdatedCard!).ShouldContain(Fr("Vous avez voté : Contre (par procuration)"));
        withdrawal.AllText.ShouldContain(Fr("Adele Vance a déjà voté avec votre procuration : elle ne peut plus être retirée."));
        giverVotes.AllText.ShouldContain("Vous avez donné procuration à Adele Vance");
        secondProcuration.AllText.ShouldContain("Adele Vance porte déjà une procuration pour ce vote");
        var namur = (await Ballots.GetVoteAsync(ballot.Id, "Namur"))!.Value;
        namur.ChoiceIds.ShouldBe(["contre"]);
        namur.ByProcuration.ShouldBeTrue();
        namur.CastBy.ShouldBe(TeamsUser.Adele.AadObjectId);
        (await Ballots.GetVoteAsync(ballot.Id, "Dinant"))!.Value.ChoiceIds.ShouldBe(["pour"]);
        var procuration = await Bot.Services.GetRequiredService<ProcurationBook>().GivenByAsync(ProcurationScope.Ballot, ballot.Id, "Namur");
        procuration!.UsedAt.ShouldNotBeNull();
        (await SealedAuditAsync(Bot, ballot.Id)).Select(entry => entry.Kind).ShouldBe(["created", "opened", "procuration-given", "procuration-used", "vote-cast", "vote-cast"]);
    }

    [Fact]
    public async Task Procuration_Confirmation_OffersAWithdrawButtonThatGivesTheVoteBack()
    {
        var ballot = await OpenAsync(Bot, Motion());
        var megansCard = await WaitForCardAsync(Connector, TeamsUser.Megan, ballot.Question);
        var proxyCard = await Teams.ClickAsync(TeamsUser.Megan, CardOf(megansCard), "Donner procuration");
        var given = await Teams.ClickAsync(TeamsUser.Megan, proxyCard.Card, "Confirmer la procuration", new Dictionary<string, string> { ["holder"] = TeamsUser.Isaiah.AadObjectId });

        var withdrawn = await Teams.ClickAsync(TeamsUser.Megan, given.UpdatedCard!, "Retirer la procuration");
        var voted = await Teams.ClickAsync(TeamsUser.Megan, withdrawn.UpdatedCard!, "Pour");

        withdrawn.AllText.ShouldContain("Procuration retirée");
        (await Bot.Services.GetRequiredService<ProcurationBook>().GivenByAsync(ProcurationScope.Ballot, ballot.Id, "Namur")).ShouldBeNull();
        CardReader.AllText(voted.UpdatedCard!).ShouldContain(Fr("Vous avez voté : Pour"));
        (await Ballots.GetVoteAsync(ballot.Id, "Namur"))!.Value.CastBy.ShouldBe(TeamsUser.Megan.AadObjectId);
    }

    [Fact]
    public async Task Procuration_UnusedOne_CanBeWithdrawnAndGiverVotesAgain()
    {
        var ballot = await OpenAsync(Bot, Motion());
        await Teams.InvokeAsync(TeamsUser.Megan, "votes.giveproxy", new JsonObject { ["ballotId"] = ballot.Id, ["holder"] = TeamsUser.Isaiah.AadObjectId });

        var withdrawn = await Teams.InvokeAsync(TeamsUser.Megan, "votes.withdrawproxy", new JsonObject { ["ballotId"] = ballot.Id });
        var holderTries = await VoteAsync(Teams, TeamsUser.Isaiah, ballot.Id, "Namur", "pour");
        var giverVotes = await VoteAsync(Teams, TeamsUser.Megan, ballot.Id, "Namur", "pour");

        withdrawn.AllText.ShouldContain("Procuration retirée");
        holderTries.AllText.ShouldContain("vous ne détenez pas sa procuration");
        giverVotes.UpdatedCard.ShouldNotBeNull(giverVotes.AllText);
    }

    [Fact]
    public async Task Procuration_SessionScopedFromConferenceRsvp_IsHonouredForBallotsOfThatSession()
    {
        var book = Bot.Services.GetRequiredService<ProcurationBook>();
        var roster = Bot.Services.GetRequiredService<RosterDirectory>();
        await book.GiveAsync(ProcurationScope.Session, "session-2026-03", (await roster.FindAsync(TeamsUser.Megan.AadObjectId))!, (await roster.FindAsync(TeamsUser.Isaiah.AadObjectId))!);
        var inSession = await OpenAsync(Bot, Motion() with { SessionId = "session-2026-03", AgendaItemId = "point-3" });
        var outside = await OpenAsync(Bot, Motion("Autre question hors séance"));

        var isaiahsCard = await WaitForCardAsync(Connector, TeamsUser.Isaiah, "Namur (proxy from Megan Bowen)");
        var holder = await VoteAsync(Teams, TeamsUser.Isaiah, inSession.Id, "Namur", "abstention");
        var holderOutside = await VoteAsync(Teams, TeamsUser.Isaiah, outside.Id, "Namur", "abstention");

        isaiahsCard.AllText.ShouldContain(inSession.Question);
        holder.UpdatedCard.ShouldNotBeNull(holder.AllText);
        holderOutside.AllText.ShouldContain("vous ne détenez pas sa procuration");
        (await book.GivenByAsync(ProcurationScope.Session, "session-2026-03", "Namur"))!.UsedAt.ShouldNotBeNull();
        (await book.WithdrawAsync(ProcurationScope.Session, "session-2026-03", "Namur")).ShouldBeFalse();
        var ofSession = await Bot.Services.GetRequiredService<BallotsOfSession>().ListAsync("session-2026-03");
        ofSession.ShouldHaveSingleItem().AgendaItemId.ShouldBe("point-3");
    }

    [Fact]
    public async Task Reminders_GoOnlyToCommunesThatHaveNotVoted()
    {
        var ballot = await OpenAsync(Bot, Motion());
        await WaitForCardAsync(Connector, TeamsUser.Isaiah, ballot.Question);
        await VoteAsync(Teams, TeamsUser.Megan, ballot.Id, "Namur", "pour");
        var before = Connector.Delivered.Count;

        var reminded = await Teams.InvokeAsync(TeamsUser.Alex, "votes.remind", new JsonObject { ["ballotId"] = ballot.Id });

        reminded.AllText.ShouldContain("Rappel envoyé à 2 personnes");
        var reminder = await WaitForCardAsync(Connector, TeamsUser.Isaiah, "Reminder: your commune has not voted yet");
        reminder.AllText.ShouldContain("Not voted yet.");
        await WaitForCardAsync(Connector, TeamsUser.Adele, "Rappel");
        CardsTo(Connector, TeamsUser.Megan).ShouldNotContain(request => request.AllText.Contains("Rappel", StringComparison.Ordinal));
        Connector.Delivered.Count.ShouldBeGreaterThan(before);
    }

    [Fact]
    public async Task Votes_Command_ListsOpenBallotsMarkingThoseWaitingOnTheUser()
    {
        var waiting = await OpenAsync(Bot, Motion("Question en attente de Megan"));
        var done = await OpenAsync(Bot, Motion("Question déjà votée par Megan"));
        var other = await OpenAsync(Bot, Motion("Question au bassin Essaimage") with { Bassin = "essaimage", Communes = BepBot.Platform.Territory.TerritoryMap.Essaimage.Communes });
        await VoteAsync(Teams, TeamsUser.Megan, done.Id, "Namur", "pour");

        var megan = (await Teams.SayAsync(TeamsUser.Megan, "votes")).AllText;
        var alex = (await Teams.SayAsync(TeamsUser.Alex, "votes")).AllText;
        var patti = (await Teams.SayAsync(TeamsUser.Patti, "votes")).AllText;

        megan.ShouldContain("Question en attente de Megan\n⏳ En attente de votre vote");
        megan.ShouldContain("Question déjà votée par Megan\n✓ Vous avez voté");
        megan.ShouldNotContain(other.Question);
        alex.ShouldContain(Fr("Suivre le vote : Question au bassin Essaimage"));
        alex.ShouldContain("1 commune sur 40");
        patti.ShouldNotContain(waiting.Question);
    }

    [Fact]
    public async Task Section_OpenBallotsOfCommune_ShowsParticipationNotChoiceForSecretBallot()
    {
        var open = await OpenAsync(Bot, Motion("Question publique"));
        var secret = await OpenAsync(Bot, Motion("Question secrète") with { Secret = true });
        await VoteAsync(Teams, TeamsUser.Megan, secret.Id, "Namur", "contre");
        var section = Bot.Services.GetServices<BepBot.Platform.CommunePages.ICommunePageSection>().OfType<OpenBallotsSection>().Single();
        var viewer = new BepBot.Chat.ChatUser(TeamsUser.Lynne.AadObjectId, "Lynne Robbins", Role.Officer, null);

        var namur = await section.DescribeAsync("Namur", viewer, System.Globalization.CultureInfo.GetCultureInfo("fr-BE"), CancellationToken.None);
        var english = await section.DescribeAsync("Namur", viewer, System.Globalization.CultureInfo.GetCultureInfo("en-US"), CancellationToken.None);

        namur!.Title.ShouldBe("Votes ouverts");
        namur.Lines.Single(line => line.Text == open.Question).Detail!.ShouldStartWith("⏳ pas encore voté");
        var secretLine = namur.Lines.Single(line => line.Text == secret.Question).Detail!;
        secretLine.ShouldStartWith("✓ a voté");
        secretLine.ShouldNotContain("Contre");
        english!.Title.ShouldBe("Open votes");
    }

    [Fact]
    public async Task NewBallot_FlowWithConferenceCatalog_CreatesOpensAndSendsCards()
    {
        await using var bot = new BotApplication().WithServices(services => services.AddSingleton<IConferenceSessionCatalog>(new FixedCatalog()));
        using var teams = bot.CreateTeamsClient(Connector.ServiceUrl);
        await teams.InstallAsync(TeamsUser.Megan);
        string[] answers = ["Approuvez-vous l'adhésion à la centrale d'achat d'énergie ?", "Le BEP propose une adhésion groupée.", "https://www.bep.be/centrale", "default", "all", "maintenant", "à la main", "public", "50 %", "simple", "non", "non"];
        var start = await teams.SayAsync(TeamsUser.Alex, "nouveau vote");
        start.AllText.ShouldContain(Fr("Quelle question posez-vous aux bourgmestres ?"));
        BotResponse last = start;
        foreach (var answer in answers)
        {
            last = await teams.SayAsync(TeamsUser.Alex, answer);
            last.AllText.ShouldNotContain("⚠️", customMessage: $"answer « {answer} » refused: {last.AllText}");
        }

        last.AllText.ShouldContain("Séance du 12 mars");
        last = await teams.ClickAsync(TeamsUser.Alex, last.Card, "Séance du 12 mars 2026");
        last = await teams.ClickAsync(TeamsUser.Alex, last.Card, "Point 4 : centrale d'achat");
        last.AllText.ShouldContain(Fr("Créer ce vote ?"));
        var done = await teams.SayAsync(TeamsUser.Alex, "oui");

        done.AllText.ShouldContain(Fr("est ouvert : la carte de vote part vers les bourgmestres de 40 communes"));
        var ballot = (await bot.Services.GetRequiredService<BallotStore>().ListAsync()).ShouldHaveSingleItem();
        ballot.SessionId.ShouldBe("s-0312");
        ballot.AgendaItemId.ShouldBe("p4");
        ballot.Quorum.ShouldBe(QuorumKind.Percent);
        ballot.QuorumValue.ShouldBe(50);
        ballot.Links.ShouldBe(["https://www.bep.be/centrale"]);
        var card = await WaitForCardAsync(Connector, TeamsUser.Megan, "l'adhésion à la centrale d'achat");
        card.AllText.ShouldContain("au moins 50 % des communes du périmètre (20)");
        (await GetAsync(bot, ballot.Id)).State.ShouldBe(BallotState.Open);
    }

    [Fact]
    public async Task NewBallot_EveryStep_CountsOnOneTotalAndTheLastStepSummarisesTheRules()
    {
        string[] answers = ["Approuvez-vous le budget 2027 ?", "-", "-", "default", "all", "maintenant", "à la main", "public", "21", "simple", "oui", "oui"];
        var prompts = new List<string> { CardReader.AllText((await Teams.SayAsync(TeamsUser.Alex, "nouveau vote")).Card) };
        foreach (var answer in answers)
        {
            prompts.Add(CardReader.AllText((await Teams.SayAsync(TeamsUser.Alex, answer)).Card));
        }

        var steps = prompts.Select(prompt => System.Text.RegularExpressions.Regex.Match(prompt, @"Étape (\d+) sur (\d+)")).ToList();
        steps.ShouldAllBe(step => step.Success);
        var totals = steps.Select(step => int.Parse(step.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)).Distinct().ToList();
        var positions = steps.Select(step => int.Parse(step.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        totals.ShouldHaveSingleItem();
        positions.ShouldBe(positions.Order().Distinct());
        positions[^1].ShouldBe(totals[0]);
        prompts[^1].ShouldContainAll("Créer ce vote", "majorité simple des suffrages exprimés, abstentions comptées", "au moins 21 commune", "résultats provisoires");
    }

    [Fact]
    public async Task Votes_StaffOnAFreshStart_EmptyListOffersNouveauVote()
    {
        var list = (await Teams.SayAsync(TeamsUser.Alex, "votes")).Card;
        var forMegan = (await Teams.SayAsync(TeamsUser.Megan, "votes")).Card;

        var started = await Teams.ClickAsync(TeamsUser.Alex, list, "Nouveau vote");

        CardReader.AllText(list).ShouldNotContain("pour vous");
        CardReader.ButtonTitles(forMegan).ShouldNotContain("Nouveau vote");
        CardReader.AllText(started.Card).ShouldContainAll("Nouveau vote", "Étape 1 sur");
    }

    [Fact]
    public async Task NewBallot_BadAnswers_AreRepromptedWithTheReason()
    {
        await Teams.SayAsync(TeamsUser.Alex, "nouveau vote");

        var tooShort = await Teams.SayAsync(TeamsUser.Alex, "Oui");
        await Teams.SayAsync(TeamsUser.Alex, "Approuvez-vous le budget 2027 ?");
        await Teams.SayAsync(TeamsUser.Alex, "-");
        var badLink = await Teams.SayAsync(TeamsUser.Alex, "javascript:alert(1)");
        await Teams.SayAsync(TeamsUser.Alex, "-");
        await Teams.SayAsync(TeamsUser.Alex, "single");
        var oneChoice = await Teams.SayAsync(TeamsUser.Alex, "Option A");
        var refusedForOfficer = await Teams.SayAsync(TeamsUser.Patti, "nouveau vote");
        var cancelled = await Teams.SayAsync(TeamsUser.Alex, "annuler");

        tooShort.AllText.ShouldContain("La question compte de 5 à 300 caractères.");
        badLink.AllText.ShouldContain("commençant par https://");
        oneChoice.AllText.ShouldContain("Il faut de 2 à 10 choix différents");
        refusedForOfficer.AllText.ShouldNotContain("Quelle question");
        cancelled.AllText.ShouldContain("Nouveau vote");
        (await Ballots.ListAsync()).ShouldBeEmpty();
    }

    private async Task<string> DownloadAsync(string text)
    {
        var link = text[(text.IndexOf("](", StringComparison.Ordinal) + 2)..text.IndexOf(") (", StringComparison.Ordinal)];
        return (await Teams.Http.GetStringAsync(new Uri(link).PathAndQuery)).TrimStart('\uFEFF');
    }

    private sealed class FixedCatalog : IConferenceSessionCatalog
    {
        public Task<IReadOnlyList<SessionChoice>> UpcomingAsync(CancellationToken ct) =>
            Task.FromResult<IReadOnlyList<SessionChoice>>([new SessionChoice("s-0312", "Séance du 12 mars 2026", null, [new AgendaChoice("p3", "Point 3 : mobilité"), new AgendaChoice("p4", "Point 4 : centrale d'achat")])]);
    }
}
