namespace BepBot.Features.Labs;

/// <summary>
/// A seat request as it arrives, before the ledger takes it in. Its store key carries everything the ledger needs
/// (arrival time, person, commune, name), so folding hundreds of them in costs one listing, not one read each.
/// </summary>
public sealed record ArrivalTicket(string Key, DateTimeOffset ReceivedAt, string AadObjectId, string Commune, string Name, bool ByStaff);
