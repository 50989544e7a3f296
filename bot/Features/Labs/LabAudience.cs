namespace BepBot.Features.Labs;

public enum LabAudience
{
    Officers,
    Bourgmestres,
    Everyone,
}
