using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using BepBot.Cards;
using BepBot.Chat;
using BepBot.Infrastructure.Scheduling;
using BepBot.Infrastructure.Telemetry;
using BepBot.Infrastructure.Text;
using BepBot.Infrastructure.Time;
using BepBot.Platform.Delivery;
using BepBot.Platform.Procurations;

namespace BepBot.Features.Conferences;

/// <summary>
/// Tells the person a commune chose with « Donner procuration » that it gave them its procuration for a session, or took it
/// back, in their own chat and language. A job due at once, so that a send Teams refuses for a while is retried by the
/// scheduler; it says nothing when the procuration changed again meanwhile.
/// </summary>
public sealed partial class ProcurationNoticeJob(
    ConferenceStore store,
    ProcurationBook procurations,
    ConversationDirectory conversations,
    ProactiveSender sender,
    ConferenceCards cards,
    ILogger<ProcurationNoticeJob> logger) : IJobHandler
{
    public const string JobKind = "conferences.procuration";
    private const string Given = "given";
    private const string Withdrawn = "withdrawn";

    public string Kind => JobKind;

    public static async Task TellAsync(JobBook jobs, DateTimeOffset now, string sessionId, Procuration procuration, bool given, CancellationToken cancellationToken)
    {
        var payload = string.Join('|', sessionId, procuration.GiverCommune, procuration.HolderAadObjectId, given ? Given : Withdrawn);
        var id = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(payload + "|" + now.UtcTicks.ToString(CultureInfo.InvariantCulture))))[..24];
        await jobs.ScheduleAsync(JobKind, "conferences-procuration-" + id, now, payload, cancellationToken);
    }

    public async Task RunAsync(ScheduledJob job, CancellationToken cancellationToken)
    {
        var parts = job.Payload.Split('|');
        if (parts.Length != 4 || await store.GetAsync(parts[0], cancellationToken) is not { } session)
        {
            LogNothingToTell(logger, job.Payload);
            return;
        }

        var (commune, holder, given) = (parts[1], parts[2], parts[3] == Given);
        var current = await procurations.GivenByAsync(ProcurationScope.Session, session.Id, commune, cancellationToken);
        var stillHolds = string.Equals(current?.HolderAadObjectId, holder, StringComparison.OrdinalIgnoreCase);
        if (given != stillHolds)
        {
            LogChangedMeanwhile(logger, session.Id, commune);
            return;
        }

        var conversation = await conversations.FindPersonalAsync(holder, cancellationToken);
        if (conversation is null)
        {
            LogNoConversation(logger, session.Id, holder);
            return;
        }

        string text;
        var culture = Cultures.FromLocale(conversation.Locale);
        using (CultureScope.Use(culture))
        {
            var title = CardText.EscapeMarkdown(session.Title);
            var giver = CardText.EscapeMarkdown(current?.GiverName ?? commune);
            text = !given ? cards.Texts["Procuration_HolderWithdrawn", commune, title]
                : session.StartsAt is { } startsAt ? cards.Texts["Procuration_HolderTold", giver, commune, title, BelgianTime.FormatDateTime(startsAt, culture)]
                : cards.Texts["Procuration_HolderToldNoDate", giver, commune, title];
        }

        var outcome = await sender.SendForJobAsync(conversation, new OutgoingMessage(text, Alert: true), cancellationToken);
        if (outcome is ProactiveOutcome.Sent)
        {
            LogTold(logger, session.Id, holder, given);
        }
        else
        {
            LogNotTold(logger, session.Id, holder, outcome);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Conference {SessionId}: holder {Holder} told of a procuration (given: {Given})")]
    private static partial void LogTold(ILogger logger, string sessionId, [PseudonymousId] string holder, bool given);

    [LoggerMessage(Level = LogLevel.Information, Message = "Procuration notice {Payload}: the session is gone; nothing to tell")]
    private static partial void LogNothingToTell(ILogger logger, string payload);

    [LoggerMessage(Level = LogLevel.Information, Message = "Conference {SessionId}: the procuration of {Commune} changed again before its holder was told; not told")]
    private static partial void LogChangedMeanwhile(ILogger logger, string sessionId, string commune);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Conference {SessionId}: {Holder} holds a procuration but has no chat with the bot to be told in")]
    private static partial void LogNoConversation(ILogger logger, string sessionId, [PseudonymousId] string holder);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Conference {SessionId}: {Holder} could not be told of a procuration ({Outcome})")]
    private static partial void LogNotTold(ILogger logger, string sessionId, [PseudonymousId] string holder, ProactiveOutcome outcome);
}
