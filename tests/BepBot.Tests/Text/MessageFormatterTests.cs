using BepBot.Features.Votes;
using BepBot.Infrastructure.Text;
using BepBot.Platform.Territory;
using BepBot.Tests.Harness;

namespace BepBot.Tests.Text;

public sealed class MessageFormatterTests
{
    private const char Nbsp = '\u00A0';
    private const char Narrow = '\u202F';

    [Theory]
    [InlineData("Quel est son rôle ?", "Quel est son rôle\u202F?")]
    [InlineData("Attention ! Relisez ; puis envoyez.", "Attention\u202F! Relisez\u202F; puis envoyez.")]
    [InlineData("Rappel : demain", "Rappel\u00A0: demain")]
    [InlineData("Tapez « annuler » pour sortir.", "Tapez «\u00A0annuler\u00A0» pour sortir.")]
    [InlineData("séparées par « ; »", "séparées par «\u00A0;\u00A0»")]
    [InlineData("Quoi? Vraiment! (Note: «oui»)", "Quoi\u202F? Vraiment\u202F! (Note\u00A0: «\u00A0oui\u00A0»)")]
    [InlineData("**Date :** {0}", "**Date\u00A0:** {0}")]
    [InlineData("**Date**: {0}?", "**Date**\u00A0: {0}\u202F?")]
    [InlineData("Vraiment ?!", "Vraiment\u202F?!")]
    [InlineData("« Quoi ? »", "«\u00A0Quoi\u202F?\u00A0»")]
    [InlineData("Voir https://bep.be/?page=1 ou ![logo](x.png).", "Voir https://bep.be/?page=1 ou ![logo](x.png).")]
    [InlineData("écrivez 12/03/2027 14:00 (Graph:*, commune;indicateur, {0:N0})", "écrivez 12/03/2027 14:00 (Graph:*, commune;indicateur, {0:N0})")]
    public void Apply_FrenchText_SpacesPunctuationTheFrenchWay(string text, string expected)
    {
        FrenchTypography.Apply(text).ShouldBe(expected);
    }

    [Fact]
    public void Format_English_LeavesSpacingAlone()
    {
        MessageFormatter.Format("Really ? « {0} » : yes", Cultures.English, Cultures.English, "x").ShouldBe("Really ? « x » : yes");
    }

    [Fact]
    public void Format_French_SpacesTheTextButNotTheValues()
    {
        MessageFormatter.Format("Le vote « {0} » est ouvert : {1}", Cultures.French, Cultures.French, "Budget ?", "oui !")
            .ShouldBe($"Le vote «{Nbsp}Budget ?{Nbsp}» est ouvert{Nbsp}: oui !");
    }

    [Theory]
    [InlineData("Andenne", "bourgmestre d'Andenne")]
    [InlineData("Anhée", "bourgmestre d'Anhée")]
    [InlineData("Assesse", "bourgmestre d'Assesse")]
    [InlineData("Eghezée", "bourgmestre d'Eghezée")]
    [InlineData("Éghezée", "bourgmestre d'Éghezée")]
    [InlineData("Ohey", "bourgmestre d'Ohey")]
    [InlineData("Onhaye", "bourgmestre d'Onhaye")]
    [InlineData("Yvoir", "bourgmestre d'Yvoir")]
    [InlineData("Hastière", "bourgmestre d'Hastière")]
    [InlineData("Havelange", "bourgmestre de Havelange")]
    [InlineData("Houyet", "bourgmestre de Houyet")]
    [InlineData("Hamois", "bourgmestre de Hamois")]
    [InlineData("Gembloux", "bourgmestre de Gembloux")]
    [InlineData("La Bruyère", "bourgmestre de La Bruyère")]
    [InlineData("Yannick Peeters", "bourgmestre de Yannick Peeters")]
    [InlineData("8 communes", "bourgmestre de 8 communes")]
    [InlineData("onze communes", "bourgmestre de onze communes")]
    public void Format_FrenchDeBeforeAName_ElidesWhenTheNameAsks(string name, string expected)
    {
        MessageFormatter.Format("bourgmestre de {0}", Cultures.French, Cultures.French, name).ShouldBe(expected);
    }

