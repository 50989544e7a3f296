using Microsoft.Extensions.Compliance.Classification;

namespace BepBot.Infrastructure.Telemetry;

/// <summary>
/// What a log value is, for the redaction of logs and traces outside Development (<see cref="LogRedactionRegistration"/>):
/// log parameters carry <see cref="PersonalDataAttribute"/> or <see cref="PseudonymousIdAttribute"/>.
/// </summary>
public static class LogData
{
    public const string Taxonomy = "BepBot";

    /// <summary>Names and e-mail addresses: erased.</summary>
    public static DataClassification Personal { get; } = new(Taxonomy, nameof(Personal));

    /// <summary>Ids of people and conversations, and any id that came from outside: a keyed hash of fixed length.</summary>
    public static DataClassification Pseudonymous { get; } = new(Taxonomy, nameof(Pseudonymous));
}
