using System.Globalization;
using BepBot.Chat;
using BepBot.Platform.CommunePages;
using BepBot.Tests.Harness;

namespace BepBot.Tests.Projects;

public sealed class CommunePageTests : ProjectsBotTest
{
    public override Task InitializeAsync()
    {
        Bot.WithServices(services =>
        {
            services.AddCommunePageSection<UpcomingLabsSection>();
            services.AddCommunePageSection<BrokenSection>();
        });
        return base.InitializeAsync();
    }

    [Fact]
    public async Task MaCommune_Officer_ShowsOwnCommunesBassinProjectsCentralsAndOtherSections()
    {
        var card = (await Client.SayAsync(TeamsUser.Lynne, "ma commune")).Card;

        var text = CardReader.AllText(card);
        text.ShouldContainAll(
            "Commune de Ciney",
            "Arrondissement de Dinant (Dinant-Meuse-Condroz) · 13 communes dans ce bassin",
            "Projets supracommunaux (2)",
            "Dinant-Meuse-Condroz, territoire intelligent",
            "Centrales d'achat rejointes (3)",
            Fr("Pas encore rejointes : Centrale de gestion de gobelets réutilisables."),
            "Séminaires à venir",
            "Cybersécurité à Ciney",
            "Cette partie de la page est momentanément indisponible.",
            "Données de démonstration");
        // Sections in their Order: projects (10), centrals (20), labs (30), then the failing one (40).
        text.IndexOf("Projets supracommunaux", StringComparison.Ordinal).ShouldBeLessThan(text.IndexOf("Centrales d'achat rejointes", StringComparison.Ordinal));
        text.IndexOf("Centrales d'achat rejointes", StringComparison.Ordinal).ShouldBeLessThan(text.IndexOf("Séminaires à venir", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("la commune de Gesves")]
    [InlineData("commune gesves")]
    [InlineData("La commune de GESVES ?")]
    public async Task CommunePage_NamedCommune_ShowsThatCommune(string command)
    {
        var text = await Client.CardTextAsync(TeamsUser.Megan, command);

        text.ShouldContainAll(
            "Commune de Gesves",
            "Bassin de Namur-Capitale",
            "Parc naturel en Cœur de Condroz",
            "Centrales d'achat rejointes (3)");
    }

    [Fact]
    public async Task CommunePage_UnknownCommune_SaysSo()
    {
        var response = await Client.SayAsync(TeamsUser.Megan, "la commune de Gotham");

        response.Texts.Single().ShouldBe(Fr("« Gotham » n'est pas une des 40 communes des bassins du BEP. Vérifiez l'orthographe, par exemple « la commune de Ciney »."));
    }

    [Fact]
    public async Task MaCommune_StaffWithoutCommune_AsksWhichOne()
    {
        var response = await Client.SayAsync(TeamsUser.Alex, "ma commune");

        response.Texts.Single().ShouldBe(Fr("De quelle commune s'agit-il ? Tapez par exemple « la commune de Ciney »."));
    }

    [Fact]
    public async Task MaCommune_Guest_Refused()
    {
        (await Client.SayAsync(TeamsUser.Stranger, "ma commune")).Texts.Single().ShouldStartWith("Cette commande est réservée aux membres");
    }

    private sealed class UpcomingLabsSection : ICommunePageSection
    {
        public int Order => 30;

        public Task<CommunePageSection?> DescribeAsync(string commune, ChatUser viewer, CultureInfo culture, CancellationToken cancellationToken) =>
            Task.FromResult<CommunePageSection?>(new CommunePageSection("Séminaires à venir", [new CommunePageLine($"Cybersécurité à {commune}", "jeudi 4 février 2027")]));
    }

    private sealed class BrokenSection : ICommunePageSection
    {
        public int Order => 40;

        public Task<CommunePageSection?> DescribeAsync(string commune, ChatUser viewer, CultureInfo culture, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("store down");
    }
}
