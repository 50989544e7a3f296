using System.Globalization;
using System.Text;
using System.Text.Json;
using BepBot.Cards;
using BepBot.Chat;
using BepBot.Infrastructure.Exports;
using BepBot.Infrastructure.Time;
using CsvHelper;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Votes;

public sealed record BallotIdData(string BallotId);
