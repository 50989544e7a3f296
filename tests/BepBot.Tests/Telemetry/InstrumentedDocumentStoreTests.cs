using System.Diagnostics.Metrics;
using BepBot.Infrastructure.Storage;
using BepBot.Infrastructure.Telemetry;
using BepBot.Tests.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace BepBot.Tests.Telemetry;

// The timing decorator must keep every promise of the store (conflicts, ETags, listing): the shared contract.
public sealed class InstrumentedDocumentStoreTests(LocalFolderDocumentStoreTests.TemporaryFolder folder)
    : DocumentStoreContract, IClassFixture<LocalFolderDocumentStoreTests.TemporaryFolder>, IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();

    protected override IDocumentStore Store => field ??= new InstrumentedDocumentStore(
        new LocalFolderDocumentStore(folder.StoreRoot),
        new BepBotMetrics(_services.GetRequiredService<IMeterFactory>()));

    public void Dispose() => _services.Dispose();
}
