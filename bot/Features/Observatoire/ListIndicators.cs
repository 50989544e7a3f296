using BepBot.Chat;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Observatoire;

/// <summary>`indicateurs`: the indicators loaded, with their source and the date of their data.</summary>
public sealed class ListIndicators(DataSetStore dataSets, ObservatoireCards cards, IStringLocalizer<ObservatoireTexts> texts) : ICommandHandler
{
    public async Task<Reply> HandleAsync(ChatTurn turn, string arguments, CancellationToken cancellationToken)
    {
        var data = await dataSets.LoadAsync(cancellationToken);
        return data.IsEmpty ? Reply.WithText(texts["Empty"]) : Reply.WithCard(cards.Indicators(data, turn.Culture), texts["Indicators_Title"]);
    }
}
