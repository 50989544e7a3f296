using System.Collections;
using System.Globalization;
using System.Text.Json;
using BepBot.Infrastructure.Text;
using BepBot.Platform.Territory;
using Microsoft.Graph.Models;
using Microsoft.Kiota.Abstractions.Serialization;

namespace BepBot.Features.Projects;

/// <summary>
/// Reads one row of the SharePoint register list. Columns (internal names): Title, ProjectId, Kind (Projet /
/// Centrale), Programme, Bassins and Communes (multi-choice or ";"-separated), Status, Phase, Progress (0–100),
/// NextMilestone, NextMilestoneDate, ContactName, ContactEmail, Aliases (";"), Summary, Note.
/// A row without a title is skipped (and counted), never half-imported.
/// </summary>
public static class SharePointProjects
{
    public static Project? Map(ListItem item)
    {
        var fields = item.Fields?.AdditionalData;
        if (fields is null || Text(fields, "Title") is not { } name)
        {
            return null;
        }

        var communes = List(fields, "Communes")
            .Select(commune => TerritoryMap.FindCommune(commune)?.Name)
            .OfType<string>()
            .Distinct()
            .ToList();
        var bassins = List(fields, "Bassins")
            .Select(bassin => TerritoryMap.FindBassin(bassin)?.Id)
            .OfType<string>()
            .ToList();
        if (bassins.Count == 0)
        {
            bassins = [.. communes.Select(commune => TerritoryMap.FindCommune(commune)!.Bassin.Id).Distinct()];
        }

        var kind = TextFolding.Fold(Text(fields, "Kind")) is "centrale" or "central" or "centrale d'achat" ? ProjectKind.Central : ProjectKind.Project;
        var progress = Number(fields, "Progress");
        var contactName = Text(fields, "ContactName");
        return new Project(
            Text(fields, "ProjectId") ?? "sp-" + item.Id,
            name,
            kind,
            Text(fields, "Programme") ?? string.Empty,
            bassins,
            communes,
            ParseStatus(Text(fields, "Status")) ?? (kind == ProjectKind.Central ? ProjectStatus.Operational : ProjectStatus.InProgress),
            Text(fields, "Phase") ?? string.Empty,
            progress is null ? 0 : Math.Clamp((int)Math.Round(progress.Value), 0, 100),
            Text(fields, "NextMilestone"),
            Date(fields, "NextMilestoneDate"),
            contactName is null ? null : new ProjectContact(contactName, Text(fields, "ContactEmail") ?? string.Empty),
            List(fields, "Aliases"),
            Text(fields, "Summary") ?? string.Empty,
            Text(fields, "Note"),
            IsDemo: false,
            "SharePoint",
            item.LastModifiedDateTime ?? DateTimeOffset.MinValue,
            item.LastModifiedBy?.User?.DisplayName ?? "SharePoint",
            SharePointItemId: item.Id);
    }

    public static bool IsDeleted(ListItem item) => item.Deleted is not null || item.AdditionalData?.ContainsKey("deleted") == true;

    public static ProjectStatus? ParseStatus(string? text) => ProjectQuestions.Normalize(text).Trim() switch
    {
        "a l etude" or "etude" or "study" => ProjectStatus.Study,
        "en cours" or "in progress" or "inprogress" => ProjectStatus.InProgress,
        "operationnel" or "operationnelle" or "operational" => ProjectStatus.Operational,
        "termine" or "terminee" or "completed" => ProjectStatus.Completed,
        "suspendu" or "suspendue" or "suspended" => ProjectStatus.Suspended,
        _ => null,
    };

    private static string? Text(IDictionary<string, object> fields, string name) =>
        fields.TryGetValue(name, out var value) && Scalar(value) is { } text && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;

    private static double? Number(IDictionary<string, object> fields, string name) =>
        Text(fields, name) is { } text && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : null;

    private static DateOnly? Date(IDictionary<string, object> fields, string name) =>
        Text(fields, name) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)
            ? DateOnly.FromDateTime(Infrastructure.Time.BelgianTime.ToBrussels(instant).DateTime)
            : null;

    private static List<string> List(IDictionary<string, object> fields, string name)
    {
        if (!fields.TryGetValue(name, out var value))
        {
            return [];
        }

        var items = value switch
        {
            UntypedArray array => array.GetValue().Select(Scalar),
            JsonElement { ValueKind: JsonValueKind.Array } element => element.EnumerateArray().Select(item => Scalar(item)),
            string text => text.Split([';', ','], StringSplitOptions.RemoveEmptyEntries),
            IEnumerable enumerable and not string => enumerable.Cast<object>().Select(Scalar),
            _ => (Scalar(value) ?? string.Empty).Split([';', ','], StringSplitOptions.RemoveEmptyEntries),
        };
        return [.. items.OfType<string>().Select(item => item.Trim()).Where(item => item.Length > 0)];
    }

    private static string? Scalar(object? value) => value switch
    {
        null => null,
        string text => text,
        UntypedString text => text.GetValue(),
        UntypedInteger number => number.GetValue().ToString(CultureInfo.InvariantCulture),
        UntypedLong number => number.GetValue().ToString(CultureInfo.InvariantCulture),
        UntypedDouble number => number.GetValue().ToString(CultureInfo.InvariantCulture),
        UntypedDecimal number => number.GetValue().ToString(CultureInfo.InvariantCulture),
        UntypedFloat number => number.GetValue().ToString(CultureInfo.InvariantCulture),
        UntypedBoolean flag => flag.GetValue() ? "true" : "false",
        UntypedNull => null,
        JsonElement { ValueKind: JsonValueKind.String } element => element.GetString(),
        JsonElement { ValueKind: JsonValueKind.Number } element => element.GetRawText(),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
