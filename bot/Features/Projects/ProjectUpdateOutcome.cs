using BepBot.Infrastructure.Storage;
using Microsoft.Extensions.Options;

namespace BepBot.Features.Projects;

public enum ProjectUpdateOutcome
{
    Updated,
    NotFound,
    Stale,
}
