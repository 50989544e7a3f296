namespace BepBot.Tests.Bot;

public sealed class RealTeamsIdsOnLocalFolderTests() : RealTeamsIdsTests(Path.Combine(Path.GetTempPath(), $"bepbot-ids-{Guid.NewGuid():N}"));
