using BepBot.Chat;
using BepBot.Platform.Territory;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Observatoire;

/// <summary>`ma commune en chiffres`: the diagnostic of the commune the roster gives the user.</summary>
public sealed class ShowMyCommuneFigures(DataSetStore dataSets, ObservatoireCards cards, IStringLocalizer<ObservatoireTexts> texts) : ICommandHandler
{
    public async Task<Reply> HandleAsync(ChatTurn turn, string arguments, CancellationToken cancellationToken) =>
        TerritoryMap.FindCommune(turn.User.Commune) is { } commune
            ? await DiagnosticReply.BuildAsync(dataSets, cards, texts, commune, null, turn, cancellationToken)
            : Reply.WithText(texts["NoRosterCommune"]);
}
