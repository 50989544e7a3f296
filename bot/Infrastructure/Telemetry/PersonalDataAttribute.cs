using Microsoft.Extensions.Compliance.Classification;

namespace BepBot.Infrastructure.Telemetry;

/// <summary>A name or an e-mail address: never written to logs outside Development.</summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property | AttributeTargets.Field)]
public sealed class PersonalDataAttribute() : DataClassificationAttribute(LogData.Personal);
