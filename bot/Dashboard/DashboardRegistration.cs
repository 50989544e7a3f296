using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;

namespace BepBot.Dashboard;

/// <summary>The staff dashboard tab's edge: sign-in, the roster's view of the person, the shell and its API (docs/dashboard.md).</summary>
public static partial class DashboardRegistration
{
    public static IHostApplicationBuilder AddDashboard(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.AddOptions<DashboardOptions>()
            .Bind(configuration.GetSection(DashboardOptions.Section))
            .Configure(options =>
            {
                options.ClientId = string.IsNullOrWhiteSpace(options.ClientId) ? configuration["MicrosoftAppId"] : options.ClientId;
                foreach (var tenant in configuration.GetSection("Bot:AllowedTenants").Get<string[]>() ?? [])
                {
                    options.AllowedTenants.Add(tenant);
                }
            });
        services.AddSingleton<TabUsers>();
        services.AddSingleton<CrossSiteGuard>();

        // No default scheme: only the tab's API asks for a token, never /api/messages, whose Bot Framework token is another matter.
        // The tab's scheme hands each token to the one that can read it: a Development sign-in's to DevSignIn (which exists
        // in Development only), every other to Teams' single sign-on.
        var development = builder.Environment.IsDevelopment();
        var authentication = services.AddAuthentication();
        authentication.AddPolicyScheme(TabSchemes.Tab, TabSchemes.Tab, options =>
            options.ForwardDefaultSelector = http => development && DevSignIn.Issued(http.Request.Headers.Authorization.ToString()) ? TabSchemes.DevSignIn : TabSchemes.TeamsSso);
        authentication.AddJwtBearer(TabSchemes.TeamsSso);
        services.AddSingleton<IConfigureOptions<JwtBearerOptions>, TeamsSsoTokens>();
        if (development)
        {
            services.AddSingleton<DevSignIn>();
            authentication.AddJwtBearer(TabSchemes.DevSignIn);
            services.AddOptions<JwtBearerOptions>(TabSchemes.DevSignIn).Configure<DevSignIn>((options, signIn) =>
            {
                options.MapInboundClaims = false;
                options.TokenValidationParameters = signIn.ValidationParameters;
            });
        }

        services.AddAuthorizationBuilder().AddPolicy(TabSchemes.Policy, policy => policy.AddAuthenticationSchemes(TabSchemes.Tab).RequireAuthenticatedUser());
        return builder;
    }

    public static WebApplication MapDashboard(this WebApplication app)
    {
        app.Use(TabSecurityHeaders.ApplyAsync);
        app.MapGet("/tab", TabShell.Index);
        app.MapGet("/tab/{file}", (string file) => TabShell.Serve(file));
        app.MapGet("/tab/lib/{file}", (string file) => TabShell.Serve("lib/" + file));
        var api = app.MapGroup("/tab/api").AddEndpointFilter(TabCulture.ApplyAsync);
        api.MapGet("/texts", DashboardApi.Texts);
        var signedIn = api.MapGroup(string.Empty).RequireAuthorization(TabSchemes.Policy);
        signedIn.MapGet("/me", DashboardApi.MeAsync);
        signedIn.MapGet("/pages/{name}", DashboardApi.PageAsync);
        signedIn.MapPost("/actions/{verb}", DashboardApi.ActionAsync);
        if (app.Environment.IsDevelopment())
        {
            api.MapGet("/dev/people", DevSignInEndpoints.PeopleAsync);
            api.MapPost("/dev/sign-in", DevSignInEndpoints.SignInAsync);
            LogDevSignInOn(app.Logger);
        }

        return app;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Development: the dashboard tab offers a sign-in as any roster member at /tab/ (never outside Development)")]
    private static partial void LogDevSignInOn(ILogger logger);
}
