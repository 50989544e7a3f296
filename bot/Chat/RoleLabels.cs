using Microsoft.Extensions.Localization;

namespace BepBot.Chat;

/// <summary>How a person's role reads in a sentence: "bourgmestre de Namur", "membre du personnel communal à Ciney".</summary>
public static class RoleLabels
{
    public static string Describe(this IStringLocalizer<ChatTexts> texts, Role role, string? commune) => role switch
    {
        Role.BepStaff => texts["Role_BepStaff"],
        Role.Bourgmestre => texts["Role_BourgmestreOf", commune ?? "?"],
        Role.Officer => texts["Role_OfficerAt", commune ?? "?"],
        _ => texts["Role_Guest"],
    };

    public static string Describe(this IStringLocalizer<ChatTexts> texts, ChatUser user) => texts.Describe(user.Role, user.Commune);

    public static string RoleName(this IStringLocalizer<ChatTexts> texts, Role role) => texts["RoleName_" + role];
}
