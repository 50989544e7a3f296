namespace BepBot.Chat;

/// <summary>The OneDrive upload session Teams opens when a person accepts a file: where to PUT it, and where it will be.</summary>
public sealed record ConsentedUpload(string Name, Uri UploadUrl, Uri ContentUrl, string UniqueId, string FileType);
