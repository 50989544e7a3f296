using System.Reflection;
using BepBot.Chat;
using BepBot.Infrastructure.Exports;
using CsvHelper;
using MiniExcelLibs;

namespace BepBot.Tests.Architecture;

/// <summary>
/// Every CSV file and spreadsheet the bot produces goes through <see cref="ExportTable"/>, which neutralises formulas:
/// no other code of the bot may write CSV with CsvHelper, write a workbook with MiniExcel, or name the CSV and .xlsx
/// content types, so an export added later cannot forget the neutralisation.
/// </summary>
public sealed class OneExportWriterTests
{
    private static readonly IReadOnlyList<(Type From, object Operand)> Operands = DependencyScanner.Operands(typeof(ChatTurn).Assembly);

    [Fact]
    public void CsvAndSpreadsheets_AreWrittenOnlyByTheExportTable()
    {
        var writers = Operands.Where(use => WritesCsvOrSpreadsheet(use.Operand)).Select(use => use.From).Distinct().ToList();

        writers.ShouldBe([typeof(ExportTable)], string.Join(Environment.NewLine, writers.Select(type => type.FullName)));
    }

    [Fact]
    public void CsvAndSpreadsheetContentTypes_AreNamedOnlyByTheExportTable()
    {
        var naming = Operands
            .Where(use => use.Operand is string literal && (literal.Contains("text/csv", StringComparison.OrdinalIgnoreCase) || literal.Contains("spreadsheetml", StringComparison.OrdinalIgnoreCase)))
            .Select(use => use.From)
            .Distinct()
            .ToList();

        naming.ShouldBe([typeof(ExportTable)], string.Join(Environment.NewLine, naming.Select(type => type.FullName)));
    }

    private static bool WritesCsvOrSpreadsheet(object operand) => operand switch
    {
        MemberInfo { DeclaringType: { } type } member when type.Assembly == typeof(CsvWriter).Assembly =>
            type.Name.Contains("Writer", StringComparison.Ordinal) || member.Name.Contains("Write", StringComparison.Ordinal),
        MemberInfo { DeclaringType: { } type } member when type.Assembly == typeof(MiniExcel).Assembly =>
            member.Name.StartsWith("SaveAs", StringComparison.Ordinal) || member.Name.StartsWith("Insert", StringComparison.Ordinal) || type.Name.Contains("Writer", StringComparison.Ordinal),
        Type type => type.Name.Contains("Writer", StringComparison.Ordinal) && (type.Assembly == typeof(CsvWriter).Assembly || type.Assembly == typeof(MiniExcel).Assembly),
        _ => false,
    };
}
