namespace BepBot.Infrastructure.Exports;

public static class ExportEndpoint
{
    public static IHostApplicationBuilder AddExports(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<ExportOptions>(builder.Configuration.GetSection(ExportOptions.Section));
        builder.Services.AddSingleton<ExportStore>();
        builder.Services.AddHostedService<ExportPurger>();
        return builder;
    }

    public static WebApplication MapExports(this WebApplication app)
    {
        app.MapGet(ExportStore.Route, async (string token, HttpResponse response, ExportStore exports, CancellationToken cancellationToken) =>
        {
            // Not kept by browsers or proxies, never sniffed into HTML, never leaked in a Referer, always a download.
            response.Headers.CacheControl = "no-store";
            response.Headers.XContentTypeOptions = "nosniff";
            response.Headers["Referrer-Policy"] = "no-referrer";
            response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
            return await exports.FindAsync(token, cancellationToken) is { } file
                ? Results.File(Convert.FromBase64String(file.ContentBase64), file.ContentType, file.FileName)
                : Results.NotFound();
        });
        return app;
    }
}
