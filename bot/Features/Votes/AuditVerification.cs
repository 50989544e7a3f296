using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using System.Threading.Channels;
using BepBot.Infrastructure.Storage;
using Microsoft.Extensions.Options;

namespace BepBot.Features.Votes;

/// <summary>What <see cref="AuditLog.VerifyAsync"/> found: null <see cref="FirstBroken"/> when the whole chain holds.</summary>
public sealed record AuditVerification(int Entries, int? FirstBroken, string? Problem, string HeadHash);
