using BepBot.Chat;

namespace BepBot.Features.Roster;

/// <summary>
/// Local play: maps the Microsoft 365 Agents Playground's six default users to every role, so each role can be
/// tried from the emulator. Stored with IsDemo so cards say it is demo data.
/// </summary>
public static class DemoRoster
{
    public static IReadOnlyList<Member> Members { get; } =
    [
        new("00000000-0000-0000-0000-0000000000020", "Alex Wilber", "alex.wilber@bepbot-demo.example", Role.BepStaff, null),
        new("00000000-0000-0000-0000-0000000000021", "Megan Bowen", "megan.bowen@bepbot-demo.example", Role.Bourgmestre, "Namur"),
        new("00000000-0000-0000-0000-0000000000022", "Adele Vance", "adele.vance@bepbot-demo.example", Role.Bourgmestre, "Dinant"),
        new("00000000-0000-0000-0000-0000000000023", "Isaiah Langer", "isaiah.langer@bepbot-demo.example", Role.Bourgmestre, "Couvin"),
        new("00000000-0000-0000-0000-0000000000024", "Patti Fernandez", "patti.fernandez@bepbot-demo.example", Role.Officer, "Namur"),
        new("00000000-0000-0000-0000-0000000000025", "Lynne Robbins", "lynne.robbins@bepbot-demo.example", Role.Officer, "Ciney"),
    ];
}
