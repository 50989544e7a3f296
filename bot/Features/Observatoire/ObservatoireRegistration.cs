using BepBot.Chat;
using BepBot.Chat.Dashboard;
using BepBot.Features.Observatoire.Dashboard;
using BepBot.Platform.CommunePages;

namespace BepBot.Features.Observatoire;

public static class ObservatoireRegistration
{
    public static IHostApplicationBuilder AddObservatoire(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<ObservatoireOptions>(builder.Configuration.GetSection(ObservatoireOptions.Section));
        services.AddFeatureTexts<ObservatoireTexts>();
        services.AddSingleton<DataSetStore>();
        services.AddSingleton<ObservatoireCards>();
        services.AddScoped<IFileImport, ImportDataSetFile>();
        services.AddHostedService<ObservatoireSeeder>();
        services.AddCommunePageSection<ObservatoirePageSection>();
        services.AddCommand<ShowDiagnostic>("observatoire.diagnostic", "observatoire", Roles.Members,
            "diagnostic de", "diagnostic", "chiffres de la commune de", "chiffres de la commune", "chiffres de", "chiffres", "diagnostic of", "figures for", "figures of");
        services.AddCommand<ShowMyCommuneFigures>("observatoire.mine", "observatoire", Roles.Members, "ma commune en chiffres", "my commune in figures", "my municipality in figures");
        services.AddCommand<CompareCommunes>("observatoire.compare", "observatoire", Roles.Members, "comparer", "compare");
        services.AddCommand<ListIndicators>("observatoire.indicators", "observatoire", Roles.Members, "indicateurs", "indicators", "liste des indicateurs");
        services.AddCommand<ListDataSets>("observatoire.datasets", "observatoire", Roles.Staff, "jeux de donnees", "jeu de donnees", "data sets", "datasets");
        services.AddCardAction<ShowIndicatorCharts>("observatoire.chart", Roles.Members);
        services.AddCardAction<ExportDiagnostic>(ExportDiagnostic.Verb, Roles.Members);
        services.AddCardAction<ExportChartFiles>(ExportChartFiles.Verb, Roles.Members);
        services.AddSingleton<IDashboardPage, ObservatoireBoard>();
        services.AddSingleton<IDashboardAction, DownloadDiagnostic>();
        return builder;
    }
}
