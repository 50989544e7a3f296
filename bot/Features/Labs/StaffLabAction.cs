using System.Text.Json;
using BepBot.Chat;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Labs;

/// <summary>What every staff action on a lab shares: the strict read, the lab lookup, the refusal, the refreshed registrants card.</summary>
public abstract class StaffLabAction<TData>(LabBook book, ShowLabRegistrants registrants, IStringLocalizer<LabsTexts> texts, ILogger logger) : ICardActionHandler
    where TData : class
{
    protected LabBook Book => book;

    protected IStringLocalizer<LabsTexts> Texts => texts;

    protected abstract string Name { get; }

    public async Task<Reply> HandleAsync(ChatTurn turn, JsonElement data, CancellationToken cancellationToken)
    {
        var request = CardData.Read<TData>(data, turn.CardInputs);
        var labId = LabIdOf(request);
        try
        {
            var change = await book.ChangeAsync(labId, current => Apply(current, request, turn), cancellationToken);
            if (change is null)
            {
                LabsLog.Refused(logger, Name, labId, turn.User.AadObjectId, "unknown lab");
                return Reply.WithText(texts["Lab_Unknown"]);
            }

            LabsLog.StaffAction(logger, labId, Name, turn.User.AadObjectId);
            var notice = await AfterAsync(change, request, turn, cancellationToken);
            return Reply.UpdatingCard(registrants.Card(change.After, notice));
        }
        catch (LabChangeRejectedException ex)
        {
            LabsLog.Refused(logger, Name, labId, turn.User.AadObjectId, ex.Message);
            return Reply.WithText(ex.Message);
        }
    }

    protected abstract string LabIdOf(TData request);

    /// <summary>The change on the latest lab; throw <see cref="LabChangeRejectedException"/> when it does not fit.</summary>
    protected abstract Lab Apply(Lab current, TData request, ChatTurn turn);

    protected virtual Task<string?> AfterAsync(LabChange change, TData request, ChatTurn turn, CancellationToken cancellationToken) =>
        Task.FromResult<string?>(null);

    protected Lab NotCancelled(Lab current) => NotCancelled(current, texts);

    protected static Lab NotCancelled(Lab current, IStringLocalizer<LabsTexts> texts) =>
        current.State == LabState.Cancelled ? throw new LabChangeRejectedException(texts["Refusal_Cancelled"]) : current;

    protected static Registration Person(Lab current, string aadObjectId, IStringLocalizer<LabsTexts> texts) =>
        current.ActiveOf(aadObjectId) ?? throw new LabChangeRejectedException(texts["Staff_PersonNotRegistered"]);
}
