namespace BepBot.Infrastructure.Exports;

public static class ExportEndpoint
{
    public static IHostApplicationBuilder AddExports(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<ExportOptions>(builder.Configuration.GetSection(ExportOptions.Section));
        builder.Services.AddSingleton<ExportStore>();
        return builder;
    }

    public static WebApplication MapExports(this WebApplication app)
    {
        app.MapGet(ExportStore.Route, async (string token, ExportStore exports, CancellationToken cancellationToken) =>
            await exports.FindAsync(token, cancellationToken) is { } file
                ? Results.File(Convert.FromBase64String(file.ContentBase64), file.ContentType, file.FileName)
                : Results.NotFound());
        return app;
    }
}
