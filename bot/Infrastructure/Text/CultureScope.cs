using System.Globalization;

namespace BepBot.Infrastructure.Text;

/// <summary>
/// Renders texts in another person's language for the length of a using block (a broadcast goes out in each
/// recipient's language, whatever the author's), and in their chat's wording even when staff acted from the tab.
/// </summary>
public readonly struct CultureScope : IDisposable
{
    private readonly CultureInfo _previousCulture;
    private readonly CultureInfo _previousUiCulture;
    private readonly TabWording.Scope _chatWording;

    private CultureScope(CultureInfo culture)
    {
        _previousCulture = CultureInfo.CurrentCulture;
        _previousUiCulture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
        _chatWording = TabWording.Use(false);
    }

    public static CultureScope Use(CultureInfo culture) => new(culture);

    public void Dispose()
    {
        _chatWording.Dispose();
        CultureInfo.CurrentCulture = _previousCulture;
        CultureInfo.CurrentUICulture = _previousUiCulture;
    }
}
