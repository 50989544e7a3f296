namespace BepBot.Cards;

// a.b[0]['key']: property names and literal indexes only, resolved against $data, $root or $index.
internal sealed class PathExpr(PathRoot root, IReadOnlyList<object> segments, string text) : Expr(text)
{
    public PathRoot Root { get; } = root;

    // Each segment is a string (property, looked up case-insensitively like the official engine) or an int (array index).
    public IReadOnlyList<object> Segments { get; } = segments;
}
