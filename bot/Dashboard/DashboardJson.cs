using System.Text.Json;
using System.Text.Json.Serialization;

namespace BepBot.Dashboard;

/// <summary>How the tab's API writes JSON: camelCase, enums as their names, nulls left out; blocks carry their kind.</summary>
public static class DashboardJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
