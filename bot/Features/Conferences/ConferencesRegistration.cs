using BepBot.Chat;
using BepBot.Chat.Dashboard;
using BepBot.Features.Conferences.Dashboard;
using BepBot.Infrastructure.Scheduling;
using BepBot.Platform.CommunePages;
using BepBot.Platform.Delivery;
using BepBot.Platform.Overview;
using BepBot.Platform.Procurations;
using BepBot.Platform.Sessions;

namespace BepBot.Features.Conferences;

public static class ConferencesRegistration
{
    public static IHostApplicationBuilder AddConferences(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<ConferenceOptions>(builder.Configuration.GetSection(ConferenceOptions.Section));
        services.AddProcurations();
        services.AddSingleton<ConferenceStore>();
        services.AddFeatureTexts<ConferencesTexts>();
        services.AddSingleton<IConferenceSessionCatalog, ConferenceSessionCatalog>();
        services.AddSingleton<ConferenceCards>();
        services.AddSingleton<AgendaView>();
        services.AddSingleton<ConferenceCalendar>();
        services.AddSingleton<ConferenceAnnouncer>();
        services.AddSingleton<ConferenceLifecycle>();
        services.AddSingleton<ConferenceAccess>();
        services.AddScoped<ChangeAgenda>();
        services.AddJobHandler<ConferenceReminderJob>(ConferenceReminderJob.JobKind);
        services.AddJobHandler<ProcurationNoticeJob>(ProcurationNoticeJob.JobKind);
        services.AddJobHandler<CalendarRetryJob>(CalendarRetryJob.JobKind);
        services.AddBroadcastContent<PollContent>();
        services.AddBroadcastContent<InvitationContent>();
        services.AddBroadcastContent<DateChosenContent>();
        services.AddBroadcastContent<ConferenceReminderContent>();
        services.AddBroadcastContent<ChangeContent>();
        services.AddBroadcastContent<CancellationContent>();
        services.AddBroadcastContent<AgendaContent>();
        services.AddBroadcastContent<DecisionsContent>();
        services.AddCommunePageSection<NextConferenceSection>();
        services.AddOverviewSection<Dashboard.NextConferenceOverview>();
        services.AddHostedService<ConferencesSeeder>();

        services.AddCommand<StartScheduleConference>("conferences.schedule", "conferences", Roles.Staff, "planifier une seance", "schedule a session", "nouvelle seance", "planifier une conference", "schedule a conference", "nouvelle conference");
        services.AddCommand<ListConferences>("conferences", "conferences", Roles.Members, "conferences", "conference", "conferences des bourgmestres", "seances", "sessions");
        services.AddFlow<ScheduleConferenceFlow>();
        services.AddFlow<EditConferenceFlow>();
        services.AddFlow<AddAgendaItemFlow>();
        services.AddFlow<RecordDecisionsFlow>();

        services.AddCardAction<StartScheduleConference>("conferences.schedule", Roles.Staff);
        services.AddCardAction<ShowConference>("conferences.show", Roles.Members);
        services.AddCardRefresh<ShowConference>(ConferenceCards.RefreshVerb, Roles.Members);
        services.AddCardAction<DownloadIcs>("conferences.ics", Roles.Members);
        services.AddCardAction<ShowAgenda>("conferences.agenda", Roles.Members);
        services.AddCardAction<AnswerDatePoll>("conferences.poll", Roles.Bourgmestres, redrawnBy: ConferenceCards.RefreshVerb);
        services.AddBurstCardAction<AnswerInvitation>("conferences.rsvp", Roles.Bourgmestres, redrawnBy: ConferenceCards.RefreshVerb);
        services.AddCardAction<ShowTally>("conferences.tally", Roles.Staff);
        services.AddCardAction<PickFinalDate>("conferences.pick", Roles.Staff);
        services.AddCardAction<ShowAttendance>("conferences.attendance", Roles.Staff);
        services.AddCardAction<StartAddAgendaItem>("conferences.addItem", Roles.Staff);
        services.AddCardAction<MoveAgendaItem>("conferences.moveItem", Roles.Staff);
        services.AddCardAction<RemoveAgendaItem>("conferences.removeItem", Roles.Staff);
        services.AddCardAction<PublishAgenda>("conferences.publishAgenda", Roles.Staff);
        services.AddCardAction<StartEditConference>("conferences.edit", Roles.Staff);
        services.AddCardAction<AskToCancelConference>("conferences.cancel", Roles.Staff);
        services.AddCardAction<CancelConference>("conferences.confirmCancel", Roles.Staff);
        services.AddCardAction<RetryCalendar>("conferences.retryCalendar", Roles.Staff);
        services.AddCardAction<StartRecordDecisions>("conferences.decisions", Roles.Staff);

        services.AddSingleton<IDashboardPage, ConferencesBoard>();
        return builder;
    }
}
