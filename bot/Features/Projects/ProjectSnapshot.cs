using BepBot.Infrastructure.Storage;
using Microsoft.Extensions.Options;

namespace BepBot.Features.Projects;

/// <summary>A register version with its search index.</summary>
public sealed record ProjectSnapshot(ProjectRegister Register, ProjectIndex Index, string? ETag);
