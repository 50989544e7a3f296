using BepBot.Cards;
using BepBot.Chat.Dashboard;
using BepBot.Infrastructure.Exports;
using Microsoft.Extensions.Localization;

namespace BepBot.Chat;

/// <summary>
/// How every export click answers: the files saved behind short-lived links made for the person who clicked, on a
/// card that says how long they work and carries « Obtenir un nouveau lien », the same click again (the same verb,
/// data and role checks), so that the card still works weeks later. In personal chat each file is also offered for
/// the person's OneDrive (Teams' file-consent card; <see cref="AnswerFileConsent"/> takes the answer); group chats and
/// channels have no file consent, so they get the links alone.
/// </summary>
public sealed class ExportHandout(ExportStore exports, CardCatalog cards, LinkValidity validity, IStringLocalizer<ChatTexts> texts)
{
    public const string CardName = "common/download";

    /// <param name="text">The card's text, from the links made (a feature's « prêt : [télécharger](…) (lien valable …) »).</param>
    /// <param name="renewVerb">The verb of the export itself, clicked again by « Obtenir un nouveau lien ».</param>
    /// <param name="renewData">Its data, exactly as the export's handler reads it.</param>
    public async Task<Reply> ReplyAsync(
        ChatTurn turn,
        IReadOnlyList<ExportedFile> files,
        Func<IReadOnlyList<ExportLink>, string> text,
        string renewVerb,
        object renewData,
        CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfZero(files.Count);
        var owner = turn.User.AadObjectId.Length > 0 ? turn.User.AadObjectId : null;
        var links = new List<ExportLink>(files.Count);
        foreach (var file in files)
        {
            links.Add(await exports.SaveAsync(file.Content, file.FileName, file.ContentType, file.Bytes, owner, cancellationToken));
        }

        var offered = owner is not null && turn.Conversation.Kind == ConversationKind.Personal;
        var body = text(links);
        var card = cards.Render(CardName, new
        {
            Title = texts["Export_Summary"].Value,
            Text = body,
            Hint = texts[offered ? "Export_RenewAndOfferHint" : "Export_RenewHint"].Value,
            Links = files.Zip(links)
                .Where(pair => pair.First.LinkTitle is not null)
                .Select(pair => new { Title = pair.First.LinkTitle, Url = pair.Second.Url.ToString() })
                .ToList(),
            DescriptionsTitle = texts["Export_DescriptionsTitle"].Value,
            Descriptions = files
                .Where(file => file.Description is not null)
                .Select(file => new { Title = CardText.EscapeMarkdown(file.LinkTitle ?? file.FileName), Text = CardText.EscapeMarkdown(file.Description!) })
                .ToList(),
            Renew = new { Title = texts["Export_Renew"].Value, Verb = renewVerb, Data = renewData },
        });
        var messages = new List<OutgoingMessage> { new(texts["Export_Summary"], card) };
        if (offered)
        {
            messages.AddRange(files.Zip(links).Select(pair => new OutgoingMessage(
                null, Offer: new FileOffer(pair.First.FileName, pair.First.Bytes.LongLength, texts["FileOffer_Description"], pair.Second.Token))));
        }

        return new Reply(messages);
    }

    /// <summary>
    /// How an export asked from the dashboard tab answers: the same files behind links made for the person, shown on a
    /// page of their own with one download button each; « Retour » leads to <paramref name="back"/>. Asking again makes
    /// fresh links, so nothing of the tab's own has to outlive them.
    /// </summary>
    public async Task<DashboardActionResult> OfferAsync(
        ChatUser user, IReadOnlyList<ExportedFile> files, string title, string? back, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfZero(files.Count);
        var links = new List<ExportLink>(files.Count);
        foreach (var file in files)
        {
            links.Add(await exports.SaveAsync(file.Content, file.FileName, file.ContentType, file.Bytes, user.AadObjectId, cancellationToken));
        }

        var message = texts["Export_TabReady", validity.Of(links[0])].Value;
        var buttons = files.Zip(links)
            .Select(pair => new DashboardButton(pair.First.LinkTitle ?? pair.First.FileName, Href: pair.Second.Url.ToString(), Primary: true))
            .ToList();
        return new DashboardActionResult(true, message, new DashboardView(title, [new ButtonsBlock(texts["Export_TabFiles"], buttons)], Back: back));
    }
}
