using BepBot.Chat;
using BepBot.Features.Labs;
using BepBot.Features.Roster;
using BepBot.Infrastructure.Storage;
using BepBot.Infrastructure.Time;
using BepBot.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;

namespace BepBot.Tests.Labs;

public static class LabFixtures
{
    public static Lab NewLab(
        int capacity = 30,
        int? quota = null,
        LabAudience audience = LabAudience.Everyone,
        TimeSpan? startsIn = null,
        TimeSpan? deadlineIn = null,
        string title = "La cybersécurité dans nos communes",
        string theme = "Cybersécurité dans les communes")
    {
        var now = DateTimeOffset.UtcNow;
        // By default at 14:00 Brussels time, as seminars are: "now + 10 days" run in the evening made a seminar that
        // ends after midnight, which the edit form (one date, two times) cannot express.
        var start = startsIn is { } offset
            ? now + offset
            : LabInput.Instant(DateOnly.FromDateTime(BelgianTime.ToBrussels(now).Date.AddDays(10)), new TimeOnly(14, 0));
        start = start.ToUniversalTime();
        start = new DateTimeOffset(start.Year, start.Month, start.Day, start.Hour, start.Minute, 0, TimeSpan.Zero);
        return new Lab(
            LabBook.NewId(),
            new LabDetails(theme, title, "Retours d'expérience et bonnes pratiques.", start, start.AddHours(2), "BEP, avenue Sergent Vrithoff 2, Namur", null, audience, now + (deadlineIn ?? TimeSpan.FromDays(5))),
            capacity,
            quota,
            LabState.Open,
            "Alex Wilber",
            now,
            []);
    }

    public static async Task<Lab> CreateAsync(BotApplication bot, Lab lab)
    {
        await bot.Services.GetRequiredService<LabBook>().CreateAsync(lab);
        return lab;
    }

    public static async Task<Lab> GetAsync(BotApplication bot, string id) =>
        (await bot.Services.GetRequiredService<LabBook>().FindAsync(id))!;

    /// <summary><paramref name="count"/> officers spread over the communes given, in the roster (staff Alex kept).</summary>
    public static async Task<List<Member>> SeedOfficersAsync(IDocumentStore store, int count, params string[] communes)
    {
        var members = Enumerable.Range(1, count)
            .Select(i => new Member($"{i:00000000}-aaaa-bbbb-cccc-dddddddddddd", $"Agent {i:000}", $"agent{i:000}@commune.example", Role.Officer, communes[i % communes.Length]))
            .ToList();
        var all = members
            .Append(new Member(TeamsUser.Alex.AadObjectId, "Alex Wilber", "alex@bep.example", Role.BepStaff, null))
            .Append(new Member(TeamsUser.Patti.AadObjectId, "Patti Fernandez", "patti@namur.example", Role.Officer, "Namur"))
            .Append(new Member(TeamsUser.Lynne.AadObjectId, "Lynne Robbins", "lynne@ciney.example", Role.Officer, "Ciney"))
            .ToList();
        await store.UpsertAsync(RosterDirectory.Key, new RosterDocument(all, false, DateTimeOffset.UtcNow, "test"));
        return members;
    }

    public static TeamsUser Officer(Member member) => new("29:" + member.AadObjectId, member.Name, member.AadObjectId);

    public static SavedConversation ConversationFor(Member member, string serviceUrl) =>
        new("a:officer-" + member.AadObjectId, ConversationKind.Personal, TeamsClient.Tenant, serviceUrl, "msteams", TeamsClient.BotId, "BepBot", "29:" + member.AadObjectId, member.AadObjectId, null, "fr-BE", DateTimeOffset.UtcNow);
}
