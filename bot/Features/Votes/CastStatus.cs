using System.Text.Json;
using BepBot.Chat;
using BepBot.Platform.Procurations;
using BepBot.Infrastructure.Storage;
using BepBot.Infrastructure.Text;
using BepBot.Platform.Territory;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Votes;

public enum CastStatus
{
    Recorded,
    Changed,
    Unchanged,
    AlreadyVotedSecret,
    UnknownBallot,
    NotYetOpen,
    Closed,
    NotInScope,
    NotYourCommune,
    GivenAway,
    UnknownChoice,
}
