using System.Security.Cryptography;
using BepBot.Infrastructure.Storage;
using Microsoft.Extensions.Options;

namespace BepBot.Infrastructure.Exports;

public sealed record ExportFile(string FileName, string ContentType, string ContentBase64, DateTimeOffset ExpiresAt);
