using Microsoft.Extensions.Compliance.Redaction;

namespace BepBot.Infrastructure.Telemetry;

/// <summary>The pseudonym of an id, as the logs write it, for the places that are not log parameters: scopes and span tags.</summary>
public sealed class LogPseudonyms(IRedactorProvider redactors)
{
    private readonly Redactor _redactor = redactors.GetRedactor(LogData.Pseudonymous);

    public string? Of(string? id) => string.IsNullOrEmpty(id) ? null : _redactor.Redact(id);
}
