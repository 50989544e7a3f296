using BepBot.Chat;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Help;

/// <summary>`aide` / `help`, and the "Voir l'aide" button (`help.show`).</summary>
public sealed class ShowHelp(HelpCard help, IStringLocalizer<HelpTexts> texts) : ICommandHandler, ICardActionHandler
{
    public Task<Reply> HandleAsync(ChatTurn turn, string arguments, CancellationToken cancellationToken) =>
        Task.FromResult(Reply.WithCard(help.Build(turn), texts["Help_Title"]));

    public Task<Reply> HandleAsync(ChatTurn turn, System.Text.Json.JsonElement data, CancellationToken cancellationToken) =>
        HandleAsync(turn, string.Empty, cancellationToken);
}
