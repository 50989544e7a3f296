using BepBot.Chat;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Observatoire;

/// <summary>`jeux de données` (staff): every data set with all its versions.</summary>
public sealed class ListDataSets(DataSetStore dataSets, ObservatoireCards cards, IStringLocalizer<ObservatoireTexts> texts) : ICommandHandler
{
    public async Task<Reply> HandleAsync(ChatTurn turn, string arguments, CancellationToken cancellationToken) =>
        Reply.WithCard(cards.DataSets(await dataSets.ListAsync(cancellationToken), turn.Culture), texts["DataSets_Title"]);
}
