using System.Text.Json;
using BepBot.Chat;
using BepBot.Platform.Territory;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Observatoire;

public sealed record ChartRequest(IReadOnlyList<string> Communes, string? Indicator = null);
