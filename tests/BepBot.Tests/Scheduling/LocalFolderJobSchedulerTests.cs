using BepBot.Infrastructure.Storage;

namespace BepBot.Tests.Scheduling;

public sealed class LocalFolderJobSchedulerTests : JobSchedulerContract, IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"bepbot-jobs-{Guid.NewGuid():N}");

    protected override IDocumentStore OpenStore() => new LocalFolderDocumentStore(_folder);

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
