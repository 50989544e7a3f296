namespace BepBot.Features.Conferences;

public enum ConferenceState
{
    DatePoll,
    Scheduled,
    Cancelled,
}
