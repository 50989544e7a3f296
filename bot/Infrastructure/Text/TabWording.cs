namespace BepBot.Infrastructure.Text;

/// <summary>
/// Texts read in the staff tab rather than in the chat. A resource worded for the chat (« Tapez « votes » … »,
/// « renvoyez-moi le fichier », « Cliquez sur « Actualiser » ») has a sibling named <c>{name}_Tab</c>, which
/// <see cref="MessageLocalizer"/> gives instead while the tab's request is answered: a shared service's refusal reads
/// right in both places without knowing where it is shown.
/// </summary>
public static class TabWording
{
    public const string Suffix = "_Tab";

    private static readonly AsyncLocal<bool> InTab = new();

    public static bool IsOn => InTab.Value;

    /// <summary>For the rest of this request (its async flow): texts that have a tab wording use it.</summary>
    public static void TurnOn() => InTab.Value = true;

    /// <summary>Sets it for the length of a using block (a text for someone else, in their chat, says <c>false</c>).</summary>
    public static Scope Use(bool on)
    {
        var previous = InTab.Value;
        InTab.Value = on;
        return new Scope(previous);
    }

    public readonly struct Scope(bool previous) : IDisposable
    {
        public void Dispose() => InTab.Value = previous;
    }
}
