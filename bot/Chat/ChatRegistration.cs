using BepBot.Chat.Flows;
using BepBot.Infrastructure.Downloads;
using BepBot.Infrastructure.Uploads;

namespace BepBot.Chat;

public static class ChatRegistration
{
    /// <summary>The routing table, the router, the flow engine and the commands every conversation has (annuler).</summary>
    public static IHostApplicationBuilder AddChat(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<CommandTable>();
        services.AddScoped<ChatRouter>();
        services.AddSingleton<BurstWork>();
        services.AddScoped<FlowRunner>();
        services.AddSingleton<ConversationDirectory>();
        services.AddSingleton<LinkValidity>();
        services.Configure<LateAnswerOptions>(builder.Configuration.GetSection(LateAnswerOptions.Section));
        services.Configure<FileImportOptions>(builder.Configuration.GetSection(FileImportOptions.Section));
        services.AddHttpClient(FileDownloader.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        services.AddSingleton<FileDownloader>();
        services.AddScoped<ImportSentFile>();
        services.AddHttpClient(FileUploader.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        services.AddSingleton<FileUploader>();
        services.AddSingleton<ExportHandout>();
        services.AddSingleton<AnswerFileConsent>();
        services.AddCommand<CancelFlow>(ChatRouter.CancelCommandId, "general", Roles.Everyone, "annuler", "cancel", "stop");
        services.AddCardAction<AnswerFlowStep>(FlowRunner.AnswerVerb, Roles.Everyone);
        services.AddCardAction<CancelFlowFromCard>(FlowRunner.CancelVerb, Roles.Everyone);
        services.AddCardAction<LeaveFlow>(FlowRunner.LeaveVerb, Roles.Everyone);
        services.AddCardAction<ResumeFlow>(FlowRunner.ResumeVerb, Roles.Everyone);
        return builder;
    }
}
