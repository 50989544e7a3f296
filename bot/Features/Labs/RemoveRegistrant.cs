using BepBot.Chat;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Labs;

/// <summary>`labs.remove`: staff cancel someone's registration (also after the deadline); the freed seat goes to the next eligible person.</summary>
public sealed class RemoveRegistrant(LabBook book, ShowLabRegistrants registrants, IStringLocalizer<LabsTexts> texts, TimeProvider clock, ILogger<RemoveRegistrant> logger)
    : StaffLabAction<PersonData>(book, registrants, texts, logger)
{
    protected override string Name => "remove";

    protected override string LabIdOf(PersonData request) => request.LabId;

    protected override Lab Apply(Lab current, PersonData request, ChatTurn turn) =>
        CancelMyRegistration.CancelOne(current, request.AadObjectId, turn.User.AadObjectId, clock.GetUtcNow(), Texts);

    protected override Task<string?> AfterAsync(LabChange change, PersonData request, ChatTurn turn, CancellationToken cancellationToken)
    {
        var name = change.Before.ActiveOf(request.AadObjectId)!.Name;
        return Task.FromResult<string?>(change.Promoted.Count == 0
            ? Texts["Staff_Removed", name]
            : Texts["Staff_RemovedPromoted", name, string.Join(", ", change.Promoted.Select(person => person.Name))]);
    }
}
