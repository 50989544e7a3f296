using System.Globalization;
using System.Text.Json.Nodes;
using BepBot.Cards;
using BepBot.Chat;
using BepBot.Infrastructure.Time;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Conferences;

public sealed record CardFact(string Title, string Value);
