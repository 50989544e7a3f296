using Microsoft.Extensions.Localization;

namespace BepBot.Infrastructure.Text;

/// <summary>
/// A text chosen where it cannot be worded yet (a parser runs outside any turn): its resource key and arguments,
/// worded when shown, by the localizer of the feature that owns the key, in the reader's language.
/// </summary>
public sealed record TextKey(string Key, params object[] Arguments)
{
    public string In(IStringLocalizer texts) => texts[Key, Arguments];
}
