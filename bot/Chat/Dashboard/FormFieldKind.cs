namespace BepBot.Chat.Dashboard;

/// <summary>A <see cref="File"/> field is read by the tab and posted as text (a CSV), never as an upload to disk.</summary>
public enum FormFieldKind
{
    Text,
    LongText,
    Number,
    Date,
    Choice,
    File,
}
