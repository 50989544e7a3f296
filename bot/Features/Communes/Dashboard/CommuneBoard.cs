using System.Globalization;
using BepBot.Chat;
using BepBot.Chat.Dashboard;
using BepBot.Infrastructure.Telemetry;
using BepBot.Platform.Territory;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Communes.Dashboard;

/// <summary>
/// « Ma commune » in the tab: for a bourgmestre or an officer, their commune's page (open ballots and whether it has
/// voted, its registrations, its projects and purchasing centrals: the sections the chat's `ma commune` shows); staff
/// choose the commune.
/// </summary>
public sealed partial class CommuneBoard(ShowCommunePage page, IStringLocalizer<CommunesTexts> texts, ILogger<CommuneBoard> logger) : IDashboardPage
{
    public const string PageName = "commune";

    public string Name => PageName;

    public int MenuOrder => 80;

    public string Title => texts["Board_Title"];

    public bool IsFor(ChatUser user) => user.Role is Role.Bourgmestre or Role.Officer or Role.BepStaff;

    public async Task<DashboardView> LoadAsync(DashboardRequest request, CancellationToken cancellationToken)
    {
        var user = request.User;
        var asked = request["commune"];
        if (user.Role != Role.BepStaff)
        {
            if (TerritoryMap.FindCommune(user.Commune) is not { } own)
            {
                return Notice(texts["Board_NoCommune"], back: null);
            }

            if (asked is not null && TerritoryMap.FindCommune(asked) != own)
            {
                LogOtherCommune(logger, user.AadObjectId);
                return Notice(texts["Board_OwnCommuneOnly", own.Name], PageName);
            }

            return await CommuneAsync(own, user, back: null, cancellationToken);
        }

        if (asked is null)
        {
            return new DashboardView(Title, [Communes()]);
        }

        return TerritoryMap.FindCommune(asked) is { } commune
            ? await CommuneAsync(commune, user, PageName, cancellationToken)
            : new DashboardView(Title, [new FactsBlock(texts["Board_UnknownTitle"], [], texts["Commune_Unknown", asked.Length > 60 ? asked[..60] + "…" : asked]), Communes()], Back: PageName);
    }

    private async Task<DashboardView> CommuneAsync(Commune commune, ChatUser viewer, string? back, CancellationToken cancellationToken)
    {
        var sections = await page.SectionsAsync(commune, viewer, CultureInfo.CurrentUICulture, cancellationToken);
        List<DashboardBlock> blocks =
        [
            new FactsBlock(texts["Board_CommuneHeading"], [new Fact(texts["Board_Bassin"], texts["Commune_Subtitle", commune.Bassin.Name, commune.Bassin.Communes.Count])]),
            // The sections are the chat card's, written in its markdown.
            .. sections.Select(section => new FactsBlock(
                CardMarkdown.ToPlainText(section.Title),
                [.. section.Lines.Select(line => new Fact(CardMarkdown.ToPlainText(line.Text), CardMarkdown.ToPlainText(line.Detail)))],
                section.Lines.Count == 0 && section.EmptyText is { } empty ? CardMarkdown.ToPlainText(empty) : null)),
        ];
        if (sections.Any(section => section.IsDemo))
        {
            blocks.Add(new FactsBlock(texts["Board_DemoHeading"], [], texts["DemoNotice"]));
        }

        return new DashboardView(texts["Commune_Title", commune.Name], blocks, Back: back);
    }

    private TableBlock Communes() => new(
        texts["Board_ChooseCommune"],
        [new TableColumn("commune", texts["Board_Column_Commune"])],
        [.. TerritoryMap.Communes.Select(commune => new TableRow(
            commune.Name,
            new Dictionary<string, DashboardCell> { ["commune"] = commune.Name },
            Link: $"{PageName}?commune={Uri.EscapeDataString(commune.Name)}",
            Group: commune.Bassin.Name))],
        texts["Board_UnknownTitle"]);

    private DashboardView Notice(string text, string? back) => new(Title, [new FactsBlock(Title, [], text)], Back: back);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dashboard: {User} asked for the page of a commune not theirs: refused")]
    private static partial void LogOtherCommune(ILogger logger, [PseudonymousId] string user);
}
