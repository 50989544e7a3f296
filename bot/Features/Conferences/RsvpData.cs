using System.Text.Json;
using BepBot.Cards;
using BepBot.Chat;
using BepBot.Platform.Procurations;
using BepBot.Platform.Territory;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Conferences;

public sealed record RsvpData(string SessionId, string Answer, string? Holder = null);
