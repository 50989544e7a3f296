using BepBot.Chat;
using BepBot.Platform.Procurations;
using BepBot.Features.Roster;
using BepBot.Infrastructure.Storage;
using BepBot.Tests.Harness;
using Microsoft.Extensions.Time.Testing;

namespace BepBot.Tests.Procurations;

public sealed class ProcurationBookTests : IAsyncLifetime
{
    private static readonly Member Namur = new("a-namur", "Maxime Prévot", "namur@bep.be", Role.Bourgmestre, "Namur");
    private static readonly Member Dinant = new("a-dinant", "Axel Tixhon", "dinant@bep.be", Role.Bourgmestre, "Dinant");
    private static readonly Member Couvin = new("a-couvin", "Maxime Lejeune", "couvin@bep.be", Role.Bourgmestre, "Couvin");
    private readonly Azure.Storage.Blobs.BlobContainerClient _container = Azurite.NewContainer("procurations");
    private readonly ProcurationBook _book;

    public ProcurationBookTests() => _book = new ProcurationBook(new BlobDocumentStore(_container), new FakeTimeProvider(DateTimeOffset.Parse("2026-12-01T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture)));

    public async Task InitializeAsync() => await _container.CreateIfNotExistsAsync();

    public async Task DisposeAsync() => await _container.DeleteIfExistsAsync();

    [Fact]
    public async Task GiveAsync_NewHolder_IsFoundUnderGiverAndHolder()
    {
        var (outcome, _) = await _book.GiveAsync(ProcurationScope.Session, "s1", Namur, Dinant);

        outcome.ShouldBe(ProcurationOutcome.Given);
        (await _book.GivenByAsync(ProcurationScope.Session, "s1", "Namur"))!.HolderAadObjectId.ShouldBe("a-dinant");
        (await _book.HeldByAsync(ProcurationScope.Session, "s1", "A-DINANT"))!.GiverCommune.ShouldBe("Namur");
        (await _book.HeldByAsync(ProcurationScope.Ballot, "s1", "a-dinant")).ShouldBeNull();
    }

    [Fact]
    public async Task GiveAsync_HolderAlreadyCarriesOne_IsRefusedAndNothingWritten()
    {
        await _book.GiveAsync(ProcurationScope.Ballot, "b1", Namur, Dinant);

        var (outcome, _) = await _book.GiveAsync(ProcurationScope.Ballot, "b1", Couvin, Dinant);

        outcome.ShouldBe(ProcurationOutcome.HolderAlreadyCarriesOne);
        (await _book.GivenByAsync(ProcurationScope.Ballot, "b1", "Couvin")).ShouldBeNull();
        (await _book.ListAsync(ProcurationScope.Ballot, "b1")).Count.ShouldBe(1);
    }

    [Fact]
    public async Task GiveAsync_CommuneAlreadyGaveOne_ReleasesTheSecondHolder()
    {
        await _book.GiveAsync(ProcurationScope.Ballot, "b1", Namur, Dinant);

        var (outcome, existing) = await _book.GiveAsync(ProcurationScope.Ballot, "b1", Namur, Couvin);

        outcome.ShouldBe(ProcurationOutcome.CommuneAlreadyGaveOne);
        existing!.HolderAadObjectId.ShouldBe("a-dinant");
        (await _book.HeldByAsync(ProcurationScope.Ballot, "b1", "a-couvin")).ShouldBeNull();
    }

    [Fact]
    public async Task GiveAsync_ToSelf_IsRefused()
    {
        (await _book.GiveAsync(ProcurationScope.Ballot, "b1", Namur, Namur)).Outcome.ShouldBe(ProcurationOutcome.CannotHoldOwnCommune);
        (await _book.ListAsync(ProcurationScope.Ballot, "b1")).ShouldBeEmpty();
    }

    [Fact]
    public async Task GiveAsync_ManyGiversToOneHolderAtOnce_ExactlyOneWins()
    {
        var givers = Enumerable.Range(0, 20).Select(index => new Member($"g{index}", $"B{index}", $"b{index}@x.be", Role.Bourgmestre, $"Commune{index}")).ToList();

        var outcomes = await Task.WhenAll(givers.Select(giver => _book.GiveAsync(ProcurationScope.Ballot, "b2", giver, Couvin)));

        outcomes.Count(result => result.Outcome == ProcurationOutcome.Given).ShouldBe(1);
        (await _book.ListAsync(ProcurationScope.Ballot, "b2")).Count.ShouldBe(1);
    }

    [Fact]
    public async Task WithdrawAsync_Unused_FreesGiverAndHolder()
    {
        await _book.GiveAsync(ProcurationScope.Ballot, "b1", Namur, Dinant);

        (await _book.WithdrawAsync(ProcurationScope.Ballot, "b1", "Namur")).ShouldBeTrue();

        (await _book.GivenByAsync(ProcurationScope.Ballot, "b1", "Namur")).ShouldBeNull();
        (await _book.GiveAsync(ProcurationScope.Ballot, "b1", Couvin, Dinant)).Outcome.ShouldBe(ProcurationOutcome.Given);
    }

    [Fact]
    public async Task WithdrawAsync_AfterUse_IsRefusedAndStays()
    {
        await _book.GiveAsync(ProcurationScope.Ballot, "b1", Namur, Dinant);
        (await _book.MarkUsedAsync(ProcurationScope.Ballot, "b1", "Namur"))!.UsedAt.ShouldNotBeNull();

        (await _book.WithdrawAsync(ProcurationScope.Ballot, "b1", "Namur")).ShouldBeFalse();

        (await _book.GivenByAsync(ProcurationScope.Ballot, "b1", "Namur"))!.UsedAt.ShouldNotBeNull();
    }
}
