using System.Resources;

[assembly: NeutralResourcesLanguage("fr")]

namespace BepBot.Chat;

/// <summary>Marker for the core's user-facing texts: ChatTexts.resx is French (the default), ChatTexts.en.resx English.</summary>
public sealed class ChatTexts;
