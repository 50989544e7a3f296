namespace BepBot.Infrastructure.Exports;

/// <summary>
/// One cell of an <see cref="ExportTable"/>: text, or a number. A number stays a number in the file (a negative figure
/// is not mistaken for a formula); text is neutralised when a spreadsheet would read it as one.
/// </summary>
public readonly record struct TableCell
{
    private TableCell(string? text, decimal? number) => (Text, Number) = (text, number);

    public string? Text { get; }

    public decimal? Number { get; }

    public static TableCell Empty { get; }

    public static implicit operator TableCell(string? text) => new(text, null);

    public static implicit operator TableCell(decimal number) => new(null, number);

    public static implicit operator TableCell(int number) => new(null, number);

    public static implicit operator TableCell(decimal? number) => number is { } value ? new(null, value) : Empty;

    public static implicit operator TableCell(int? number) => number is { } value ? new(null, value) : Empty;
}
