using System.Text.Json.Nodes;
using BepBot.Features.Labs;
using BepBot.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;

namespace BepBot.Tests.Labs;

/// <summary>The labs through the bot: Alex, Megan, Patti and Lynne opened BepBot, so lab notices reach them.</summary>
public abstract class LabsBotTestBase(IDictionary<string, string?>? settings = null)
    : ConnectedBotTest([TeamsUser.Alex, TeamsUser.Megan, TeamsUser.Patti, TeamsUser.Lynne], settings: settings)
{
    protected LabBook Book => Bot.Services.GetRequiredService<LabBook>();

    protected Task<Lab> CreateLabAsync(Lab lab) => LabFixtures.CreateAsync(Bot, lab);

    /// <summary>A one-seat lab: Patti (Namur) has the seat, Lynne (Ciney) waits in position 1.</summary>
    protected async Task<Lab> OneSeatPattiInLynneWaitingAsync()
    {
        var lab = await CreateLabAsync(LabFixtures.NewLab(capacity: 1));
        await Teams.InvokeAsync(TeamsUser.Patti, "labs.register", Data(lab.Id));
        await Teams.InvokeAsync(TeamsUser.Lynne, "labs.register", Data(lab.Id));
        return lab;
    }

    protected Task<Lab> LabAsync(string id) => LabFixtures.GetAsync(Bot, id);

    /// <summary>The person's own click on the catalogue (the way officers register).</summary>
    protected async Task<BotResponse> RegisterFromCatalogueAsync(TeamsUser user, string labTitle)
    {
        var catalogue = (await Teams.SayAsync(user, "séminaires")).Card;
        CardReader.AllText(catalogue).ShouldContain(labTitle);
        return await Teams.ClickAsync(user, catalogue, "S'inscrire");
    }

    /// <summary>Every input of a form as Teams sends it (its current values), with some changed.</summary>
    protected static Dictionary<string, string> Form(JsonObject card, IDictionary<string, string> changes)
    {
        var inputs = CardReader.Nodes(card)
            .Where(node => ((string?)node["type"])?.StartsWith("Input.", StringComparison.Ordinal) == true)
            .ToDictionary(node => (string)node["id"]!, CardReader.CurrentValue);
        foreach (var (id, value) in changes)
        {
            inputs[id] = value;
        }

        return inputs;
    }

    protected static JsonObject Data(string labId) => new() { ["labId"] = labId };

    protected IReadOnlyList<ConnectorRequest> CardsTo(TeamsUser user) =>
        [.. Connector.Delivered.Where(request => request.ConversationId == TeamsClient.ConversationIdFor(user, ConversationType.Personal) && request.Activity["attachments"] is not null)];

    protected async Task<IReadOnlyList<ConnectorRequest>> WaitForCardsToAsync(TeamsUser user, string containing, int count = 1)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (CardsTo(user).Count(request => request.AllText.Contains(containing, StringComparison.Ordinal)) < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        return [.. CardsTo(user).Where(request => request.AllText.Contains(containing, StringComparison.Ordinal))];
    }

    protected async Task<string> DownloadAsync(string url)
    {
        var path = new Uri(url).PathAndQuery;
        return await Teams.Http.GetStringAsync(path);
    }

    protected async Task<byte[]> DownloadBytesAsync(string url) => await Teams.Http.GetByteArrayAsync(new Uri(url).PathAndQuery);

    protected async Task<int> TicketCountAsync() => (await Bot.KeysAsync(LabBook.InboxPrefix)).Count;
}
