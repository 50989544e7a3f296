using BepBot.Chat;
using BepBot.Platform.Territory;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Observatoire;

internal static class DiagnosticReply
{
    public static async Task<Reply> BuildAsync(
        DataSetStore dataSets, ObservatoireCards cards, IStringLocalizer<ObservatoireTexts> texts, Commune commune, string? indicatorKey, ChatTurn turn, CancellationToken cancellationToken)
    {
        var data = await dataSets.LoadAsync(cancellationToken);
        return data.IsEmpty
            ? Reply.WithText(texts["Empty"])
            : Reply.WithCard(cards.Diagnostic(data, commune, indicatorKey, turn.Culture), texts["Diag_Title", commune.Name]);
    }
}
