using System.Text.Json;
using System.Text.Json.Nodes;

namespace BepBot.Cards;

internal enum PathRoot { Data, Root, Index }
