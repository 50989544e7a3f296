using Azure.Identity;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Authentication.Azure;

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
