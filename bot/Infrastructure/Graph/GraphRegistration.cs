namespace BepBot.Infrastructure.Graph;

public static class GraphRegistration
{
    public static IHostApplicationBuilder AddGraph(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<GraphOptions>(builder.Configuration.GetSection(GraphOptions.Section));
        builder.Services.AddSingleton<GraphGateway>();
        return builder;
    }
}
