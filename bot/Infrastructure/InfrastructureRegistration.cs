using BepBot.Cards;
using BepBot.Infrastructure.Exports;
using BepBot.Infrastructure.Graph;
using BepBot.Infrastructure.Health;
using BepBot.Infrastructure.Queues;
using BepBot.Infrastructure.Scheduling;
using BepBot.Infrastructure.Storage;

namespace BepBot.Infrastructure;

public static class InfrastructureRegistration
{
    public static IHostApplicationBuilder AddInfrastructure(this IHostApplicationBuilder builder)
    {
        builder.AddDocumentStore();
        builder.AddWorkQueue();
        builder.AddScheduling();
        builder.AddExports();
        builder.AddHealth();
        builder.AddGraph();
        builder.Services.AddLocalization();
        builder.Services.AddSingleton(TimeProvider.System);
        // Templates are parsed once at start, so a broken card stops the bot from starting rather than a user's chat.
        builder.Services.AddSingleton(new CardCatalog(Path.Combine(AppContext.BaseDirectory, "cards")));
        return builder;
    }
}
