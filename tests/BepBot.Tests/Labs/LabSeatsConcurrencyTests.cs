using BepBot.Features.Labs;
using BepBot.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;

namespace BepBot.Tests.Labs;

/// <summary>The seat ledger under concurrency, through the store (Azurite): no overbooking, no lost registration, arrival order, quota.</summary>
public sealed class LabSeatsConcurrencyTests : IAsyncLifetime
{
    private readonly BotApplication _bot = new();

    private LabBook Book => _bot.Services.GetRequiredService<LabBook>();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task RegisterAsync_300ConcurrentFor30Seats_Exactly30ConfirmedAnd270WaitingInLedgerOrder()
    {
        var lab = await LabFixtures.CreateAsync(_bot, LabFixtures.NewLab(capacity: 30));
        var people = Enumerable.Range(1, 300).Select(i => ($"{i:00000000}-0000-0000-0000-000000000000", $"Agent {i}", "Ciney")).ToList();
        using var start = new SemaphoreSlim(0);

        var registrations = people.Select(async person =>
        {
            await start.WaitAsync();
            return await Book.RegisterAsync(lab.Id, person.Item1, person.Item2, person.Item3, byStaff: false);
        }).ToList();
        start.Release(people.Count);
        var placed = await Task.WhenAll(registrations);

        var final = await LabFixtures.GetAsync(_bot, lab.Id);
        final.Registrations.Count.ShouldBe(300, "every registration is in the ledger: none lost");
        final.Registrations.Select(registration => registration.AadObjectId).Distinct().Count().ShouldBe(300);
        final.Confirmed.Count().ShouldBe(30);
        final.Waiting.Count().ShouldBe(270);
        final.Registrations.Select(registration => registration.Ordinal).OrderBy(ordinal => ordinal).ShouldBe(Enumerable.Range(1, 300));
        final.Confirmed.Select(registration => registration.Ordinal).OrderBy(ordinal => ordinal).ShouldBe(Enumerable.Range(1, 30), "the first 30 taken in get the seats");
        final.Waiting.Select(registration => final.StandingOf(registration.AadObjectId)!.Position!.Value).ShouldBe(Enumerable.Range(1, 270));
        foreach (var (person, result) in people.Zip(placed))
        {
            result.StandingOf(person.Item1).ShouldNotBeNull("each caller gets back a ledger that holds them");
        }
    }

    [Fact]
    public async Task RegisterAsync_ConcurrentWithQuota_FirstEligibleInOrderConfirmedAndNoCommuneOverQuota()
    {
        var lab = await LabFixtures.CreateAsync(_bot, LabFixtures.NewLab(capacity: 30, quota: 2));
        var communes = new[] { "Namur", "Ciney", "Dinant", "Couvin", "Gesves", "Andenne", "Assesse", "Eghezée", "Fernelmont", "Floreffe", "Profondeville", "Jemeppe-sur-Sambre", "La Bruyère", "Fosses-la-Ville", "Gembloux", "Mettet", "Ohey", "Sombreffe", "Walcourt", "Viroinval" };
        var people = Enumerable.Range(1, 200).Select(i => ($"{i:00000000}-0000-0000-0000-000000000000", $"Agent {i}", communes[i % communes.Length])).ToList();

        await Task.WhenAll(people.Select(person => Task.Run(() => Book.RegisterAsync(lab.Id, person.Item1, person.Item2, person.Item3, byStaff: false))));

        var final = await LabFixtures.GetAsync(_bot, lab.Id);
        final.Registrations.Count.ShouldBe(200);
        final.Confirmed.Count().ShouldBe(30);
        final.Confirmed.GroupBy(registration => registration.Commune).ShouldAllBe(group => group.Count() <= 2);
        var expected = new List<int>();
        var perCommune = new Dictionary<string, int>();
        foreach (var registration in final.Registrations.OrderBy(registration => registration.Ordinal))
        {
            if (expected.Count < 30 && perCommune.GetValueOrDefault(registration.Commune) < 2)
            {
                expected.Add(registration.Ordinal);
                perCommune[registration.Commune] = perCommune.GetValueOrDefault(registration.Commune) + 1;
            }
        }

        final.Confirmed.Select(registration => registration.Ordinal).Order().ToList().ShouldBe(expected, "seats go to the first eligible people in arrival order");
        final.Waiting.ShouldAllBe(registration => final.StandingOf(registration.AadObjectId)!.Reason == WaitReason.Quota || final.SeatsLeft == 0);
    }

    [Fact]
    public async Task CancelRacingRegistrations_NeverLeavesASeatFreeWhileSomeoneWaits()
    {
        var lab = await LabFixtures.CreateAsync(_bot, LabFixtures.NewLab(capacity: 10));
        var first = Enumerable.Range(1, 20).Select(i => $"{i:00000000}-1111-0000-0000-000000000000").ToList();
        foreach (var person in first)
        {
            await Book.RegisterAsync(lab.Id, person, "Premier " + person[..8], "Namur", byStaff: false);
        }

        var late = Enumerable.Range(1, 40).Select(i => $"{i:00000000}-2222-0000-0000-000000000000").ToList();
        var cancellations = first.Take(15).Select(person => Task.Run(() => Book.ChangeAsync(lab.Id, current => CancelMyRegistration.CancelOne(current, person, person, DateTimeOffset.UtcNow, null!))));
        var registrations = late.Select(person => Task.Run(() => Book.RegisterAsync(lab.Id, person, "Tardif " + person[..8], "Ciney", byStaff: false)));
        await Task.WhenAll([.. cancellations, .. registrations]);

        var final = await LabFixtures.GetAsync(_bot, lab.Id);
        final.Registrations.Count(registration => registration.Status == SeatStatus.Cancelled).ShouldBe(15);
        final.Registrations.Count(registration => registration.IsActive).ShouldBe(45);
        final.Confirmed.Count().ShouldBe(10, "with 45 people still in, all 10 seats are taken");
        final.Waiting.Count().ShouldBe(35);
        var lastConfirmed = final.Confirmed.Max(registration => registration.Ordinal);
        final.Waiting.ShouldAllBe(registration => registration.Ordinal > lastConfirmed, "promotion follows arrival order");
    }
}
