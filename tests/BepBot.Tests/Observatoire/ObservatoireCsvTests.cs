using System.Text;
using BepBot.Features.Observatoire;
using BepBot.Infrastructure.Text;
using BepBot.Platform.Territory;
using BepBot.Tests.Harness;

namespace BepBot.Tests.Observatoire;

public sealed class ObservatoireCsvTests
{
    public static string Csv(int rows, IReadOnlyDictionary<int, string>? replaceLines = null, string separator = ";")
    {
        var text = new StringBuilder($"commune{separator}indicateur{separator}année{separator}valeur{separator}unité{separator}source\n");
        var communes = BepBot.Platform.Territory.TerritoryMap.Communes;
        for (var i = 0; i < rows; i++)
        {
            var line = i + 2;
            var commune = communes[i % communes.Count].Name;
            var year = 2000 + (i / communes.Count);
            var value = separator == ";" ? $"{1000 + i},5" : $"{1000 + i}.5";
            text.Append(replaceLines is not null && replaceLines.TryGetValue(line, out var replaced)
                ? replaced
                : $"{commune}{separator}Population{separator}{year}{separator}{value}{separator}habitants{separator}Statbel").Append('\n');
        }

        return text.ToString();
    }

    [Fact]
    public void Parse_500RowsWith3Bad_Exactly3PreciseErrorsAndNothingKept()
    {
        var csv = Csv(500, new Dictionary<int, string>
        {
            [10] = "Atlantis;Population;2000;12;habitants;Statbel",
            [200] = $"{BepBot.Platform.Territory.TerritoryMap.Communes[198 % 40].Name};Population;2004;douze;habitants;Statbel",
            [400] = "Dinant;Population;20x9;12;habitants;Statbel",
        });

        var result = ObservatoireCsv.Parse(csv, latestYear: 2027);

        result.IsValid.ShouldBeFalse();
        result.Observations.ShouldBeEmpty();
        result.Errors.Select(error => error.Line).ShouldBe([10L, 200L, 400L]);
        French(result.Errors[0]).ShouldBe(Fr("« Atlantis » n'est ni une des 40 communes ni un de leurs codes INS."));
        French(result.Errors[1]).ShouldBe(Fr("La valeur « douze » n'est pas un nombre."));
        French(result.Errors[2]).ShouldBe(Fr("L'année « 20x9 » n'est pas une année entre 1800 et 2027."));
    }

    [Fact]
    public void Parse_500ValidRows_AllKeptWithDecimalComma()
    {
        var result = ObservatoireCsv.Parse(Csv(500), latestYear: 2027);

        result.Errors.ShouldBeEmpty();
        result.Observations.Count.ShouldBe(500);
        result.Observations[0].ShouldBe(new Observation("Andenne", "Population", 2000, 1000.5m, "habitants", "Statbel"));
    }

    [Fact]
    public void Parse_CommaSeparatedEnglishHeadersAndNisCodes_Accepted()
    {
        const string csv = """
            municipality,indicator,year,value,unit,source
            92142,Population,2024,"26,512.5",inhabitants,Statbel
            91030,Population,2024,16120.25,inhabitants,Statbel
            "La Bruyère",Population,2024,"9 512,5",inhabitants,Statbel
            eghezee,Population,2024,-3,inhabitants,Statbel
            """;

        var result = ObservatoireCsv.Parse(csv, latestYear: 2027);

        result.Errors.ShouldBeEmpty();
        result.Observations.Select(row => (row.Commune, row.Value)).ShouldBe(
            [("Gembloux", 26512.5m), ("Ciney", 16120.25m), ("La Bruyère", 9512.5m), ("Eghezée", -3m)]);
    }

    [Theory]
    [InlineData("1234,5", 1234.5)]
    [InlineData("1 234,5", 1234.5)]
    [InlineData("1.234,5", 1234.5)]
    [InlineData("1,234.5", 1234.5)]
    [InlineData("1234.5", 1234.5)]
    [InlineData("-0,25", -0.25)]
    [InlineData("12 345", 12345)]
    public void ParseNumber_FrenchOrEnglish_Read(string text, double expected) =>
        ObservatoireCsv.ParseNumber(text).ShouldBe((decimal)expected);

    [Theory]
    [InlineData("")]
    [InlineData("douze")]
    [InlineData("1,2,3")]
    [InlineData("1.2.3,4,5")]
    [InlineData("12%")]
    public void ParseNumber_NotANumber_Null(string text) => ObservatoireCsv.ParseNumber(text).ShouldBeNull();

    [Fact]
    public void Parse_DuplicatesUnitsAndEmptyFields_EachReportedOnItsLine()
    {
        const string csv = """
            commune;indicateur;année;valeur;unité;source
            Ciney;Superficie;2024;147,5;km²;Statbel
            Ciney;superficie;2024;147,5;km²;Statbel
            Dinant;Superficie;2024;99;ha;Statbel
            Yvoir;;2024;;km²;
            Hamois;Superficie;2024;12
            """;

        var result = ObservatoireCsv.Parse(csv, latestYear: 2027);

        result.Errors.Select(error => (error.Line, French(error))).ShouldBe([
            (3, "Ciney, superficie, 2024 figure déjà à la ligne 2."),
            (4, Fr("L'unité « ha » diffère de « km² » donnée à la ligne 2 pour l'indicateur Superficie.")),
            (5, Fr("L'indicateur est vide ; la valeur est vide (omettez la ligne quand la donnée n'existe pas) ; la source est vide.")),
            (6, "4 colonnes au lieu de 6."),
        ]);
    }

    [Fact]
    public void Parse_MissingColumn_HeaderErrorOnly()
    {
        var result = ObservatoireCsv.Parse("commune;indicateur;valeur;unité;source\nCiney;Population;12;habitants;Statbel\n");

        var error = result.Errors.Single();
        (error.Line, French(error)).ShouldBe((1L, Fr("En-tête incomplet : colonne manquante année. En-tête attendu : commune;indicateur;année;valeur;unité;source.")));
    }

    [Fact]
    public void Parse_EmptyOrHeaderOnly_Refused()
    {
        French(ObservatoireCsv.Parse("\uFEFF  ").Errors.Single()).ShouldBe("Le fichier est vide.");
        French(ObservatoireCsv.Parse("commune;indicateur;année;valeur;unité;source\n").Errors.Single()).ShouldBe("Le fichier ne contient aucune ligne de données.");
    }

    [Fact]
    public void Decode_Latin1File_AccentsKept()
    {
        var bytes = Encoding.Latin1.GetBytes("commune;indicateur;année;valeur;unité;source\nEghezée;Ménages;2024;6500;ménages;Statbel\n");

        var result = ObservatoireCsv.Parse(TextFileDecoding.Decode(bytes), 2027);

        result.Observations.Single().ShouldBe(new Observation("Eghezée", "Ménages", 2024, 6500m, "ménages", "Statbel"));
    }

    private static string French(CsvLineError error) => TestTexts.Describe<ObservatoireTexts>(error, Cultures.French);
}
