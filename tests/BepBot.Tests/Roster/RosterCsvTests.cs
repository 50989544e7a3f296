using BepBot.Chat;
using BepBot.Features.Roster;
using BepBot.Infrastructure.Text;
using BepBot.Tests.Harness;

namespace BepBot.Tests.Roster;

public sealed class RosterCsvTests
{
    private const string Header = "aadObjectId,name,email,role,commune";
    private const string StaffId = "6f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f";
    private const string NamurId = "11111111-2222-4333-8444-555555555555";
    private const string EghezeeId = "22222222-3333-4444-8555-666666666666";
    private const string LaBruyereId = "33333333-4444-4555-8666-777777777777";

    private static string Lines(params string[] lines) => string.Join("\n", lines) + "\n";

    [Fact]
    public void Parse_ValidCommaFile_ReturnsEveryMemberWithSeedSpelling()
    {
        var result = RosterCsv.Parse(Lines(
            Header,
            $"{StaffId},Alex Wilber,alex.wilber@bep.be,bep-staff,",
            $"{NamurId},Maxime Prévot,bourgmestre@ville.namur.be,bourgmestre,Namur",
            $"{EghezeeId},Rudy Delhaise,rudy.delhaise@eghezee.be,officer,eghezee",
            $"{LaBruyereId},Yves Depas,bourgmestre@labruyere.be,Bourgmestre,LA BRUYERE"));

        result.IsValid.ShouldBeTrue(string.Join(" | ", result.Errors));
        result.Errors.ShouldBeEmpty();
        result.Members.ShouldBe(
        [
            new Member(StaffId, "Alex Wilber", "alex.wilber@bep.be", Role.BepStaff, null),
            new Member(NamurId, "Maxime Prévot", "bourgmestre@ville.namur.be", Role.Bourgmestre, "Namur"),
            new Member(EghezeeId, "Rudy Delhaise", "rudy.delhaise@eghezee.be", Role.Officer, "Eghezée"),
            new Member(LaBruyereId, "Yves Depas", "bourgmestre@labruyere.be", Role.Bourgmestre, "La Bruyère"),
        ]);
    }

    [Theory]
    [InlineData("Personnel du BEP", Role.BepStaff)]
    [InlineData("staff", Role.BepStaff)]
    [InlineData("Mayor", Role.Bourgmestre)]
    [InlineData("agent communal", Role.Officer)]
    [InlineData("Agente communale", Role.Officer)]
    [InlineData("AGENT", Role.Officer)]
    public void Parse_RoleWrittenInWords_ReadAsTheRole(string written, Role expected)
    {
        var result = RosterCsv.Parse(Lines("email,name,role,commune", $"anne.dupont@gesves.be,Anne Dupont,{written},Gesves"));

        result.Errors.ShouldBeEmpty();
        result.Members.Single().Role.ShouldBe(expected);
    }

    [Fact]
    public void Parse_SemicolonBomCrlfAndQuotedFields_ReturnsMembers()
    {
        var text = "\uFEFFaadObjectId;name;email;role;commune\r\n"
            + $"{NamurId};\"Prévot; Maxime\";bourgmestre@ville.namur.be;bourgmestre;Namur\r\n"
            + $"\"{EghezeeId}\";\"Rudy \"\"le DG\"\" Delhaise\";rudy.delhaise@eghezee.be;officer;\"Eghezée\"\r\n"
            + $"{LaBruyereId};Yves Depas;yves.depas@labruyere.be;officer;\" Bièvre \"\r\n";

        var result = RosterCsv.Parse(text);

        result.Errors.ShouldBeEmpty();
        result.Members.Select(member => member.Name).ShouldBe(["Prévot; Maxime", "Rudy \"le DG\" Delhaise", "Yves Depas"]);
        result.Members.Select(member => member.Commune).ShouldBe(["Namur", "Eghezée", "Bièvre"]);
        result.Members[0].AadObjectId.ShouldBe(NamurId);
    }

    [Fact]
    public void Parse_ColumnsInAnotherOrderAndCase_ReadsByName()
    {
        var result = RosterCsv.Parse(Lines(
            "Role,Commune,EMAIL,Name,AadObjectId",
            $"officer,Ciney,lynne.robbins@ciney.be,Lynne Robbins,{NamurId}"));

        result.Errors.ShouldBeEmpty();
        result.Members.ShouldBe([new Member(NamurId, "Lynne Robbins", "lynne.robbins@ciney.be", Role.Officer, "Ciney")]);
    }

