using System.Globalization;
using Microsoft.Extensions.Localization;

namespace BepBot.Infrastructure.Text;

/// <summary>A part's resources, worded by <see cref="MessageFormatter"/> in the current UI language (and for the tab, <see cref="TabWording"/>).</summary>
public sealed class MessageLocalizer(IStringLocalizer resources) : IStringLocalizer
{
    public LocalizedString this[string name]
    {
        get
        {
            var found = Find(name);
            return new LocalizedString(name, MessageFormatter.Typeset(found.Value, CultureInfo.CurrentUICulture), found.ResourceNotFound, found.SearchedLocation);
        }
    }

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var found = Find(name);
            var value = MessageFormatter.Format(found.Value, CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture, arguments);
            return new LocalizedString(name, value, found.ResourceNotFound, found.SearchedLocation);
        }
    }

    private LocalizedString Find(string name) =>
        TabWording.IsOn && resources[name + TabWording.Suffix] is { ResourceNotFound: false } worded ? worded : resources[name];

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
        resources.GetAllStrings(includeParentCultures).Select(found =>
            new LocalizedString(found.Name, MessageFormatter.Typeset(found.Value, CultureInfo.CurrentUICulture), found.ResourceNotFound, found.SearchedLocation));
}
