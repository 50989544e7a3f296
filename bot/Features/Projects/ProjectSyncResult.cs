using BepBot.Infrastructure.Graph;
using BepBot.Infrastructure.Storage;
using Microsoft.Extensions.Options;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;

namespace BepBot.Features.Projects;

public sealed record ProjectSyncResult(bool Incremental, int Added, int Updated, int Removed, int Skipped, int Total);
