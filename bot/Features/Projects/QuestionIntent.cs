namespace BepBot.Features.Projects;

[Flags]
public enum QuestionIntent
{
    None = 0,
    Status = 1,
    NextStep = 2,
    Contact = 4,
    Centrals = 8,
}
