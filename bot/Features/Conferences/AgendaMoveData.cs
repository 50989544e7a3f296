using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using BepBot.Cards;
using BepBot.Chat;
using BepBot.Chat.Flows;
using BepBot.Infrastructure.Text;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Conferences;

public sealed record AgendaMoveData(string SessionId, string Item, string Direction);
