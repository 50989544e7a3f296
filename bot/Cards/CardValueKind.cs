namespace BepBot.Cards;

internal enum CardValueKind { Absent, Null, Boolean, Number, String, Array, Object }
