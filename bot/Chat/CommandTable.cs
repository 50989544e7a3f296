using BepBot.Infrastructure.Text;

namespace BepBot.Chat;

/// <summary>
/// The routing table every feature fills through DI (AddCommand / AddCardAction): no if-chains over text.
/// A text matches the command whose phrase it equals or starts with (followed by a space); the longest phrase wins.
/// </summary>
public sealed class CommandTable
{
    private readonly List<(string Phrase, CommandDefinition Command)> _phrases;
    private readonly Dictionary<string, CardActionDefinition> _verbs;

    public CommandTable(IEnumerable<CommandDefinition> commands, IEnumerable<CardActionDefinition> cardActions)
    {
        Commands = [.. commands];
        _phrases = [.. Commands
            .SelectMany(command => command.Phrases.Select(phrase => (Phrase: TextFolding.Fold(phrase), Command: command)))
            .OrderByDescending(entry => entry.Phrase.Length)];
        var duplicate = _phrases.GroupBy(entry => entry.Phrase).FirstOrDefault(group => group.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"The phrase '{duplicate.Key}' is claimed by several commands: {string.Join(", ", duplicate.Select(entry => entry.Command.Id))}.");
        }

        _verbs = cardActions.ToDictionary(action => action.Verb, StringComparer.Ordinal);
    }

    public IReadOnlyList<CommandDefinition> Commands { get; }

    public IReadOnlyCollection<string> Verbs => _verbs.Keys;

    public CommandMatch? Match(string text)
    {
        var folded = TextFolding.Fold(text).TrimEnd('?', '!', '.', ' ');
        foreach (var (phrase, command) in _phrases)
        {
            if (folded == phrase)
            {
                return new CommandMatch(command, string.Empty);
            }

            if (folded.StartsWith(phrase + " ", StringComparison.Ordinal))
            {
                // Arguments keep the user's own spelling (accents, case): only the phrase is folded away.
                var words = phrase.Split(' ').Length;
                var original = text.Trim().Split(' ', words + 1, StringSplitOptions.RemoveEmptyEntries);
                return new CommandMatch(command, original.Length > words ? original[words].Trim() : string.Empty);
            }
        }

        return null;
    }

    public CardActionDefinition? FindVerb(string? verb) => verb is null ? null : _verbs.GetValueOrDefault(verb);

    public IEnumerable<CommandDefinition> AvailableTo(Role role) => Commands.Where(command => command.AllowedRoles.Contains(role));
}