    [Fact]
    public void Format_FrenchArticlesBeforeValues_ElideKeepingCaseAndEmphasis()
    {
        MessageFormatter.Format("De {0}, que {1} et la {2} : le rôle de **{3}** ou le {4}", Cultures.French, Cultures.French, "Ohey", "Anne", "Assemblée", "Adele Vance", "lundi 1er mars")
            .ShouldBe($"D'Ohey, qu'Anne et l'Assemblée{Nbsp}: le rôle d'**Adele Vance** ou le lundi 1er mars");
    }

    [Fact]
    public void Format_English_NeverElides()
    {
        MessageFormatter.Format("de {0}", Cultures.English, Cultures.English, "Andenne").ShouldBe("de Andenne");
    }

    [Theory]
    [InlineData(0, "fr", "0 commune a voté")]
    [InlineData(1, "fr", "1 commune a voté")]
    [InlineData(2, "fr", "2 communes ont voté")]
    [InlineData(0, "en", "0 communes voted")]
    [InlineData(1, "en", "1 commune voted")]
    [InlineData(40, "en", "40 communes voted")]
    public void Format_Plural_ChosenByTheCountAndTheLanguage(int count, string language, string expected)
    {
        var culture = language == "fr" ? Cultures.French : Cultures.English;
        var pattern = language == "fr"
            ? "{0, plural, one {# commune a voté} other {# communes ont voté}}"
            : "{0, plural, one {# commune voted} other {# communes voted}}";

        MessageFormatter.Format(pattern, culture, culture, count).ShouldBe(expected);
    }

    [Fact]
    public void Format_SeveralPluralsExactValuesAndPlaceholdersInForms_AllWorded()
    {
        const string pattern = "Places : {0, plural, one {# confirmée} other {# confirmées}}, {1, plural, =0 {aucune libre} one {# libre sur {2}} other {# libres sur {2}}}";

        MessageFormatter.Format(pattern, Cultures.French, Cultures.French, 18, 0, 30).ShouldBe($"Places{Nbsp}: 18 confirmées, aucune libre");
        MessageFormatter.Format(pattern, Cultures.French, Cultures.French, 1, 12, 30).ShouldBe($"Places{Nbsp}: 1 confirmée, 12 libres sur 30");
    }

    [Fact]
    public void Format_PluralWithoutOtherForm_IsRefused()
    {
        Should.Throw<FormatException>(() => MessageFormatter.Format("{0, plural, one {# x}}", Cultures.French, Cultures.French, 2));
    }

    [Fact]
    public void Localizer_FeatureResource_WordedWithPluralsElisionAndSpacing()
    {
        var votes = TestTexts.For<VotesTexts>();
        using var scope = CultureScope.Use(Cultures.French);

        votes["Seat_Held", "Dinant", "Adele Vance"].Value.ShouldBe("Dinant (procuration d'Adele Vance)");
        votes["Quorum_Communes", 1].Value.ShouldBe("au moins 1 commune votante");
        votes["Quorum_Communes", 21].Value.ShouldBe("au moins 21 communes votantes");
        votes["New_DateHint"].Value.ShouldBe("Heure de Bruxelles, par exemple 12/03/2026 18 h.");
    }

    [Fact]
    public void Localizer_EveryCommune_TakesDeOrDApostropheAsItsOwnAdministrationWritesIt()
    {
        string[] elided = ["Andenne", "Anhée", "Assesse", "Eghezée", "Hastière", "Ohey", "Onhaye", "Yvoir"];

        foreach (var commune in TerritoryMap.Communes)
        {
            var expected = elided.Contains(commune.Name) ? $"d'{commune.Name}" : $"de {commune.Name}";
            MessageFormatter.Format("de {0}", Cultures.French, Cultures.French, commune.Name).ShouldBe(expected);
        }
    }

    [Fact]
    public void Typeset_NarrowAndWideSpaces_AreTheUnicodeOnes()
    {
        MessageFormatter.Typeset("Oui ? Non :", Cultures.French).ShouldBe($"Oui{Narrow}? Non{Nbsp}:");
    }
}
