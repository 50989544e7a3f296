namespace BepBot.Tests.Bot;

public sealed class RealTeamsIdsOnBlobTests() : RealTeamsIdsTests(localFolder: null);
