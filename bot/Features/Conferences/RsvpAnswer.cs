namespace BepBot.Features.Conferences;

public enum RsvpAnswer
{
    Present,
    Absent,
    Represented,
}
