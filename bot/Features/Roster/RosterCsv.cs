using System.Net.Mail;
using System.Text.RegularExpressions;
using BepBot.Chat;
using BepBot.Infrastructure.Exports;
using BepBot.Infrastructure.Text;
using BepBot.Platform.Territory;
using CsvHelper;

namespace BepBot.Features.Roster;

/// <summary>
/// Parses the roster CSV the BEP keeps (email,name,role,commune, and optionally aadObjectId and tenantId; comma or
/// semicolon, as Excel saves it in Belgium). A row without an object id is pending: bound at the person's first contact. Every bad row is reported with its line number; the caller applies nothing
/// unless the whole file is valid. The reasons are keys of RosterTexts (Csv_*), worded by whoever shows them.
/// </summary>
public static partial class RosterCsv
{
    public static readonly string[] Columns = ["email", "name", "role", "commune"];

    /// <summary>The person's Microsoft Entra object id, for files made before people were registered by e-mail.</summary>
    public const string AadObjectIdColumn = "aadObjectId";

    /// <summary>The person's Microsoft Entra tenant; a file without it, or an empty cell, means Roster:DefaultTenantId.</summary>
    public const string TenantColumn = "tenantId";

    public static RosterCsvResult Parse(string text)
    {
        var errors = new List<CsvLineError>();
        var members = new List<Member>();
        // An empty file saved as UTF-8 with a byte order mark is that mark alone, which is not white space.
        text = text.TrimStart('\uFEFF');
        if (string.IsNullOrWhiteSpace(text))
        {
            return Fail(new TextKey("Csv_Empty"));
        }

        using var reader = CsvReader.FromText(text, new CsvReaderOptions { HasHeader = true, TrackLineNumbers = true });
        reader.ReadHeader();
        var missing = Columns.Where(column => IndexOf(reader.Headers, column) < 0).ToList();
        if (missing.Count > 0)
        {
            return Fail(new TextKey("Csv_MissingColumns", string.Join(", ", missing), string.Join(",", Columns), missing.Count));
        }

        var index = Columns.ToDictionary(column => column, column => IndexOf(reader.Headers, column), StringComparer.Ordinal);
        var tenantIndex = IndexOf(reader.Headers, TenantColumn);
        var aadObjectIdIndex = IndexOf(reader.Headers, AadObjectIdColumn);
        var seenIds = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase);
        var seenEmails = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase);
        var bourgmestreLines = new Dictionary<string, long>(StringComparer.Ordinal);
        while (reader.Read())
        {
            var line = reader.LineNumber;
            if (reader.FieldCount != reader.Headers.Count)
            {
                errors.Add(new(line, new TextKey("Csv_ColumnCount", reader.FieldCount, reader.Headers.Count)));
                continue;
            }

            // A file exported by the bot neutralised cells a spreadsheet would run as formulas: read them as they were.
            string Field(string column) => ExportTable.Restored(reader.GetString(index[column]).Trim());
            var rowErrors = new List<TextKey>();
            var aadObjectId = aadObjectIdIndex < 0 ? string.Empty : reader.GetString(aadObjectIdIndex).Trim();
            var name = Field("name");
            var email = Field("email");
            var role = RoleOf(Field("role"));
            var communeText = Field("commune");
            var commune = TerritoryMap.FindCommune(communeText);
            var tenantId = tenantIndex < 0 ? string.Empty : reader.GetString(tenantIndex).Trim();

            // No object id: pending, the e-mail is the key until the person's first contact.
            if (aadObjectId.Length > 0 && !IsAadObjectId(aadObjectId))
            {
                rowErrors.Add(new("Csv_IdInvalid", aadObjectId));
            }
            else if (seenIds.TryGetValue(aadObjectId, out var firstLine))
            {
                rowErrors.Add(new("Csv_IdTaken", firstLine));
            }

            if (tenantId.Length > 0 && !IsAadObjectId(tenantId))
            {
                rowErrors.Add(new("Csv_TenantInvalid", tenantId));
            }

            if (name.Length is 0 or > 200)
            {
                rowErrors.Add(new("Csv_NameInvalid"));
            }

            if (!IsEmail(email))
            {
                rowErrors.Add(new("Csv_EmailInvalid", email));
            }
            else if (seenEmails.TryGetValue(email, out var emailLine))
            {
                rowErrors.Add(new("Csv_EmailTaken", emailLine));
            }

            if (role is null)
            {
                rowErrors.Add(new("Csv_RoleUnknown", Field("role")));
            }
            else if (role is Role.Bourgmestre or Role.Officer && commune is null)
            {
                rowErrors.Add(communeText.Length == 0 ? new("Csv_CommuneRequired") : new("Csv_CommuneUnknown", communeText));
            }
            else if (role is Role.BepStaff && communeText.Length > 0 && commune is null)
            {
                rowErrors.Add(new("Csv_CommuneUnknown", communeText));
            }

            if (role is Role.Bourgmestre && commune is not null && bourgmestreLines.TryGetValue(commune.Name, out var otherLine))
            {
                rowErrors.Add(new("Csv_BourgmestreTaken", commune.Name, otherLine));
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
                errors.Add(new(line, rowErrors));
                continue;
            }

            members.Add(new Member(aadObjectId.Length == 0 ? Member.PendingIdOf(email) : aadObjectId.ToLowerInvariant(), name, email, role!.Value, commune?.Name, tenantId.Length == 0 ? null : tenantId.ToLowerInvariant()));
        }

        if (errors.Count == 0 && members.Count == 0)
        {
            errors.Add(new(2, new TextKey("Csv_NoRows")));
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

    /// <summary>
    /// The role ids the export writes, and the names staff type when they edit the file by hand (« personnel communal »,
    /// « personnel du BEP », "mayor"; « agent communal » from before the glossary too), with or without accents and capitals.
    /// </summary>
    public static Role? RoleOf(string text) => Roles.FromId(text) ?? TextFolding.Fold(text) switch
    {
        "personnel du bep" or "personnel bep" or "bep" or "staff" or "bep staff" => Role.BepStaff,
        "mayor" => Role.Bourgmestre,
        "personnel communal" or "membre du personnel communal" or "commune staff" or "agent" or "agent communal" or "agente communale" or "agent de la commune" or "municipal officer" => Role.Officer,
        _ => null,
    };

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

    private static RosterCsvResult Fail(TextKey reason) => new([], [new CsvLineError(1, reason)]);
}
