using System.Text.Json;
using BepBot.Cards;
using BepBot.Chat;
using BepBot.Infrastructure.Text;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Roster;

public sealed record RemoveRosterMemberData(string AadObjectId);

/// <summary>`retirer un membre &lt;e-mail ou nom&gt;`: asks for confirmation on a card before anything changes.</summary>
public sealed class AskToRemoveRosterMember(RosterDirectory roster, CardCatalog cards, IStringLocalizer<RosterTexts> texts, IStringLocalizer<ChatTexts> coreTexts) : ICommandHandler
{
    public const string Verb = "roster.remove";

    public async Task<Reply> HandleAsync(ChatTurn turn, string arguments, CancellationToken cancellationToken)
    {
        if (arguments.Length == 0)
        {
            return Reply.WithText(texts["RosterRemove_Usage"]);
        }

        var wanted = TextFolding.Fold(arguments);
        var matches = (await roster.GetAsync(cancellationToken)).Members
            .Where(member => member.AadObjectId == wanted || TextFolding.Fold(member.Email).Contains(wanted, StringComparison.Ordinal) || TextFolding.Fold(member.Name).Contains(wanted, StringComparison.Ordinal))
            .ToList();
        if (matches.Count == 0)
        {
            return Reply.WithText(texts["RosterRemove_NotFound", arguments]);
        }

        if (matches.Count > 1)
        {
            return Reply.WithText(texts["RosterRemove_Ambiguous", arguments, string.Join(", ", matches.Select(member => $"{member.Name} ({member.Email})"))]);
        }

        var member = matches[0];
        var card = cards.Render("roster/remove-confirm", new
        {
            Title = texts["RosterRemove_Title"].Value,
            Question = texts["RosterRemove_Question", CardText.EscapeMarkdown(member.Name), coreTexts.Describe(member.Role, member.Commune), CardText.EscapeMarkdown(member.Email)].Value,
            ConfirmButton = texts["RosterRemove_ConfirmButton", member.Name].Value,
            KeepButton = texts["RosterRemove_KeepButton"].Value,
            member.AadObjectId,
        });
        return Reply.WithCard(card, texts["RosterRemove_Title"]);
    }
}

/// <summary>`roster.remove`: the confirmation click. The payload is checked against the latest roster.</summary>
public sealed class RemoveRosterMember(RosterDirectory roster, CardCatalog cards, IStringLocalizer<RosterTexts> texts, ILogger<RemoveRosterMember> logger) : ICardActionHandler
{
    public async Task<Reply> HandleAsync(ChatTurn turn, JsonElement data, CancellationToken cancellationToken)
    {
        var request = CardData.Read<RemoveRosterMemberData>(data);
        Member? removed = null;
        try
        {
            await roster.ChangeAsync(
                current =>
                {
                    removed = current.Find(request.AadObjectId) ?? throw new RosterChangeRejectedException(texts["RosterRemove_AlreadyGone"]);
                    if (removed.Role == Role.BepStaff && current.Members.Count(member => member.Role == Role.BepStaff) == 1)
                    {
                        throw new RosterChangeRejectedException(texts["RosterRemove_LastStaff"]);
                    }

                    return [.. current.Members.Where(member => member != removed)];
                },
                turn.User.Name,
                cancellationToken);
        }
        catch (RosterChangeRejectedException ex)
        {
            return Reply.WithText(ex.Message);
        }

        RosterLog.MemberRemoved(logger, removed!.AadObjectId, turn.User.AadObjectId);
        // The confirmation card is replaced in place, so its button cannot be clicked twice.
        return Reply.UpdatingCard(cards.Render("common/confirmation", new
        {
            Title = texts["RosterRemove_DoneTitle"].Value,
            Message = texts["RosterRemove_Done", CardText.EscapeMarkdown(removed.Name)].Value,
            Details = Array.Empty<object>(),
        }));
    }
}

/// <summary>`roster.keep`: the Annuler button of the confirmation card; the card says nothing changed.</summary>
public sealed class KeepRosterMember(CardCatalog cards, IStringLocalizer<RosterTexts> texts) : ICardActionHandler
{
    public Task<Reply> HandleAsync(ChatTurn turn, JsonElement data, CancellationToken cancellationToken) =>
        Task.FromResult(Reply.UpdatingCard(cards.Render("common/confirmation", new
        {
            Title = texts["RosterRemove_KeptTitle"].Value,
            Message = texts["RosterRemove_Kept"].Value,
            Details = Array.Empty<object>(),
        })));
}

internal static partial class RosterLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Roster member {Member} removed by {Staff}")]
    public static partial void MemberRemoved(ILogger logger, string member, string staff);
}
