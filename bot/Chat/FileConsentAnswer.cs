namespace BepBot.Chat;

/// <summary>
/// What a person answered to a file-consent card, free of any Bot Framework type. <see cref="ExportToken"/> comes back
/// from the card as the bot wrote it, or forged: it is checked against the export store. On accept Teams gives the
/// upload session in <see cref="Upload"/>.
/// </summary>
public sealed record FileConsentAnswer(bool Accepted, string? ExportToken, ConsentedUpload? Upload);
