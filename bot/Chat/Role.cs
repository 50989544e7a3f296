namespace BepBot.Chat;

/// <summary>What a person may do with the bot. Stored and imported as bep-staff, bourgmestre, officer, guest.</summary>
public enum Role
{
    Guest,
    Officer,
    Bourgmestre,
    BepStaff,
}
