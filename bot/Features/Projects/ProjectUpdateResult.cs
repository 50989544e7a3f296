using BepBot.Infrastructure.Storage;
using Microsoft.Extensions.Options;

namespace BepBot.Features.Projects;

public sealed record ProjectUpdateResult(ProjectUpdateOutcome Outcome, Project? Project);