    [Fact]
    public void Parse_SpacesAroundHeaderAndFields_Trimmed()
    {
        var result = RosterCsv.Parse(Lines(
            "aadObjectId, name, email, role, commune",
            $"{NamurId}, Maxime Prévot , bourgmestre@ville.namur.be , bourgmestre , Namur "));

        result.Errors.ShouldBeEmpty();
        result.Members.ShouldBe([new Member(NamurId, "Maxime Prévot", "bourgmestre@ville.namur.be", Role.Bourgmestre, "Namur")]);
    }

    [Fact]
    public void Parse_UpperCaseObjectId_StoredInLowerCase()
    {
        var result = RosterCsv.Parse(Lines(Header, $"{StaffId.ToUpperInvariant()},Alex Wilber,alex.wilber@bep.be,bep-staff,"));

        result.Members.Single().AadObjectId.ShouldBe(StaffId);
    }

    [Fact]
    public void Parse_AgentsPlaygroundIdsWithThirteenDigits_Accepted()
    {
        var result = RosterCsv.Parse(Lines(
            Header,
            "00000000-0000-0000-0000-0000000000020,Alex Wilber,alexw@contoso.com,bep-staff,",
            "00000000-0000-0000-0000-0000000000021,Megan Bowen,meganb@contoso.com,bourgmestre,Namur"));

        result.Errors.ShouldBeEmpty();
        result.Members.Select(member => member.AadObjectId)
            .ShouldBe(["00000000-0000-0000-0000-0000000000020", "00000000-0000-0000-0000-0000000000021"]);
    }

    [Theory]
    [InlineData("6f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f", true)]
    [InlineData("00000000-0000-0000-0000-0000000000020", true)]
    [InlineData("00000000-0000-0000-0000-00000000000200", false)]
    [InlineData("00000000-0000-0000-0000-00000000002", false)]
    [InlineData("6f1c2d3e4b5a4c6d8e7f0a1b2c3d4e5f", false)]
    [InlineData("6f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5g", false)]
    [InlineData("{6f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f}", false)]
    [InlineData("", false)]
    public void IsAadObjectId_Value_MatchesEntraIdShape(string value, bool expected) =>
        RosterCsv.IsAadObjectId(value).ShouldBe(expected);

    [Fact]
    public void Parse_EveryKindOfBadRow_ReportsEachLineWithItsReasonAndNoMembers()
    {
        var result = RosterCsv.Parse(Lines(
            Header,
            $"{NamurId},Maxime Prévot,bourgmestre@ville.namur.be,bourgmestre,Namur",             // 2 ok
            "not-a-guid,Jean Dupont,jean.dupont@andenne.be,officer,Andenne",                     // 3 bad id
            $"{EghezeeId},Jean Dupont,jean.dupont@andenne.be,chef,Andenne",                      // 4 unknown role
            $"{LaBruyereId},Jean Dupont,jean.dupont@liege.be,officer,Liège",                     // 5 not one of the 40
            "44444444-5555-4666-8777-888888888888,Anne Martin,anne.martin@ohey.be,officer,",      // 6 officer without commune
            "55555555-6666-4777-8888-999999999999,Paul Durant,paul.durant@ohey.be,bourgmestre,",  // 7 bourgmestre without commune
            $"{NamurId},Autre Personne,autre@namur.be,officer,Namur",                            // 8 duplicate id
            "66666666-7777-4888-8999-aaaaaaaaaaaa,Homonyme,BOURGMESTRE@ville.namur.be,officer,Namur", // 9 duplicate email
            "77777777-8888-4999-8aaa-bbbbbbbbbbbb,Second Mayeur,second@namur.be,bourgmestre,namur", // 10 second bourgmestre
            "88888888-9999-4aaa-8bbb-cccccccccccc,Trop Court,court@namur.be,officer",             // 11 four columns
            "99999999-aaaa-4bbb-8ccc-dddddddddddd,Trop Long,long@namur.be,officer,Namur,extra",   // 12 six columns
            "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee,Sans Courriel,pas-une-adresse,officer,Namur"));  // 13 bad email

        result.IsValid.ShouldBeFalse();
        result.Members.ShouldBeEmpty();
        result.Errors.Select(error => error.Line).ShouldBe([3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L]);
        ErrorAt(result, 3).ShouldContain("not-a-guid");
        ErrorAt(result, 4).ShouldContain(Fr("rôle « chef » inconnu"));
        ErrorAt(result, 5).ShouldContain(Fr("« Liège » n'est pas une des 40 communes"));
        ErrorAt(result, 6).ShouldContain("la commune est obligatoire");
        ErrorAt(result, 7).ShouldContain("la commune est obligatoire");
        ErrorAt(result, 8).ShouldContain("aadObjectId déjà présent à la ligne 2");
        ErrorAt(result, 9).ShouldContain("adresse e-mail déjà présente à la ligne 2");
        ErrorAt(result, 10).ShouldContain("la commune Namur a déjà une ligne bourgmestre (ligne 2)");
        ErrorAt(result, 11).ShouldContain("4 colonnes au lieu de 5");
        ErrorAt(result, 12).ShouldContain("6 colonnes au lieu de 5");
        ErrorAt(result, 13).ShouldContain("pas-une-adresse");
    }

