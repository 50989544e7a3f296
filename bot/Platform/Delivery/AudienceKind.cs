namespace BepBot.Platform.Delivery;

public enum AudienceKind
{
    AllBourgmestres,
    BassinBourgmestres,
    AllOfficers,
    CommuneOfficers,
    Everyone,
    Channel,
    Members,
}
