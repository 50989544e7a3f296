using BepBot.Tests.Harness;

namespace BepBot.Tests.Bot;

/// <summary>
/// A command typed in the middle of a form is recognised: the bot asks whether to leave the form for it, and only
/// « Annuler et ouvrir … » leaves; `aide` and `annuler` keep working. Alex is BEP staff.
/// </summary>
public sealed class FlowLeaveTests : BotConversationTest
{
    [Fact]
    public async Task CommandTypedInAForm_AskedWhetherToLeave_ContinueAsksTheSameStepAgain()
    {
        await Client.SayAsync(TeamsUser.Alex, "nouveau vote");

        var asked = (await Client.SayAsync(TeamsUser.Alex, "votes")).Card;

        CardReader.AllText(asked).ShouldContain("Voulez-vous l'annuler pour ouvrir");
        var buttons = CardReader.ButtonTitles(asked).ToList();
        buttons.ShouldContain(title => title.StartsWith("Annuler et ouvrir", StringComparison.Ordinal) && title.Contains("votes", StringComparison.Ordinal));
        buttons.ShouldContain("Continuer le formulaire");
        var resumed = await Client.ClickAsync(TeamsUser.Alex, asked, "Continuer le formulaire");
        var step = CardReader.AllText(resumed.UpdatedCard!);
        step.ShouldContain("Nouveau vote");
        step.ShouldContain("Étape 1 sur");
        // The form is still at its first step: a question typed now is its answer.
        CardReader.AllText((await Client.SayAsync(TeamsUser.Alex, "Approuvez-vous le budget 2027 ?")).Card).ShouldContain("Étape 2 sur");
    }

    [Fact]
    public async Task CommandTypedInAForm_LeaveClicked_FormLeftAndTheCommandRuns()
    {
        await Client.SayAsync(TeamsUser.Alex, "nouveau vote");
        await Client.SayAsync(TeamsUser.Alex, "Approuvez-vous le budget 2027 ?");

        var asked = (await Client.SayAsync(TeamsUser.Alex, "conférences")).Card;
        var leave = CardReader.ButtonTitles(asked).Single(title => title.StartsWith("Annuler et ouvrir", StringComparison.Ordinal));
        var left = await Client.ClickAsync(TeamsUser.Alex, asked, leave);

        CardReader.AllText(left.UpdatedCard!).ShouldContain(Fr("Opération annulée : « Nouveau vote ». Rien n'a été enregistré."));
        CardReader.ButtonTitles(left.Card).ShouldContain("Planifier une séance");
        // No form any more: what is typed now is not an answer to the vote form.
        IsFormStep(await Client.SayAsync(TeamsUser.Alex, "Pour / Contre / Abstention")).ShouldBeFalse();
        (await Client.ClickAsync(TeamsUser.Alex, asked, leave)).AllText.ShouldContain("n'est plus active");
    }

    [Fact]
    public async Task CommandTypedInAForm_StartsTheSameForm_LeavingStartsItAfresh()
    {
        await Client.SayAsync(TeamsUser.Alex, "nouveau vote");
        await Client.SayAsync(TeamsUser.Alex, "Approuvez-vous le budget 2027 ?");

        var asked = (await Client.SayAsync(TeamsUser.Alex, "nouveau vote")).Card;
        var left = await Client.ClickAsync(TeamsUser.Alex, asked, CardReader.ButtonTitles(asked).Single(title => title.StartsWith("Annuler et ouvrir", StringComparison.Ordinal)));

        CardReader.AllText(left.Card).ShouldContain("Étape 1 sur");
        // Started afresh: the question typed before is gone, the first step asks it again.
        CardReader.AllText((await Client.SayAsync(TeamsUser.Alex, "Approuvez-vous le budget 2028 ?")).Card).ShouldContain("Étape 2 sur");
    }

    [Fact]
    public async Task TextInAForm_BeginsWithACommandWordOrIsHelpOrCancel_AnswerHelpAndCancelAsBefore()
    {
        await Client.SayAsync(TeamsUser.Alex, "nouveau vote");

        var answered = (await Client.SayAsync(TeamsUser.Alex, "Projets de mobilité : approuvez-vous le plan ?")).Card;
        var help = await Client.SayAsync(TeamsUser.Alex, "aide");
        var cancelled = await Client.SayAsync(TeamsUser.Alex, "annuler");

        CardReader.AllText(answered).ShouldContain("Étape 2 sur");
        CardReader.AllText(help.Card).ShouldContain("nouveau vote");
        cancelled.AllText.ShouldContain("Nouveau vote");
        IsFormStep(await Client.SayAsync(TeamsUser.Alex, "Approuvez-vous le budget 2027 ?")).ShouldBeFalse();
    }

    // Every step of a form offers « Annuler ».
    private static bool IsFormStep(BotResponse response) =>
        response.Cards.SelectMany(CardReader.Actions).Any(action => (string?)action["verb"] == "flows.cancel");
}