    [Fact]
    public void Parse_OneBadRowAmongGoodOnes_ReturnsNoMembers()
    {
        var result = RosterCsv.Parse(Lines(
            Header,
            $"{StaffId},Alex Wilber,alex.wilber@bep.be,bep-staff,",
            $"{NamurId},Maxime Prévot,bourgmestre@ville.namur.be,bourgmestre,Bruxelles",
            $"{EghezeeId},Rudy Delhaise,rudy.delhaise@eghezee.be,officer,Eghezée"));

        result.IsValid.ShouldBeFalse();
        result.Members.ShouldBeEmpty();
        result.Errors.ShouldHaveSingleItem().Line.ShouldBe(3);
    }

    [Fact]
    public void Parse_StaffWithUnknownCommune_ReportsCommune()
    {
        var result = RosterCsv.Parse(Lines(Header, $"{StaffId},Alex Wilber,alex.wilber@bep.be,bep-staff,Atlantis"));

        var error = result.Errors.ShouldHaveSingleItem();
        error.Line.ShouldBe(2);
        French(error).ShouldContain(Fr("« Atlantis » n'est pas une des 40 communes"));
    }

    [Fact]
    public void Parse_GuestRole_IsNotImportable()
    {
        var result = RosterCsv.Parse(Lines(Header, $"{StaffId},Invité,invite@exemple.be,guest,"));

        French(result.Errors.ShouldHaveSingleItem()).ShouldContain(Fr("rôle « guest » inconnu"));
    }

    [Fact]
    public void Parse_SeveralProblemsOnOneRow_ReportsThemAllOnThatLine()
    {
        var result = RosterCsv.Parse(Lines(Header, "bad-id,,pas-une-adresse,officer,Atlantis"));

        var error = result.Errors.ShouldHaveSingleItem();
        error.Line.ShouldBe(2);
        French(error).ShouldContain("bad-id");
        French(error).ShouldContain("le nom est vide");
        French(error).ShouldContain("pas-une-adresse");
        French(error).ShouldContain("Atlantis");
    }

    [Fact]
    public void Parse_DuplicateIdInOtherCase_ReportsDuplicate()
    {
        var result = RosterCsv.Parse(Lines(
            Header,
            $"{LaBruyereId},Yves Depas,yves.depas@labruyere.be,officer,La Bruyère",
            $"{LaBruyereId.ToUpperInvariant()},Yves Depas bis,yves.bis@labruyere.be,officer,La Bruyère"));

        result.Errors.ShouldHaveSingleItem().Line.ShouldBe(3);
        French(result.Errors[0]).ShouldContain("aadObjectId déjà présent à la ligne 2");
    }

    [Fact]
    public void Parse_DuplicatesOfARowThatIsItselfBad_ReportedInTheSameImport()
    {
        // Line 2 has a bad role; its id, email and commune are taken all the same, so the user learns about
        // lines 3 to 5 now rather than after fixing line 2.
        var result = RosterCsv.Parse(Lines(
            Header,
            $"{NamurId},Maxime Prévot,bourgmestre@ville.namur.be,mayeur,Namur",
            $"{NamurId},Autre Personne,autre@namur.be,officer,Namur",
            $"{EghezeeId},Homonyme,bourgmestre@ville.namur.be,officer,Namur",
            $"{LaBruyereId},Maxime Prévot,maxime.prevot@namur.be,bourgmestre,Namur",
            $"{StaffId},Second Mayeur,second@namur.be,bourgmestre,Namur"));

        result.Errors.Select(error => error.Line).ShouldBe([2L, 3L, 4L, 6L]);
        ErrorAt(result, 3).ShouldContain("aadObjectId déjà présent à la ligne 2");
        ErrorAt(result, 4).ShouldContain("adresse e-mail déjà présente à la ligne 2");
        ErrorAt(result, 6).ShouldContain("la commune Namur a déjà une ligne bourgmestre (ligne 5)");
    }

