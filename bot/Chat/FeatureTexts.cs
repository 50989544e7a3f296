using Microsoft.Extensions.Localization;

namespace BepBot.Chat;

/// <summary>
/// A feature's own resources, registered so that shared cards (the help card) find the help texts of the feature's
/// commands (Section_{section}, Command_{id}_Usage, Command_{id}_Description) there when Chat/ChatTexts.resx lacks them.
/// </summary>
public sealed class FeatureTexts(IStringLocalizer localizer)
{
    public LocalizedString this[string key] => localizer[key];
}
