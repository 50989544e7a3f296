using BepBot.Platform.Territory;
using BepBot.Infrastructure.Text;

namespace BepBot.Features.Projects;

public sealed record NotAboutProjects : ProjectAnswer;
