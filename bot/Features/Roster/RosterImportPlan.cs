using System.Security.Cryptography;
using System.Text.Json;
using BepBot.Chat;

namespace BepBot.Features.Roster;

/// <summary>
/// What an imported roster file does to the current roster. A row is the same person as an entry when it carries
/// that entry's object id, else when it has the entry's e-mail address (case-insensitive). A row without object id
/// keeps the binding its person got at first contact (object id and tenant), unless the row names another tenant or
/// another row claims that object id: re-importing the file that registered people by e-mail, or the exported roster,
/// changes nothing. Entries no row matches are removed; rows no entry matches are added.
/// </summary>
public sealed record RosterImportPlan(
    IReadOnlyList<Member> Result,
    IReadOnlyList<Member> Added,
    IReadOnlyList<RosterEntryChange> Changed,
    IReadOnlyList<Member> Removed,
    int Unchanged)
{
    public bool HasChanges => Added.Count > 0 || Changed.Count > 0 || Removed.Count > 0;

    public static RosterImportPlan Of(IReadOnlyList<Member> current, IReadOnlyList<Member> rows)
    {
        var taken = new HashSet<Member>(ReferenceEqualityComparer.Instance);
        var matches = new Member?[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            if (!rows[i].IsPending)
            {
                matches[i] = Take(current.FirstOrDefault(entry => !entry.IsPending && SameId(entry.AadObjectId, rows[i].AadObjectId) && !taken.Contains(entry)));
            }
        }

        for (var i = 0; i < rows.Count; i++)
        {
            matches[i] ??= Take(current.FirstOrDefault(entry => !taken.Contains(entry) && string.Equals(entry.Email, rows[i].Email, StringComparison.OrdinalIgnoreCase)));
        }

        var claimedIds = rows.Where(row => !row.IsPending).Select(row => row.AadObjectId).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var result = new List<Member>(rows.Count);
        var added = new List<Member>();
        var changed = new List<RosterEntryChange>();
        var unchanged = 0;
        for (var i = 0; i < rows.Count; i++)
        {
            if (matches[i] is not { } before)
            {
                result.Add(rows[i]);
                added.Add(rows[i]);
                continue;
            }

            var after = Merge(before, rows[i], claimedIds);
            result.Add(after);
            var fields = FieldsChanged(before, after);
            if (fields.Count == 0)
            {
                unchanged++;
            }
            else
            {
                changed.Add(new RosterEntryChange(before, after, fields));
            }
        }

        return new RosterImportPlan(result, added, changed, [.. current.Where(entry => !taken.Contains(entry))], unchanged);

        Member? Take(Member? entry)
        {
            if (entry is not null)
            {
                taken.Add(entry);
            }

            return entry;
        }
    }

    /// <summary>Whether at least one BEP staff entry is bound to a person in a known tenant: someone who can still act.</summary>
    public static bool KeepsStaff(IEnumerable<Member> members, string? defaultTenantId) =>
        members.Any(member => member.Role == Role.BepStaff && !member.IsPending && (member.TenantId ?? defaultTenantId) is not null);

    /// <summary>
    /// The binding conflicts still worth showing after an import: those that name an e-mail the new roster still has,
    /// for a person the new roster does not already bind. Conflicts about addresses the file dropped are cleared.
    /// </summary>
    public static IReadOnlyList<BindingConflict> ConflictsKept(IReadOnlyList<BindingConflict> conflicts, IReadOnlyList<Member> members) =>
        [.. conflicts.Where(conflict =>
            conflict.Emails.Any(email => members.Any(member => string.Equals(member.Email, email, StringComparison.OrdinalIgnoreCase)))
            && !members.Any(member => !member.IsPending && SameId(member.AadObjectId, conflict.AadObjectId) && SameId(member.TenantId, conflict.TenantId)))];

    /// <summary>A digest of the entries, to tell whether the roster changed between a preview and its confirmation.</summary>
    public static string FingerprintOf(IReadOnlyList<Member> members) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(members)));

    private static Member Merge(Member before, Member row, HashSet<string> claimedIds)
    {
        string id;
        string? tenantId;
        if (!row.IsPending)
        {
            // An empty tenant cell states nothing: the entry keeps the tenant it has for that object id.
            var same = SameId(before.AadObjectId, row.AadObjectId);
            id = same ? before.AadObjectId : row.AadObjectId;
            tenantId = row.TenantId is null ? (same ? before.TenantId : null) : KeepCase(before.TenantId, row.TenantId);
        }
        else if (!before.IsPending && !claimedIds.Contains(before.AadObjectId) && (row.TenantId is null || SameId(row.TenantId, before.TenantId)))
        {
            (id, tenantId) = (before.AadObjectId, before.TenantId);
        }
        else
        {
            (id, tenantId) = (before.IsPending && SameId(before.AadObjectId, row.AadObjectId) ? before.AadObjectId : row.AadObjectId, KeepCase(before.TenantId, row.TenantId));
        }

        return row with { AadObjectId = id, TenantId = tenantId };
    }

    private static string? KeepCase(string? before, string? after) => SameId(before, after) ? before : after;

    private static List<RosterField> FieldsChanged(Member before, Member after)
    {
        var fields = new List<RosterField>();
        Add(RosterField.Name, string.Equals(before.Name, after.Name, StringComparison.Ordinal));
        Add(RosterField.Email, string.Equals(before.Email, after.Email, StringComparison.Ordinal));
        Add(RosterField.Role, before.Role == after.Role);
        Add(RosterField.Commune, string.Equals(before.Commune, after.Commune, StringComparison.Ordinal));
        Add(RosterField.Binding, SameId(before.AadObjectId, after.AadObjectId));
        Add(RosterField.Tenant, SameId(before.TenantId, after.TenantId));
        return fields;

        void Add(RosterField field, bool same)
        {
            if (!same)
            {
                fields.Add(field);
            }
        }
    }

    private static bool SameId(string? left, string? right) => string.Equals(left, right, StringComparison.OrdinalIgnoreCase);
}
