using BepBot.Chat;
using BepBot.Chat.Dashboard;
using BepBot.Features.Votes.Dashboard;
using BepBot.Infrastructure.Scheduling;
using BepBot.Platform.CommunePages;
using BepBot.Platform.Delivery;
using BepBot.Platform.Overview;
using BepBot.Platform.Procurations;
using BepBot.Platform.Sessions;

namespace BepBot.Features.Votes;

public static class VotesRegistration
{
    private static readonly IReadOnlySet<Role> Voters = new HashSet<Role> { Role.Bourgmestre, Role.BepStaff };

    public static IHostApplicationBuilder AddVotes(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<VotesOptions>(builder.Configuration.GetSection(VotesOptions.Section));
        services.AddFeatureTexts<VotesTexts>();
        services.AddSingleton<BallotsOfSession>();
        services.AddSingleton<ISessionBallotSource>(provider => provider.GetRequiredService<BallotsOfSession>());
        services.AddProcurations();
        services.AddSingleton<BallotStore>();
        services.AddSingleton<BallotSeal>();
        services.AddSingleton<AuditLog>();
        services.AddHostedService<AuditSealer>();
        services.AddSingleton<VoterRights>();
        services.AddSingleton<VoteService>();
        services.AddSingleton<BallotCards>();
        services.AddSingleton<CurrentBallotCard>();
        services.AddSingleton<BallotLifecycle>();
        services.AddSingleton<ProxyGate>();
        services.AddJobHandler<OpenBallotJob>(OpenBallotJob.JobKind);
        services.AddJobHandler<CloseBallotJob>(CloseBallotJob.JobKind);
        services.AddJobHandler<RemindBallotJob>(RemindBallotJob.JobKind);
        services.AddBroadcastContent<BallotCardContent>();
        services.AddBroadcastContent<BallotReminderContent>();
        services.AddBroadcastContent<ResultContent>();
        services.AddCommunePageSection<OpenBallotsSection>();
        services.AddSingleton<BallotExports>();
        services.AddSingleton<BallotBoard>();
        services.AddSingleton<VotesBoard>();
        services.AddSingleton<IDashboardPage>(provider => provider.GetRequiredService<VotesBoard>());
        services.AddOverviewSection<OpenBallotsOverview>();
        services.AddSingleton<IDashboardAction, RemindFromBoard>();
        services.AddSingleton<IDashboardAction, CloseFromBoard>();
        services.AddSingleton<IDashboardAction>(provider => ActivatorUtilities.CreateInstance<ExportFromBoard>(provider, false));
        services.AddSingleton<IDashboardAction>(provider => ActivatorUtilities.CreateInstance<ExportFromBoard>(provider, true));
        services.AddHostedService<VotesSeeder>();
        services.AddFlow<NewBallotFlow>();
        services.AddCommand<StartNewBallot>("votes.new", "votes", Roles.Staff, "nouveau vote", "new ballot", "creer un vote");
        services.AddCommand<ListBallots>("votes", "votes", Voters, "votes", "mes votes", "ballots");
        services.AddCommand<VerifyAudit>("votes.verify", "votes", Roles.Staff, "verifier", "verify");
        services.AddBurstCardAction<CastVote>("votes.cast", Roles.Members, redrawnBy: BallotCards.RefreshVerb);
        services.AddCardAction<StartNewBallot>("votes.new", Roles.Staff);
        services.AddCardAction<ShowBallot>("votes.show", Voters);
        services.AddCardRefresh<ShowBallot>(BallotCards.RefreshVerb, Voters);
        services.AddCardAction<ShowBallotStatus>("votes.status", Roles.Staff);
        services.AddCardAction<CloseBallot>("votes.close", Roles.Staff);
        services.AddCardAction<RemindNonVoters>("votes.remind", Roles.Staff);
        services.AddCardAction<ExportResults>(ExportResults.Verb, Roles.Staff);
        services.AddCardAction<ExportAudit>(ExportAudit.Verb, Roles.Staff);
        services.AddCardAction<VerifyAudit>("votes.verify", Roles.Staff);
        services.AddCardAction<AskProcuration>("votes.proxy", Roles.Bourgmestres);
        services.AddCardAction<GiveProcuration>("votes.giveproxy", Roles.Bourgmestres);
        services.AddCardAction<WithdrawProcuration>("votes.withdrawproxy", Roles.Bourgmestres, redrawnBy: BallotCards.RefreshVerb);
        return builder;
    }
}
