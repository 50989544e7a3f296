namespace BepBot.Chat;

/// <summary>
/// A kind of CSV file staff may send the bot in a personal chat, declared by the feature that imports it. The core
/// (<see cref="ImportSentFile"/>) checks who sent it and where, downloads it once, and hands it to the one import that
/// recognises its first row; it says so when none or several do.
/// </summary>
public interface IFileImport
{
    /// <summary>Whether the file's first row (its column names, trimmed) is that of this kind of file.</summary>
    bool Recognises(IReadOnlyList<string> columns);

    /// <summary>What the bot tells a sender whose file it could not tell apart, in their language: the kind and its first row.</summary>
    string DescribeExpectedFile();

    Task<Reply> ImportAsync(ChatTurn turn, SentFile file, CancellationToken cancellationToken);
}
