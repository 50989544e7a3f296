using System.Globalization;
using System.Text.Json;
using BepBot.Chat;
using BepBot.Chat.Flows;
using BepBot.Infrastructure.Text;
using BepBot.Infrastructure.Time;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Conferences;

public sealed record CancelConfirmData(string SessionId, int Version);
