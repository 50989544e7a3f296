namespace BepBot.Chat;

public static class Roles
{
    public static IReadOnlySet<Role> Everyone { get; } = new HashSet<Role> { Role.Guest, Role.Officer, Role.Bourgmestre, Role.BepStaff };

    public static IReadOnlySet<Role> Members { get; } = new HashSet<Role> { Role.Officer, Role.Bourgmestre, Role.BepStaff };

    public static IReadOnlySet<Role> Staff { get; } = new HashSet<Role> { Role.BepStaff };

    public static IReadOnlySet<Role> Bourgmestres { get; } = new HashSet<Role> { Role.Bourgmestre };

    public static IReadOnlySet<Role> BourgmestresAndStaff { get; } = new HashSet<Role> { Role.Bourgmestre, Role.BepStaff };

    public static string Id(this Role role) => role switch
    {
        Role.BepStaff => "bep-staff",
        Role.Bourgmestre => "bourgmestre",
        Role.Officer => "officer",
        _ => "guest",
    };

    public static Role? FromId(string? id) => id?.Trim().ToLowerInvariant() switch
    {
        "bep-staff" => Role.BepStaff,
        "bourgmestre" => Role.Bourgmestre,
        "officer" => Role.Officer,
        _ => null,
    };
}
