namespace BepBot.Cards;

internal enum PathRoot { Data, Root, Index }
