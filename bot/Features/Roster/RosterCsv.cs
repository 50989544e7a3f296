using System.Net.Mail;
using System.Text.RegularExpressions;
using BepBot.Chat;
using BepBot.Platform.Territory;
using CsvHelper;

namespace BepBot.Features.Roster;

public sealed record RosterCsvError(long Line, string Message);

public sealed record RosterCsvResult(IReadOnlyList<Member> Members, IReadOnlyList<RosterCsvError> Errors)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>
/// Parses the roster CSV the BEP keeps (aadObjectId,name,email,role,commune; comma or semicolon, as Excel
/// saves it in Belgium). Every bad row is reported with its line number; the caller applies nothing unless
/// the whole file is valid.
/// </summary>
public static partial class RosterCsv
{
    public static readonly string[] Columns = ["aadObjectId", "name", "email", "role", "commune"];

    public static RosterCsvResult Parse(string text)
    {
        var errors = new List<RosterCsvError>();
        var members = new List<Member>();
        // An empty file saved as UTF-8 with a byte order mark is that mark alone, which is not white space.
        text = text.TrimStart('\uFEFF');
        if (string.IsNullOrWhiteSpace(text))
        {
            return new([], [new RosterCsvError(1, "Le fichier est vide.")]);
        }

        using var reader = CsvReader.FromText(text, new CsvReaderOptions { HasHeader = true, TrackLineNumbers = true });
        reader.ReadHeader();
        var missing = Columns.Where(column => IndexOf(reader.Headers, column) < 0).ToList();
        if (missing.Count > 0)
        {
            return new([], [new RosterCsvError(1, $"En-tête incomplet : colonne(s) manquante(s) {string.Join(", ", missing)}. En-tête attendu : {string.Join(",", Columns)}.")]);
        }

        var index = Columns.ToDictionary(column => column, column => IndexOf(reader.Headers, column), StringComparer.Ordinal);
        var seenIds = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase);
        var seenEmails = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase);
        var bourgmestreLines = new Dictionary<string, long>(StringComparer.Ordinal);
        while (reader.Read())
        {
            var line = reader.LineNumber;
            if (reader.FieldCount != reader.Headers.Count)
            {
                errors.Add(new(line, $"{reader.FieldCount} colonne(s) au lieu de {reader.Headers.Count}."));
                continue;
            }

            string Field(string column) => reader.GetString(index[column]).Trim();
            var rowErrors = new List<string>();
            var aadObjectId = Field("aadObjectId");
            var name = Field("name");
            var email = Field("email");
            var role = Roles.FromId(Field("role"));
            var communeText = Field("commune");
            var commune = TerritoryMap.FindCommune(communeText);

            if (!IsAadObjectId(aadObjectId))
            {
                rowErrors.Add($"aadObjectId « {aadObjectId} » n'est pas un identifiant Entra valide (GUID)");
            }
            else if (seenIds.TryGetValue(aadObjectId, out var firstLine))
            {
                rowErrors.Add($"aadObjectId déjà présent à la ligne {firstLine}");
            }

            if (name.Length is 0 or > 200)
            {
                rowErrors.Add("le nom est vide ou trop long");
            }

            if (!IsEmail(email))
            {
                rowErrors.Add($"l'adresse e-mail « {email} » n'est pas valide");
            }
            else if (seenEmails.TryGetValue(email, out var emailLine))
            {
                rowErrors.Add($"adresse e-mail déjà présente à la ligne {emailLine}");
            }

            if (role is null)
            {
                rowErrors.Add($"rôle « {Field("role")} » inconnu (attendu : bep-staff, bourgmestre ou officer)");
            }
            else if (role is Role.Bourgmestre or Role.Officer && commune is null)
            {
                rowErrors.Add(communeText.Length == 0
                    ? "la commune est obligatoire pour ce rôle"
                    : $"« {communeText} » n'est pas une des 40 communes");
            }
            else if (role is Role.BepStaff && communeText.Length > 0 && commune is null)
            {
                rowErrors.Add($"« {communeText} » n'est pas une des 40 communes");
            }

            if (role is Role.Bourgmestre && commune is not null && bourgmestreLines.TryGetValue(commune.Name, out var otherLine))
            {
                rowErrors.Add($"la commune {commune.Name} a déjà un bourgmestre à la ligne {otherLine}");
            }

            // Taken even from a bad row, so that its duplicates are reported now, not after the row is fixed.
            if (IsAadObjectId(aadObjectId))
            {
                seenIds.TryAdd(aadObjectId, line);
            }

            if (IsEmail(email))
            {
                seenEmails.TryAdd(email, line);
            }

            if (role is Role.Bourgmestre && commune is not null)
            {
                bourgmestreLines.TryAdd(commune.Name, line);
            }

            if (rowErrors.Count > 0)
            {
                errors.Add(new(line, Capitalize(string.Join(" ; ", rowErrors)) + "."));
                continue;
            }

            members.Add(new Member(aadObjectId.ToLowerInvariant(), name, email, role!.Value, commune?.Name));
        }

        if (errors.Count == 0 && members.Count == 0)
        {
            errors.Add(new(2, "Le fichier ne contient aucune ligne de membre."));
        }

        return new(errors.Count == 0 ? members : [], errors);
    }

    /// <summary>
    /// A Microsoft Entra object id. The Agents Playground's default users have 13 digits in the last group
    /// (00000000-0000-0000-0000-0000000000020), so one extra digit is tolerated there.
    /// </summary>
    public static bool IsAadObjectId(string value) => AadObjectIdPattern().IsMatch(value);

    public static bool IsEmail(string email) =>
        email.Length is > 3 and <= 254 && MailAddress.TryCreate(email, out var address) && address.Address == email && email.Contains('.', StringComparison.Ordinal);

    private static int IndexOf(IReadOnlyList<string> headers, string column)
    {
        for (var i = 0; i < headers.Count; i++)
        {
            if (string.Equals(headers[i].Trim(), column, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    [GeneratedRegex("^[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12,13}$")]
    private static partial Regex AadObjectIdPattern();

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
