using System.Text.Json;
using BepBot.Chat;
using BepBot.Infrastructure.Telemetry;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Observatoire;

/// <summary>`observatoire.export`: the commune's diagnostic as CSV, behind a link made at each click.</summary>
public sealed partial class ExportDiagnostic(DataSetStore dataSets, ObservatoireCards cards, IStringLocalizer<ObservatoireTexts> texts, ILogger<ExportDiagnostic> logger) : ICardActionHandler
{
    public const string Verb = "observatoire.export";

    public async Task<Reply> HandleAsync(ChatTurn turn, JsonElement data, CancellationToken cancellationToken)
    {
        var request = CardData.Read<ExportRequest>(data, turn.CardInputs);
        var commune = CommuneCodes.Find(request.Commune);
        if (commune is null)
        {
            LogUnknownCommune(logger, turn.User.AadObjectId);
            return Reply.WithText(texts["UnknownCommune", BepBot.Cards.CardText.EscapeMarkdown(CommuneArgument.Shorten(request.Commune))]);
        }

        var loaded = await dataSets.LoadAsync(cancellationToken);
        return loaded.IsEmpty
            ? Reply.WithText(texts["Empty"])
            : await cards.ExportAsync(turn, loaded, commune, request, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "observatoire.export from {User} refused: not one of the 40 communes")]
    private static partial void LogUnknownCommune(ILogger logger, [PseudonymousId] string user);
}