    [Fact]
    public void Parse_BlankLinesAndMultiLineQuotedName_LineNumbersCountPhysicalLines()
    {
        var text = "aadObjectId,name,email,role,commune\r\n"
            + "\r\n"
            + $"{NamurId},\"Maxime\r\nPrévot\",bourgmestre@ville.namur.be,bourgmestre,Namur\r\n"
            + "\r\n"
            + $"{EghezeeId},Rudy Delhaise,rudy.delhaise@eghezee.be,officer,Nulle-Part\r\n";

        var result = RosterCsv.Parse(text);

        var error = result.Errors.ShouldHaveSingleItem();
        error.Line.ShouldBe(6);
        French(error).ShouldContain("Nulle-Part");
    }

    [Fact]
    public void Parse_HeaderWithoutCommuneAndEmail_ReportsMissingColumnsOnLineOne()
    {
        var result = RosterCsv.Parse(Lines("aadObjectId,name,role", $"{StaffId},Alex Wilber,bep-staff"));

        result.Members.ShouldBeEmpty();
        var error = result.Errors.ShouldHaveSingleItem();
        error.Line.ShouldBe(1);
        French(error).ShouldContain("email");
        French(error).ShouldContain("commune");
        French(error).ShouldNotContain("manquante aadObjectId");
    }

    [Fact]
    public void Parse_EmailRowsWithoutObjectIdColumn_ArePendingUnderTheirEmail()
    {
        var result = RosterCsv.Parse(Lines("email,name,role,commune", "Anne.Dupont@Gesves.be,Anne Dupont,bourgmestre,gesves"));

        result.Errors.ShouldBeEmpty();
        var anne = result.Members.ShouldHaveSingleItem();
        anne.IsPending.ShouldBeTrue();
        anne.AadObjectId.ShouldBe("pending:anne.dupont@gesves.be");
        anne.Email.ShouldBe("Anne.Dupont@Gesves.be");
    }

    [Fact]
    public void Parse_EmptyObjectIdCell_PendingBesideBoundRows()
    {
        var result = RosterCsv.Parse(Lines(Header, $"{StaffId},Alex Wilber,alex.wilber@bep.be,bep-staff,", ",Anne Dupont,anne@gesves.be,bourgmestre,Gesves"));

        result.Errors.ShouldBeEmpty();
        result.Members.Select(member => member.IsPending).ShouldBe([false, true]);
    }

    [Fact]
    public void Parse_HeaderOnly_ReportsNoMemberLine()
    {
        var result = RosterCsv.Parse(Header + "\r\n");

        result.Members.ShouldBeEmpty();
        French(result.Errors.ShouldHaveSingleItem()).ShouldContain("aucune ligne de membre");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \r\n\r\n")]
    [InlineData("\uFEFF")]
    [InlineData("\uFEFF\r\n")]
    public void Parse_EmptyFile_ReportsEmptyFileOnLineOne(string text)
    {
        var result = RosterCsv.Parse(text);

        result.Members.ShouldBeEmpty();
        var error = result.Errors.ShouldHaveSingleItem();
        error.Line.ShouldBe(1);
        French(error).ShouldBe("Le fichier est vide.");
    }

    [Fact]
    public void Describe_SameBadRow_WordedInTheReadersLanguage()
    {
        var error = RosterCsv.Parse(Lines(Header, "bad-id,Anne Martin,anne.martin@ohey.be,chef,Ohey")).Errors.ShouldHaveSingleItem();

        French(error).ShouldBe(Fr("AadObjectId « bad-id » n'est pas un identifiant Entra valide (GUID) ; rôle « chef » inconnu (attendu : bep-staff, bourgmestre ou officer, ou en toutes lettres : personnel du BEP, personnel communal)."));
        TestTexts.Describe<RosterTexts>(error, Cultures.English)
            .ShouldBe("AadObjectId \"bad-id\" is not a valid Entra object id (GUID); unknown role \"chef\" (expected: bep-staff, bourgmestre or officer, or in words: BEP staff, mayor, commune staff).");
    }

    private static string ErrorAt(RosterCsvResult result, long line) =>
        French(result.Errors.Single(error => error.Line == line));

    private static string French(CsvLineError error) => TestTexts.Describe<RosterTexts>(error, Cultures.French);
}
