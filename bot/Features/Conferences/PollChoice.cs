namespace BepBot.Features.Conferences;

public enum PollChoice
{
    Yes,
    Maybe,
    No,
}
