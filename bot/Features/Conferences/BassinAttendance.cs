using BepBot.Platform.Territory;

namespace BepBot.Features.Conferences;

/// <param name="Silent">The bassin's communes that have not answered yet.</param>
public sealed record BassinAttendance(Bassin Bassin, int Present, int Represented, int Absent, IReadOnlyList<string> Silent)
{
    public int Counted => Present + Represented;
}
