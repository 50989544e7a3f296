using System.Text.Json;
using BepBot.Chat;
using BepBot.Chat.Dashboard;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Labs.Dashboard;

/// <summary>`labs.promote` from the tab's waiting list: « Donner une place », the chat's own promotion (the person is told by the book).</summary>
public sealed class GiveSeat(StaffLabChange labChange, IStringLocalizer<LabsTexts> texts, TimeProvider clock) : IDashboardAction
{
    public const string ActionVerb = "labs.promote";

    public string Verb => ActionVerb;

    public bool IsAllowed(ChatUser user) => user.Role == Role.BepStaff;

    public Task<DashboardActionResult> RunAsync(DashboardRequest request, JsonElement data, CancellationToken cancellationToken)
    {
        var person = CardData.Read<PersonData>(data);
        return labChange.RunAsync(
            request.User,
            "promote",
            person.LabId,
            current => PromoteByHand.Promote(current, person.AadObjectId, request.User.AadObjectId, clock.GetUtcNow(), texts),
            change => PromoteByHand.Promoted(change, person.AadObjectId, texts),
            cancellationToken);
    }
}
