using System.Text.Json;
using BepBot.Chat;
using BepBot.Platform.Territory;
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
    private static partial void LogUnknownCommune(ILogger logger, string user);
}

/// <summary>`ma commune en chiffres`: the diagnostic of the commune the roster gives the user.</summary>
public sealed class ShowMyCommuneFigures(DataSetStore dataSets, ObservatoireCards cards, IStringLocalizer<ObservatoireTexts> texts) : ICommandHandler
{
    public async Task<Reply> HandleAsync(ChatTurn turn, string arguments, CancellationToken cancellationToken) =>
        TerritoryMap.FindCommune(turn.User.Commune) is { } commune
            ? await DiagnosticReply.BuildAsync(dataSets, cards, texts, commune, null, turn, cancellationToken)
            : Reply.WithText(texts["NoRosterCommune"]);
}

internal static class DiagnosticReply
{
    public static async Task<Reply> BuildAsync(
        DataSetStore dataSets, ObservatoireCards cards, IStringLocalizer<ObservatoireTexts> texts, Commune commune, string? indicatorKey, ChatTurn turn, CancellationToken cancellationToken)
    {
        var data = await dataSets.LoadAsync(cancellationToken);
        return data.IsEmpty
            ? Reply.WithText(texts["Empty"])
            : Reply.WithCard(await cards.DiagnosticAsync(data, commune, indicatorKey, turn.Culture, cancellationToken), texts["Diag_Title", cards.Of(commune.Name)]);
    }
}

/// <summary>What users type around a commune's name: "de Gembloux", "d'Andenne", "la commune de Ciney".</summary>
public static class CommuneArgument
{
    private static readonly string[] Prefixes = ["la commune de ", "la commune d'", "la commune d’", "commune de ", "commune d'", "commune d’", "de ", "d'", "d’", "du ", "of ", "for "];

    public static string Clean(string arguments)
    {
        var text = arguments.Trim().TrimEnd('?', '!', '.', ' ');
        var changed = true;
        while (changed)
        {
            changed = false;
            foreach (var prefix in Prefixes)
            {
                if (text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                {
                    text = text[prefix.Length..].TrimStart();
                    changed = true;
                }
            }
        }

        return text;
    }

    public static string Shorten(string text) => text.Length > 60 ? text[..60] + "…" : text;
}

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
            : Reply.WithCard(await cards.ComparisonAsync(data, communes, null, turn.Culture, cancellationToken), texts["Compare_Title", string.Join(", ", communes.Select(commune => commune.Name))]);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Comparison asked by {User} with a commune that is not one of the 40")]
    private static partial void LogUnknownCommune(ILogger logger, string user);
}

/// <summary>`indicateurs`: the indicators loaded, with their source and the date of their data.</summary>
public sealed class ListIndicators(DataSetStore dataSets, ObservatoireCards cards, IStringLocalizer<ObservatoireTexts> texts) : ICommandHandler
{
    public async Task<Reply> HandleAsync(ChatTurn turn, string arguments, CancellationToken cancellationToken)
    {
        var data = await dataSets.LoadAsync(cancellationToken);
        return data.IsEmpty ? Reply.WithText(texts["Empty"]) : Reply.WithCard(cards.Indicators(data, turn.Culture), texts["Indicators_Title"]);
    }
}

/// <summary>`jeux de données` (staff): every data set with all its versions.</summary>
public sealed class ListDataSets(DataSetStore dataSets, ObservatoireCards cards, IStringLocalizer<ObservatoireTexts> texts) : ICommandHandler
{
    public async Task<Reply> HandleAsync(ChatTurn turn, string arguments, CancellationToken cancellationToken) =>
        Reply.WithCard(cards.DataSets(await dataSets.ListAsync(cancellationToken), turn.Culture), texts["DataSets_Title"]);
}

public sealed record ChartRequest(IReadOnlyList<string> Communes, string? Indicator = null);

/// <summary>`observatoire.chart`: the same card again, with the charts of the indicator picked in it (updated in place).</summary>
public sealed partial class ShowIndicatorCharts(DataSetStore dataSets, ObservatoireCards cards, IStringLocalizer<ObservatoireTexts> texts, ILogger<ShowIndicatorCharts> logger) : ICardActionHandler
{
    public async Task<Reply> HandleAsync(ChatTurn turn, JsonElement data, CancellationToken cancellationToken)
    {
        var request = CardData.Read<ChartRequest>(data);
        var communes = request.Communes.Select(CommuneCodes.Find).ToList();
        if (communes.Count is < 1 or > 3 || communes.Any(commune => commune is null) || communes.DistinctBy(commune => commune!.Name).Count() != communes.Count)
        {
            LogBadRequest(logger, turn.User.AadObjectId, request.Communes.Count);
            return Reply.WithText(texts["Compare_Usage"]);
        }

        var loaded = await dataSets.LoadAsync(cancellationToken);
        if (loaded.IsEmpty)
        {
            return Reply.WithText(texts["Empty"]);
        }

        var indicator = loaded.FindIndicator(request.Indicator);
        var card = communes.Count == 1
            ? await cards.DiagnosticAsync(loaded, communes[0]!, indicator?.Key, turn.Culture, cancellationToken)
            : await cards.ComparisonAsync(loaded, [.. communes.Select(commune => commune!)], indicator?.Key, turn.Culture, cancellationToken);
        var reply = Reply.UpdatingCard(card);
        return indicator is null && request.Indicator is not null ? Reply.WithText(texts["Unknown_Indicator"]).Then(reply) : reply;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "observatoire.chart from {User} refused: {Count} commune(s), unknown or repeated")]
    private static partial void LogBadRequest(ILogger logger, string user, int count);
}

public sealed record ExportRequest(string Commune);

/// <summary>`observatoire.export`: the commune's diagnostic as CSV, behind an expiring link.</summary>
public sealed partial class ExportDiagnostic(DataSetStore dataSets, ObservatoireCards cards, IStringLocalizer<ObservatoireTexts> texts, ILogger<ExportDiagnostic> logger) : ICardActionHandler
{
    public async Task<Reply> HandleAsync(ChatTurn turn, JsonElement data, CancellationToken cancellationToken)
    {
        var request = CardData.Read<ExportRequest>(data);
        var commune = CommuneCodes.Find(request.Commune);
        if (commune is null)
        {
            LogUnknownCommune(logger, turn.User.AadObjectId);
            return Reply.WithText(texts["UnknownCommune", BepBot.Cards.CardText.EscapeMarkdown(CommuneArgument.Shorten(request.Commune))]);
        }

        var loaded = await dataSets.LoadAsync(cancellationToken);
        return loaded.IsEmpty
            ? Reply.WithText(texts["Empty"])
            : Reply.WithCard(await cards.ExportAsync(loaded, commune, turn.Culture, cancellationToken), texts["Export_Button"]);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "observatoire.export from {User} refused: not one of the 40 communes")]
    private static partial void LogUnknownCommune(ILogger logger, string user);
}
