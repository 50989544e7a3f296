using Azure.Monitor.OpenTelemetry.Exporter;
using BepBot.Infrastructure.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace BepBot.Infrastructure.Telemetry;

public static class TelemetryRegistration
{
    public const string AzureMonitorVariable = "APPLICATIONINSIGHTS_CONNECTION_STRING";
    public const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>
    /// BepBot's metrics and traces (<see cref="BepBotMetrics"/>), the store timed, and OpenTelemetry exporting them
    /// (with ASP.NET Core and HttpClient instrumentation, and the logs) to Azure Monitor when a connection string is
    /// configured and/or to an OTLP endpoint when OTEL_EXPORTER_OTLP_ENDPOINT is set. Nothing is exported otherwise.
    /// Call after AddInfrastructure: it wraps the document store registered there.
    /// </summary>
    public static IHostApplicationBuilder AddTelemetry(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        var section = builder.Configuration.GetSection(TelemetryOptions.Section);
        services.Configure<TelemetryOptions>(section);
        services.AddMetrics();
        services.TryAddSingleton<BepBotMetrics>();
        DecorateDocumentStore(services);
        builder.AddLogRedaction();

        var options = section.Get<TelemetryOptions>() ?? new TelemetryOptions();
        var azureMonitor = FirstNonEmpty(options.AzureMonitorConnectionString, builder.Configuration[AzureMonitorVariable]);
        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpointVariable]);
        if (azureMonitor is null && !otlp)
        {
            return builder;
        }

        // The Azure SDK (Blob, Queue, Identity) emits its spans through ActivitySource only with this switch on.
        AppContext.SetSwitch("Azure.Experimental.EnableActivitySource", true);
        var openTelemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(options.ServiceName, serviceInstanceId: Environment.MachineName))
            .WithTracing(tracing => tracing
                .AddSource(BepBotMetrics.Name)
                // The Azure SDK's own spans: Blob, Queue and Graph calls become dependencies under each turn.
                .AddSource("Azure.*")
                .AddAspNetCoreInstrumentation(aspNet =>
                {
                    aspNet.Filter = context => !IsProbe(context.Request.Path);
                    // An export's token is the key to its file: the request span keeps the route, not the token.
                    aspNet.EnrichWithHttpRequest = (activity, request) =>
                    {
                        if (request.Path.StartsWithSegments("/exports"))
                        {
                            activity.SetTag("url.path", "/exports/{token}");
                            activity.DisplayName = request.Method + " /exports/{token}";
                        }
                    };
                })
                .AddHttpClientInstrumentation())
            .WithMetrics(metrics => metrics
                .AddMeter(BepBotMetrics.Name)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation());
        if (azureMonitor is not null)
        {
            openTelemetry.UseAzureMonitorExporter(exporter => exporter.ConnectionString = azureMonitor);
        }

        if (otlp)
        {
            openTelemetry.UseOtlpExporter();
        }

        return builder;
    }

    private static void DecorateDocumentStore(IServiceCollection services)
    {
        var registered = services.LastOrDefault(descriptor => descriptor.ServiceType == typeof(IDocumentStore))
            ?? throw new InvalidOperationException("AddTelemetry must come after AddInfrastructure: no IDocumentStore is registered yet.");
        services.Remove(registered);
        services.AddSingleton<IDocumentStore>(provider => new InstrumentedDocumentStore(
            (IDocumentStore)(registered.ImplementationInstance
                ?? registered.ImplementationFactory?.Invoke(provider)
                ?? ActivatorUtilities.CreateInstance(provider, registered.ImplementationType!)),
            provider.GetRequiredService<BepBotMetrics>()));
    }

    // Health probes every few seconds from App Service would drown the real requests.
    private static bool IsProbe(PathString path) => path.StartsWithSegments("/healthz") || path.StartsWithSegments("/readyz");

    private static string? FirstNonEmpty(params string?[] values) => values.FirstOrDefault(value => !string.IsNullOrWhiteSpace(value));
}
