using System.Text.Json;
using System.Text.Json.Nodes;

namespace BepBot.Cards;

internal enum CardValueKind { Absent, Null, Boolean, Number, String, Array, Object }
