using BepBot.Chat;
using BepBot.Infrastructure.Telemetry;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Observatoire;

/// <summary>`comparer Ciney et Dinant` (two or three communes): one card, the indicators side by side.</summary>
public sealed partial class CompareCommunes(DataSetStore dataSets, ObservatoireCards cards, IStringLocalizer<ObservatoireTexts> texts, ILogger<CompareCommunes> logger) : ICommandHandler
{
    private static readonly string[] Separators = [",", ";", " et ", " and ", " avec ", " with ", " vs ", " / "];

    public async Task<Reply> HandleAsync(ChatTurn turn, string arguments, CancellationToken cancellationToken)
    {
        var names = arguments.Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(CommuneArgument.Clean)
            .Where(name => name.Length > 0)
            .ToList();
        var unknown = names.FirstOrDefault(name => CommuneCodes.Find(name) is null);
        if (unknown is not null)
        {
            LogUnknownCommune(logger, turn.User.AadObjectId);
            return Reply.WithText(texts["UnknownCommune", BepBot.Cards.CardText.EscapeMarkdown(CommuneArgument.Shorten(unknown))]);
        }

        var communes = names.Select(name => CommuneCodes.Find(name)!).DistinctBy(commune => commune.Name).ToList();
        if (communes.Count is < 2 or > 3)
        {
            return Reply.WithText(texts["Compare_Usage"]);
        }

        var data = await dataSets.LoadAsync(cancellationToken);
        return data.IsEmpty
            ? Reply.WithText(texts["Empty"])
            : Reply.WithCard(cards.Comparison(data, communes, null, turn.Culture), texts["Compare_Title", string.Join(", ", communes.Select(commune => commune.Name))]);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Comparison asked by {User} with a commune that is not one of the 40")]
    private static partial void LogUnknownCommune(ILogger logger, [PseudonymousId] string user);
}
