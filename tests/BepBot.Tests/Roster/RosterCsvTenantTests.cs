using BepBot.Features.Roster;
using BepBot.Infrastructure.Text;
using BepBot.Tests.Harness;

namespace BepBot.Tests.Roster;

/// <summary>The optional tenantId column: each person's role belongs to them in their own organisation's tenant.</summary>
public sealed class RosterCsvTenantTests
{
    private const string NamurId = "11111111-2222-4333-8444-555555555555";
    private const string StaffId = "6f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f";
    private const string NamurTenant = "A1B2C3D4-E5F6-4789-9ABC-DEF012345678";

    [Fact]
    public void Parse_TenantColumn_EachRowKeepsItsTenantAndAnEmptyCellMeansTheDefault()
    {
        var result = RosterCsv.Parse(
            "aadObjectId;name;email;role;commune;tenantId\n"
            + $"{NamurId};Maxime Prévot;bourgmestre@ville.namur.be;bourgmestre;Namur;{NamurTenant}\n"
            + $"{StaffId};Alex Wilber;alex.wilber@bep.be;bep-staff;;\n");

        result.Errors.ShouldBeEmpty();
        result.Members.Select(member => member.TenantId).ShouldBe([NamurTenant.ToLowerInvariant(), null]);
    }

    [Fact]
    public void Parse_FileWithoutTenantColumn_StillImportsWithTheDefaultTenant()
    {
        var result = RosterCsv.Parse("aadObjectId,name,email,role,commune\n" + $"{NamurId},Maxime Prévot,bourgmestre@ville.namur.be,bourgmestre,Namur\n");

        result.Errors.ShouldBeEmpty();
        result.Members.Single().TenantId.ShouldBeNull();
    }

    [Fact]
    public void Parse_InvalidTenant_ReportedWithItsLineAndNothingImported()
    {
        var result = RosterCsv.Parse(
            "aadObjectId,name,email,role,commune,tenantId\n"
            + $"{NamurId},Maxime Prévot,bourgmestre@ville.namur.be,bourgmestre,Namur,contoso.onmicrosoft.com\n");

        result.Members.ShouldBeEmpty();
        var error = result.Errors.Single();
        error.Line.ShouldBe(2);
        TestTexts.Describe<RosterTexts>(error, Cultures.French).ShouldBe(Fr("TenantId « contoso.onmicrosoft.com » n'est pas un identifiant de tenant Entra valide (GUID)."));
    }
}
