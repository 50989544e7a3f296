using Microsoft.Extensions.Compliance.Classification;

namespace BepBot.Infrastructure.Telemetry;

/// <summary>
/// The id of a person or a conversation, or an id a request brought: logged outside Development as a keyed hash of fixed
/// length, so that one person's lines can be followed without saying who they are, and no id of 5,000 characters fills a log.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property | AttributeTargets.Field)]
public sealed class PseudonymousIdAttribute() : DataClassificationAttribute(LogData.Pseudonymous);
