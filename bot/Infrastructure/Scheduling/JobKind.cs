namespace BepBot.Infrastructure.Scheduling;

/// <summary>
/// A kind of job and the handler type that runs it, registered by <see cref="SchedulingRegistration.AddJobHandler{THandler}"/>.
/// The book checks kinds against these plain records rather than the handlers, which themselves need the book.
/// </summary>
public sealed record JobKind(string Name, Type HandlerType)
{
    internal static Dictionary<string, T> IndexByName<T>(IEnumerable<T> entries, Func<T, string> nameOf, Func<T, Type> handlerTypeOf)
    {
        var index = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (!index.TryAdd(nameOf(entry), entry))
            {
                throw new InvalidOperationException(
                    $"Two job handlers for kind '{nameOf(entry)}': {handlerTypeOf(index[nameOf(entry)]).Name} and {handlerTypeOf(entry).Name}.");
            }
        }

        return index;
    }
}
