using System.Resources;

[assembly: NeutralResourcesLanguage("fr")]

namespace BepBot;

/// <summary>Marker for the user-facing texts: Texts.resx is French (the default), Texts.en.resx English.</summary>
public sealed class Texts;
