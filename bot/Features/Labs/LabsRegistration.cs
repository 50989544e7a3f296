using BepBot.Chat;
using BepBot.Chat.Dashboard;
using BepBot.Features.Labs.Dashboard;
using BepBot.Infrastructure.Scheduling;
using BepBot.Platform.CommunePages;
using BepBot.Platform.Delivery;
using BepBot.Platform.Overview;

namespace BepBot.Features.Labs;

public static class LabsRegistration
{
    public static IHostApplicationBuilder AddLabs(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<LabsOptions>(builder.Configuration.GetSection(LabsOptions.Section));
        services.AddSingleton<LabNotifier>();
        services.AddSingleton<TakeInRounds>();
        services.AddSingleton<LabBook>();
        services.AddFeatureTexts<LabsTexts>();
        services.AddSingleton<LabCalendar>();
        services.AddSingleton<LabCards>();
        services.AddScoped<ShowLabRegistrants>();
        services.AddScoped<ListMyRegistrations>();
        services.AddJobHandler<LabReminderJob>(LabReminderJob.JobKind);
        services.AddJobHandler<LabPromotionNoticeJob>(LabPromotionNoticeJob.JobKind);
        services.AddJobHandler<LabInboxTidyJob>(LabInboxTidyJob.JobKind);
        services.AddBroadcastContent<LabNoticeContent>();
        services.AddCommunePageSection<LabsCommunePageSection>();
        services.AddOverviewSection<Dashboard.UpcomingLabsOverview>();
        services.AddHostedService<LabsSeeder>();

        services.AddCommand<ListLabs>("labs", "labs", Roles.Members, "séminaires", "labs", "territory labs", "seminars");
        services.AddCommand<ListMyRegistrations>("labs.mine", "labs", Roles.Members, "mes inscriptions", "my registrations");
        services.AddCommand<StartCreateLab>("labs.create", "labs", Roles.Staff, "nouveau séminaire", "new seminar", "new lab", "créer un séminaire");
        services.AddFlow<CreateLabFlow>();
        services.AddCommand<ShowMyData>("labs.mydata", "privacy", Roles.Everyone, "mes données", "my data");
        services.AddCommand<AskToEraseMyData>("labs.erase", "privacy", Roles.Everyone, "supprimer mes données", "delete my data", "erase my data");

        services.AddCardAction<StartCreateLab>("labs.create", Roles.Staff);
        services.AddCardAction<ShowLab>("labs.show", Roles.Members);
        services.AddCardRefresh<ShowLab>(LabCards.RefreshVerb, Roles.Members);
        services.AddBurstCardAction<RegisterForLab>("labs.register", Roles.Members, redrawnBy: LabCards.RefreshVerb);
        services.AddCardAction<CancelMyRegistration>("labs.cancel", Roles.Members);
        services.AddCardAction<DownloadLabIcs>("labs.ics", Roles.Members);
        services.AddCardAction<AskToEraseMyData>("labs.askerase", Roles.Everyone);
        services.AddCardAction<EraseMyData>("labs.erase", Roles.Everyone);
        services.AddCardAction<KeepLabAsIs>("labs.keep", Roles.Everyone);

        services.AddCardAction<ShowLabRegistrants>("labs.registrants", Roles.Staff);
        services.AddCardAction<EditLab>("labs.edit", Roles.Staff);
        services.AddCardAction<SaveLab>("labs.save", Roles.Staff);
        services.AddCardAction<CloseLabRegistrations>("labs.close", Roles.Staff);
        services.AddCardAction<ReopenLabRegistrations>("labs.reopen", Roles.Staff);
        services.AddCardAction<AskToCancelLab>("labs.askcancel", Roles.Staff);
        services.AddCardAction<CancelLab>("labs.cancellab", Roles.Staff);
        services.AddCardAction<MarkAttendance>("labs.attend", Roles.Staff);
        services.AddCardAction<PromoteByHand>("labs.promote", Roles.Staff);
        services.AddCardAction<RemoveRegistrant>("labs.remove", Roles.Staff);
        services.AddCardAction<MessageRegistrants>("labs.message", Roles.Staff);
        services.AddCardAction<ExportLab>(ExportLab.Verb, Roles.Staff);

        services.AddSingleton<StaffLabChange>();
        services.AddSingleton<IDashboardPage, LabsBoard>();
        services.AddSingleton<IDashboardAction, TickAttendance>();
        services.AddSingleton<IDashboardAction, GiveSeat>();
        services.AddSingleton<IDashboardAction, ExportLabLists>();
        return builder;
    }
}
