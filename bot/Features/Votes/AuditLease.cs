using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using System.Threading.Channels;
using BepBot.Infrastructure.Storage;
using Microsoft.Extensions.Options;

namespace BepBot.Features.Votes;

public sealed record AuditLease(string Owner, DateTimeOffset Until);
