using BepBot.Infrastructure.Credentials;
using BepBot.Infrastructure.Exports;
using BepBot.Infrastructure.Graph;
using BepBot.Infrastructure.Health;
using BepBot.Infrastructure.Queues;
using BepBot.Infrastructure.Scheduling;
using BepBot.Infrastructure.Secrets;
using BepBot.Infrastructure.Storage;
using BepBot.Infrastructure.Text;

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
        builder.AddCredentialExpiry();
        builder.AddSecrets();
        builder.Services.AddMessageLocalization();
        builder.Services.AddSingleton(TimeProvider.System);
        return builder;
    }
}
