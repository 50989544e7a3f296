using BepBot.Platform.Territory;

namespace BepBot.Tests.Text;

public sealed class TerritoryTests
{
    [Fact]
    public void Bassins_AsTheBepPageLists_ThreeBassinsOfSixteenThirteenAndEleven()
    {
        TerritoryMap.Bassins.Select(bassin => (bassin.Id, bassin.Communes.Count))
            .ShouldBe([("namur-capitale", 16), ("dinant-meuse-condroz", 13), ("essaimage", 11)]);
    }

    [Fact]
    public void Communes_All_FortyDistinctEachInItsOwnBassin()
    {
        TerritoryMap.Communes.Count.ShouldBe(40);
        TerritoryMap.Communes.Select(commune => commune.Name).Distinct(StringComparer.Ordinal).Count().ShouldBe(40);
        TerritoryMap.Communes.ShouldAllBe(commune => commune.Bassin.Communes.Contains(commune.Name));
    }

    [Fact]
    public void Communes_SpeltAsTheSeed()
    {
        TerritoryMap.NamurCapitale.Communes.ShouldBe(
        [
            "Andenne", "Assesse", "Chastre", "Eghezée", "Fernelmont", "Floreffe", "Fosses-la-Ville", "Gembloux",
            "Gesves", "Jemeppe-sur-Sambre", "La Bruyère", "Namur", "Ohey", "Profondeville", "Sombreffe", "Walhain",
        ]);
        TerritoryMap.DinantMeuseCondroz.Communes.ShouldBe(
        [
            "Anhée", "Beauraing", "Bièvre", "Ciney", "Dinant", "Onhaye", "Gedinne", "Hamois", "Hastière",
            "Havelange", "Houyet", "Vresse-sur-Semois", "Yvoir",
        ]);
        TerritoryMap.Essaimage.Communes.ShouldBe(
        [
            "Cerfontaine", "Chimay", "Couvin", "Doische", "Florennes", "Froidchapelle", "Mettet", "Momignies",
            "Philippeville", "Viroinval", "Walcourt",
        ]);
    }

    [Theory]
    [InlineData("eghezee", "Eghezée", "namur-capitale")]
    [InlineData("EGHEZÉE", "Eghezée", "namur-capitale")]
    [InlineData("  la   BRUYERE ", "La Bruyère", "namur-capitale")]
    [InlineData("bievre", "Bièvre", "dinant-meuse-condroz")]
    [InlineData("Vresse-sur-semois", "Vresse-sur-Semois", "dinant-meuse-condroz")]
    [InlineData("anhee", "Anhée", "dinant-meuse-condroz")]
    [InlineData("couvin", "Couvin", "essaimage")]
    public void FindCommune_AnyCaseOrAccents_ReturnsSeedSpellingAndBassin(string typed, string name, string bassinId)
    {
        var commune = TerritoryMap.FindCommune(typed);

        commune.ShouldNotBeNull();
        commune.Name.ShouldBe(name);
        commune.Bassin.Id.ShouldBe(bassinId);
    }

    [Theory]
    [InlineData("Liège")]
    [InlineData("Namur-Capitale")]
    [InlineData("Namu")]
    [InlineData("")]
    [InlineData(null)]
    public void FindCommune_Unknown_ReturnsNull(string? typed) =>
        TerritoryMap.FindCommune(typed).ShouldBeNull();

    [Theory]
    [InlineData("namur-capitale", "namur-capitale")]
    [InlineData("Namur-Capitale", "namur-capitale")]
    [InlineData("dinant-meuse-condroz", "dinant-meuse-condroz")]
    [InlineData("DINANT-MEUSE-CONDROZ", "dinant-meuse-condroz")]
    [InlineData("essaimage", "essaimage")]
    [InlineData(" Essaimage ", "essaimage")]
    [InlineData("Région Essaimage (Entre-Sambre-et-Meuse)", "essaimage")]
    public void FindBassin_IdOrShortName_ReturnsBassin(string typed, string expectedId)
    {
        Bassin? bassin = TerritoryMap.FindBassin(typed);

        bassin.ShouldNotBeNull();
        bassin.Id.ShouldBe(expectedId);
    }

    [Theory]
    [InlineData("Namur")]
    [InlineData("Liège")]
    [InlineData("")]
    [InlineData(null)]
    public void FindBassin_Unknown_ReturnsNull(string? typed) =>
        TerritoryMap.FindBassin(typed).ShouldBeNull();
}
