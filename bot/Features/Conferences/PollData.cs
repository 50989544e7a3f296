using System.Text.Json;
using BepBot.Cards;
using BepBot.Chat;
using BepBot.Platform.Procurations;
using BepBot.Platform.Territory;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Conferences;

public sealed record PollData(string SessionId, string? D0 = null, string? D1 = null, string? D2 = null, string? D3 = null, string? D4 = null);
