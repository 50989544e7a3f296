using BepBot.Chat;
using BepBot.Infrastructure.Telemetry;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Observatoire;

/// <summary>`diagnostic de Gembloux`, `chiffres de la commune de Ciney`: a commune's diagnostic card.</summary>
public sealed partial class ShowDiagnostic(DataSetStore dataSets, ObservatoireCards cards, IStringLocalizer<ObservatoireTexts> texts, ILogger<ShowDiagnostic> logger) : ICommandHandler
{
    public async Task<Reply> HandleAsync(ChatTurn turn, string arguments, CancellationToken cancellationToken)
    {
        var name = CommuneArgument.Clean(arguments);
        if (name.Length == 0)
        {
            return Reply.WithText(texts["AskCommune"]);
        }

        var commune = CommuneCodes.Find(name);
        if (commune is null)
        {
            LogUnknownCommune(logger, turn.User.AadObjectId);
            return Reply.WithText(texts["UnknownCommune", BepBot.Cards.CardText.EscapeMarkdown(CommuneArgument.Shorten(name))]);
        }

        return await DiagnosticReply.BuildAsync(dataSets, cards, texts, commune, null, turn, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Diagnostic asked by {User} for a commune that is not one of the 40")]
    private static partial void LogUnknownCommune(ILogger logger, [PseudonymousId] string user);
}
