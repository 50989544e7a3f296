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

    private readonly List<string> _greetings;

    public CommandTable(IEnumerable<CommandDefinition> commands, IEnumerable<CardActionDefinition> cardActions, IEnumerable<Greeting> greetings)
    {
        _greetings = [.. greetings.Select(greeting => TextFolding.Fold(greeting.Phrase)).OrderByDescending(phrase => phrase.Length)];
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

    /// <summary>
    /// A greeting alone (« bonjour ») is answered by the help card, which greets back; a greeting before a command
    /// (« bonjour, où en est … ») is set aside so that the command still matches.
    /// </summary>
    public CommandMatch? Match(string text)
    {
        var greeted = WithoutGreeting(text);
        if (greeted is null)
        {
            return MatchCommand(text);
        }

        return greeted.Length == 0
            ? new CommandMatch(Commands.Single(command => command.Id == ChatRouter.HelpCommandId), string.Empty)
            : MatchCommand(greeted);
    }

    /// <summary>The text after an opening greeting (empty for a greeting alone); null when it opens with none.</summary>
    public string? WithoutGreeting(string text)
    {
        var words = text.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        foreach (var greeting in _greetings)
        {
            var length = greeting.Split(' ').Length;
            if (words.Length >= length && TextFolding.Fold(string.Join(' ', words[..length])).TrimEnd(',', '!', '.', ' ') == greeting)
            {
                return string.Join(' ', words[length..]).Trim().TrimStart(',', '!', '.', ' ');
            }
        }

        return null;
    }

    private CommandMatch? MatchCommand(string text)
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
