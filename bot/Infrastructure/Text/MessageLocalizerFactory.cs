using Microsoft.Extensions.Localization;

namespace BepBot.Infrastructure.Text;

/// <summary>
/// The .resx resources of every part (<c>IStringLocalizer&lt;VotesTexts&gt;</c>…), each worded by a
/// <see cref="MessageLocalizer"/>: the one place where plurals, French spacing and elision are applied.
/// </summary>
public sealed class MessageLocalizerFactory(ResourceManagerStringLocalizerFactory resources) : IStringLocalizerFactory
{
    public IStringLocalizer Create(Type resourceSource) => new MessageLocalizer(resources.Create(resourceSource));

    public IStringLocalizer Create(string baseName, string location) => new MessageLocalizer(resources.Create(baseName, location));
}
