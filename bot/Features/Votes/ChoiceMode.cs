namespace BepBot.Features.Votes;

public enum ChoiceMode
{
    One,
    Multiple,
}
