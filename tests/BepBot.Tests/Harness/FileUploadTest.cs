using Microsoft.Extensions.DependencyInjection;

namespace BepBot.Tests.Harness;

/// <summary>A <see cref="BotConversationTest"/> whose users send files: <see cref="Files"/> serves them as Teams' download links do.</summary>
public abstract class FileUploadTest(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    : BotConversationTest(settings, services)
{
    protected LoopbackFileServer Files { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Files = await LoopbackFileServer.StartAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Files.DisposeAsync();
    }
}
