using System.Globalization;
using System.Text.Json.Nodes;
using BepBot.Cards;
using BepBot.Chat;
using BepBot.Platform.Procurations;
using BepBot.Infrastructure.Text;
using BepBot.Infrastructure.Time;
using BepBot.Platform.Territory;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Votes;

public sealed record FactLine(string Label, string Value);
