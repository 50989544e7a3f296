using Microsoft.Extensions.Options;

namespace BepBot.Infrastructure.Graph;

public static class GraphRegistration
{
    public static IHostApplicationBuilder AddGraph(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<GraphOptions>().Bind(builder.Configuration.GetSection(GraphOptions.Section)).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<GraphOptions>, GraphOptionsValidation>();
        builder.Services.AddSingleton<GraphGateway>();
        return builder;
    }
}
