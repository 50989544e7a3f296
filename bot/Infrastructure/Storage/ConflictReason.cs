namespace BepBot.Infrastructure.Storage;

public enum ConflictReason
{
    AlreadyExists,
    ETagMismatch,
    Missing,
}
