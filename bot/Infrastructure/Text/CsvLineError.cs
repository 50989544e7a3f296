using Microsoft.Extensions.Localization;

namespace BepBot.Infrastructure.Text;

/// <summary>A refused line of an imported CSV file (line 1 for the whole file) and every reason, worded when shown.</summary>
public sealed record CsvLineError(long Line, IReadOnlyList<TextKey> Reasons)
{
    /// <summary>The key, in the localizer given to <see cref="Describe"/>, of what stands between two reasons (« ; » in French).</summary>
    public const string SeparatorKey = "Csv_ReasonSeparator";

    public CsvLineError(long line, TextKey reason)
        : this(line, [reason])
    {
    }

    /// <summary>The reasons as one sentence in the current UI culture: "L'indicateur est vide ; la source est vide."</summary>
    public string Describe(IStringLocalizer texts)
    {
        var sentence = string.Join(texts[SeparatorKey].Value, Reasons.Select(reason => reason.In(texts)));
        return sentence.Length == 0 ? sentence : char.ToUpperInvariant(sentence[0]) + sentence[1..] + ".";
    }
}
