using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using BepBot.Chat;
using BepBot.Features.Roster;
using BepBot.Infrastructure.Storage;
using BepBot.Platform.Delivery;
using BepBot.Platform.Territory;
using BepBot.Tests.Broadcasts;
using BepBot.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;

namespace BepBot.Benchmarks;

/// <summary>
/// Mixed traffic from 40 bourgmestres and 300 officers against two bot instances sharing one Azurite (through a
/// TCP proxy that cuts the store off for a few seconds in the middle): bourgmestres vote (and change their vote) and
/// answer the invitation to a conference session (and change their answer), officers register for a 30-seat lab,
/// everyone asks for help; an announcement goes to the 300 officers during the cut. Each user thinks a few seconds between turns; a turn that fails at the HTTP level is resent with the same activity id, as Teams does. At the end
/// every write a user was told succeeded is looked up (lost writes) and every proactive message counted per
/// recipient (duplicates).
/// </summary>
public static class SoakBenchmark
{
    public static async Task<IReadOnlyList<(string Name, string Value)>> RunAsync(TimeSpan duration, TimeSpan outage)
    {
        var connectionString = Environment.GetEnvironmentVariable("BEPBOT_TEST_STORAGE")
            ?? throw new InvalidOperationException("Run through ./bench.sh: BEPBOT_TEST_STORAGE is not set.");
        using var trace = new SoakTrace();
        await using var store = ProxiedAzurite.Start(connectionString);
        await using var connector = await FakeTeamsConnector.StartAsync();
        var container = $"soak-{Guid.NewGuid():N}"[..20];
        var settings = new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Critical",
            ["Storage:ConnectionString"] = store.ConnectionString,
            ["Scheduling:PollInterval"] = "00:00:01",
            // The production timers and roster cache, not the tests' shortened ones: the soak measures the bot as deployed.
            ["Broadcasts:StatusRefreshInterval"] = null,
            ["Broadcasts:IdlePollInterval"] = null,
            ["Broadcasts:BaseRetryDelay"] = null,
            ["Roster:CacheDuration"] = null,
            // The bot's own wait before « Demande prise en compte », not the tests' minute.
            ["LateAnswers:After"] = null,
        };
        await using var first = new BotApplication(container, settings);
        await using var second = new BotApplication(container, settings);
        var run = new SoakRun([first.CreateTeamsClient(connector.ServiceUrl), second.CreateTeamsClient(connector.ServiceUrl)], first, connector);
        await run.SeedAsync();
        _ = second.Services; // starts the second instance's workers too

        Console.WriteLine($"Soak: {run.Users.Count} users, {duration.TotalSeconds:F0} s, store cut off for {outage.TotalSeconds:F0} s at {duration.TotalSeconds / 3:F0} s…");
        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource(duration);
        var traffic = run.Users.Select(user => run.UserLoopAsync(user, stop.Token)).ToList();
        await Task.Delay(duration / 3 - TimeSpan.FromSeconds(2));
        var broadcast = await run.StartAnnouncementAsync();
        await Task.Delay(TimeSpan.FromSeconds(2));
        run.NoteCut(outage);
        trace.NoteCut();
        await store.CutAsync(outage);
        await Task.WhenAll(traffic);
        clock.Stop();
        var lateFigures = await run.VerifyLateCardsAsync(TimeSpan.FromMinutes(3));
        var broadcastFigures = await run.VerifyAnnouncementAsync(broadcast, TimeSpan.FromMinutes(3));
        var voteFigures = await run.VerifyVotesAsync();
        var labFigures = await run.VerifyRegistrationsAsync();
        var rsvpFigures = await run.VerifyRsvpsAsync();
        Console.WriteLine("The slowest turns, span by span:");
        Console.WriteLine(trace.SlowestTurns(3));
        Console.WriteLine(trace.StoreTrafficAfterCut(outage + TimeSpan.FromSeconds(12)));
        Console.WriteLine(trace.BackgroundAfterCut(outage, TimeSpan.FromSeconds(6)));
        var (longestConnect, slowConnects) = store.ConnectsToAzurite;
        Console.WriteLine($"the outage proxy's own connections to Azurite: longest took {longestConnect.TotalMilliseconds:F0} ms to open, {slowConnects} took over a second");

        return
        [
            ("users", $"{run.Bourgmestres.Count} bourgmestres, {run.Officers.Count} officers, 1 staff"),
            ("bot instances", "2, sharing one Azurite account (blob container, delivery queue, claims table)"),
            ("duration", $"{clock.Elapsed.TotalSeconds:F0} s"),
            ("store outage", $"{outage.TotalSeconds:F0} s (every connection to Azurite dropped and refused)"),
            ("turns", run.Turns.ToString(CultureInfo.InvariantCulture)),
            ("turns resent by the client (HTTP failure)", run.Resends.ToString(CultureInfo.InvariantCulture)),
            ("errors seen by users", run.Errors.ToString(CultureInfo.InvariantCulture)),
            ("of which answers after Teams' 15 s", run.LateAnswers.ToString(CultureInfo.InvariantCulture)),
            ("slowest answer", $"{run.SlowestAnswer.TotalSeconds:F1} s"),
            .. run.Failures.OrderBy(failure => failure.Key, StringComparer.Ordinal).Select(failure => ($"failed turns: {failure.Key}", failure.Value.ToString(CultureInfo.InvariantCulture))),
            .. run.Actions.Select(action => ($"turns: {action.Key}", action.Value.ToString(CultureInfo.InvariantCulture))),
            .. lateFigures,
            .. broadcastFigures,
            .. voteFigures,
            .. labFigures,
            .. rsvpFigures,
            ("lost writes", run.LostWrites.ToString(CultureInfo.InvariantCulture)),
            ("duplicate messages", run.DuplicateMessages.ToString(CultureInfo.InvariantCulture)),
        ];
    }

    public sealed record SoakUser(TeamsUser Teams, Member Member);

    /// <summary>Shared state of one soak run: the users, the two clients (one per instance) and the tallies.</summary>
    public sealed class SoakRun(TeamsClient[] clients, BotApplication bot, FakeTeamsConnector connector)
    {
        private int _turns;
        private int _resends;
        private readonly ConcurrentDictionary<string, string> _lateCards = new(StringComparer.Ordinal);
        private int _errors;
        private int _lateAnswers;
        private long _slowestTicks;
        private long _cutAt = long.MaxValue;
        private TimeSpan _cutLength;
        private const int LabSeats = 30;

        // Teams shows the user an error when the bot has not answered an activity within about 15 s.
        private static readonly TimeSpan TeamsBudget = TimeSpan.FromSeconds(15);

        public List<SoakUser> Bourgmestres { get; } = [];

        public List<SoakUser> Officers { get; } = [];

        public IReadOnlyList<SoakUser> Users => [.. Bourgmestres, .. Officers];

        public ConcurrentDictionary<string, int> Actions { get; } = new(StringComparer.Ordinal);

        public int Turns => _turns;

        public int Resends => _resends;

        public int Errors => _errors;

        public int LateAnswers => _lateAnswers;

        public TimeSpan SlowestAnswer => TimeSpan.FromTicks(Interlocked.Read(ref _slowestTicks));

        /// <summary>Turns that failed, by how (no answer, a late one, which apology) and when they began relative to the cut.</summary>
        public ConcurrentDictionary<string, int> Failures { get; } = new(StringComparer.Ordinal);

        public void NoteCut(TimeSpan length)
        {
            _cutLength = length;
            Interlocked.Exchange(ref _cutAt, Stopwatch.GetTimestamp());
        }

        public int LostWrites { get; private set; }

        /// <summary>The last choice each commune was told was recorded ("Vous avez voté : …").</summary>
        public ConcurrentDictionary<string, string> AcknowledgedVotes { get; } = new(StringComparer.Ordinal);

        /// <summary>Communes whose last click failed after an acknowledged one: either choice may be stored.</summary>
        public ConcurrentDictionary<string, bool> UncertainVotes { get; } = new(StringComparer.Ordinal);

        public string BallotId { get; private set; } = string.Empty;

        public string LabId { get; private set; } = string.Empty;

        public string SessionId { get; private set; } = string.Empty;

        /// <summary>The last answer each commune was told was recorded on the invitation card ("Votre réponse : …").</summary>
        public ConcurrentDictionary<string, Features.Conferences.RsvpAnswer> AcknowledgedRsvps { get; } = new(StringComparer.Ordinal);

        /// <summary>Communes whose last answer failed after an acknowledged one: either answer may be stored.</summary>
        public ConcurrentDictionary<string, bool> UncertainRsvps { get; } = new(StringComparer.Ordinal);

        /// <summary>Officers whose click on "S'inscrire" got their card back (registered or waitlisted).</summary>
        public ConcurrentDictionary<string, bool> AcknowledgedRegistrations { get; } = new(StringComparer.OrdinalIgnoreCase);

        private readonly ConcurrentDictionary<string, bool> _registering = new(StringComparer.OrdinalIgnoreCase);

        public int DuplicateMessages { get; private set; }

        public async Task SeedAsync()
        {
            var communes = Platform.Territory.TerritoryMap.Communes;
            for (var index = 0; index < communes.Count; index++)
            {
                var id = $"00000000-5000-0000-0000-{index:000000000000}";
                Bourgmestres.Add(new SoakUser(new TeamsUser("29:b" + index, $"Bourgmestre {communes[index].Name}", id), new Member(id, $"Bourgmestre {communes[index].Name}", $"b{index}@commune.example", Role.Bourgmestre, communes[index].Name)));
            }

            for (var index = 0; index < 300; index++)
            {
                var id = $"00000000-6000-0000-0000-{index:000000000000}";
                var commune = communes[index % communes.Count].Name;
                Officers.Add(new SoakUser(new TeamsUser("29:o" + index, $"Agent {index:000}", id), new Member(id, $"Agent {index:000}", $"o{index}@commune.example", Role.Officer, commune)));
            }

            var members = Users.Select(user => user.Member).Append(new Member(TeamsUser.Alex.AadObjectId, "Alex Wilber", "alex@bep.example", Role.BepStaff, null)).ToList();
            // Through the bot's own roster, as an import would: written behind its back, the 5 s roster cache kept
            // the demo roster, and the session's invitations went to the demo bourgmestres.
            await bot.Services.GetRequiredService<RosterDirectory>().ReplaceAllAsync(members, isDemo: false, "soak");
            foreach (var user in Users)
            {
                // Installing the app is how Teams gives the bot each personal conversation.
                await clients[0].InstallAsync(user.Teams);
            }

            BallotId = (await BepBot.Tests.Votes.VoteSteps.OpenAsync(bot, BepBot.Tests.Votes.VoteSteps.Motion("Soak : approuvez-vous la proposition ?"))).Id;
            LabId = (await BepBot.Tests.Labs.LabFixtures.CreateAsync(bot, BepBot.Tests.Labs.LabFixtures.NewLab(capacity: LabSeats))).Id;
            SessionId = await ScheduleConferenceAsync();
        }

        /// <summary>Staff schedule a session for the whole province in chat, as they would; its invitations go to the 40 bourgmestres.</summary>
        private async Task<string> ScheduleConferenceAsync()
        {
            var local = DateTime.SpecifyKind(DateTime.UtcNow.Date.AddDays(30).AddHours(14), DateTimeKind.Unspecified);
            string[] answers = [ConferenceTitle, "province", "en ligne", "120", "date fixe", local.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture), "majority", "oui"];
            var reply = await clients[0].SayAsync(TeamsUser.Alex, "planifier une conférence");
            foreach (var answer in answers)
            {
                reply = await clients[0].SayAsync(TeamsUser.Alex, answer);
            }

            if (!reply.AllText.Contains("Séance enregistrée", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("The soak's conference was not scheduled: " + reply.AllText);
            }

            var sessions = await bot.Services.GetRequiredService<Features.Conferences.ConferenceStore>().ListAsync();
            return sessions.Single(session => session.Title == ConferenceTitle).Id;
        }

        private const string ConferenceTitle = "Conférence des Bourgmestres (charge)";

        /// <summary>
        /// Every answer a bourgmestre was told was recorded is stored with that answer (lost writes otherwise), and each
        /// bourgmestre got the invitation once (duplicates otherwise).
        /// </summary>
        public async Task<IReadOnlyList<(string Name, string Value)>> VerifyRsvpsAsync()
        {
            var conferences = bot.Services.GetRequiredService<Features.Conferences.ConferenceStore>();
            var stored = new Dictionary<string, Features.Conferences.RsvpAnswer>(StringComparer.Ordinal);
            foreach (var commune in AcknowledgedRsvps.Keys)
            {
                if (await conferences.RsvpOfAsync(SessionId, commune) is { } rsvp)
                {
                    stored[commune] = rsvp.Answer;
                }
            }

            LostWrites += AcknowledgedRsvps.Count(acknowledged => !stored.TryGetValue(acknowledged.Key, out var answer)
                || (answer != acknowledged.Value && !UncertainRsvps.ContainsKey(acknowledged.Key)));
            var bourgmestreConversations = Bourgmestres.Select(user => TeamsClient.ConversationIdFor(user.Teams, ConversationType.Personal)).ToHashSet(StringComparer.Ordinal);
            var invitations = connector.Delivered
                .Where(request => bourgmestreConversations.Contains(request.ConversationId) && request.AllText.Contains("Nous vous invitons", StringComparison.Ordinal))
                .GroupBy(request => request.ConversationId)
                .ToDictionary(group => group.Key, group => group.Count(), StringComparer.Ordinal);
            DuplicateMessages += invitations.Values.Sum(count => count - 1);
            return
            [
                ("bourgmestres who received the conference invitation", $"{invitations.Count} of {Bourgmestres.Count}"),
                ("bourgmestres without the conference invitation", (Bourgmestres.Count - invitations.Count).ToString(CultureInfo.InvariantCulture)),
                ("communes told their answer (présent / absent) was recorded", AcknowledgedRsvps.Count.ToString(CultureInfo.InvariantCulture)),
            ];
        }

        /// <summary>Every officer told they were registered (or waitlisted) is in the lab's ledger; no seat beyond the capacity.</summary>
        public async Task<IReadOnlyList<(string Name, string Value)>> VerifyRegistrationsAsync()
        {
            var lab = (await bot.Services.GetRequiredService<Features.Labs.LabBook>().FindAsync(LabId))!;
            var inLedger = lab.Registrations.Where(registration => registration.IsActive).Select(registration => registration.AadObjectId).ToHashSet(StringComparer.OrdinalIgnoreCase);
            LostWrites += AcknowledgedRegistrations.Keys.Count(officer => !inLedger.Contains(officer));
            var confirmed = lab.Confirmed.Count();
            return
            [
                ("officers told they were registered or waitlisted", AcknowledgedRegistrations.Count.ToString(CultureInfo.InvariantCulture)),
                ($"lab ledger: confirmed (of {LabSeats} seats) / waiting", $"{confirmed} / {lab.Waiting.Count()}"),
                ("overbooked seats", Math.Max(0, confirmed - LabSeats).ToString(CultureInfo.InvariantCulture)),
            ];
        }

        /// <summary>Every vote a bourgmestre was told was recorded is in the store with that choice; anything else is a lost write.</summary>
        public async Task<IReadOnlyList<(string Name, string Value)>> VerifyVotesAsync()
        {
            var ballots = bot.Services.GetRequiredService<Features.Votes.BallotStore>();
            var stored = (await ballots.ListVotesAsync(BallotId)).ToDictionary(vote => vote.Commune, StringComparer.Ordinal);
            LostWrites += AcknowledgedVotes.Count(acknowledged => !stored.TryGetValue(acknowledged.Key, out var vote)
                || (!vote.ChoiceIds.Contains(acknowledged.Value) && !UncertainVotes.ContainsKey(acknowledged.Key)));
            return
            [
                ("communes told their vote was recorded", AcknowledgedVotes.Count.ToString(CultureInfo.InvariantCulture)),
                ("vote documents in the store", stored.Count.ToString(CultureInfo.InvariantCulture)),
            ];
        }

        public async Task UserLoopAsync(SoakUser user, CancellationToken stop)
        {
            var random = new Random(user.Teams.Id.GetHashCode(StringComparison.Ordinal));
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(random.Next(2_000, 8_000)), stop);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                if (user.Member.Role == Role.Bourgmestre && random.Next(2) == 0)
                {
                    await VoteAsync(user, random);
                    continue;
                }

                if (user.Member.Role == Role.Bourgmestre && random.Next(3) == 0)
                {
                    await AnswerInvitationAsync(user, random);
                    continue;
                }

                if (user.Member.Role == Role.Officer && random.Next(4) == 0 && _registering.TryAdd(user.Member.AadObjectId, true))
                {
                    await RegisterAsync(user, random);
                    continue;
                }

                var (name, text) = random.Next(3) switch
                {
                    0 => ("aide", "aide"),
                    1 => ("qui suis-je", "qui suis-je"),
                    _ => ("aide (anglais)", "help"),
                };
                Actions.AddOrUpdate(name, 1, (_, count) => count + 1);
                var response = await SendAsTeamsDoesAsync(name, random, client => client.Activity(user.Teams, "message", ConversationType.Personal, null, activity => activity["text"] = text));
                if (response is null || response.AllText.Contains("Désolé", StringComparison.Ordinal) || response.AllText.Contains("Sorry", StringComparison.Ordinal))
                {
                    Interlocked.Increment(ref _errors);
                }
            }
        }

        private async Task VoteAsync(SoakUser user, Random random)
        {
            var choice = random.Next(2) == 0 ? "pour" : "contre";
            var response = await ClickAsync(user, random, "vote click", "votes.cast", BepBot.Tests.Votes.VoteSteps.Cast(BallotId, user.Member.Commune!, choice));
            Acknowledge("vote click", AcknowledgedVotes, UncertainVotes, user.Member.Commune!, choice, response, "Vous avez voté");
        }

        private async Task AnswerInvitationAsync(SoakUser user, Random random)
        {
            var (answer, label) = random.Next(2) == 0 ? (Features.Conferences.RsvpAnswer.Present, "participation confirmée") : (Features.Conferences.RsvpAnswer.Absent, "absence annoncée");
            var data = new JsonObject { ["sessionId"] = SessionId, ["answer"] = answer.ToString().ToLowerInvariant() };
            var response = await ClickAsync(user, random, "conference answer", "conferences.rsvp", data);
            Acknowledge("conference answer", AcknowledgedRsvps, UncertainRsvps, user.Member.Commune!, answer, response, BepBot.Tests.Harness.FrenchText.Fr("Votre réponse : ") + label);
        }

        /// <summary>
        /// A commune's answer the user was told was recorded (the card shows <paramref name="shown"/>) becomes the one to find
        /// in the store; a failed click after it leaves either answer possible.
        /// </summary>
        private void Acknowledge<T>(string action, ConcurrentDictionary<string, T> acknowledged, ConcurrentDictionary<string, bool> uncertain, string commune, T answer, BotResponse? response, string shown)
        {
            if (response?.UpdatedCard is { } card && (CardReader.AllText(card).Contains(shown, StringComparison.Ordinal) || LateCards.IsPending(response)))
            {
                acknowledged[commune] = answer;
                uncertain.TryRemove(commune, out _);
            }
            else
            {
                uncertain[commune] = true;
                NoteUnexpected(action, response);
            }
        }

        // A click answered in time but not with its card: an apology is already sorted by kind (SendAsTeamsDoesAsync);
        // anything else is named by what it said.
        private void NoteUnexpected(string action, BotResponse? response)
        {
            Interlocked.Increment(ref _errors);
            if (response is not null && ApologyIn(response) is null)
            {
                var said = response.AllText.ReplaceLineEndings(" ");
                Failures.AddOrUpdate($"answered without its card (« {said[..Math.Min(80, said.Length)]} »), {action}", 1, (_, count) => count + 1);
            }
        }

        /// <summary>One click on a card button (Action.Execute) of a card of its own, counted under <paramref name="action"/>.</summary>
        private async Task<BotResponse?> ClickAsync(SoakUser user, Random random, string action, string verb, JsonObject data)
        {
            Actions.AddOrUpdate(action, 1, (_, count) => count + 1);
            var card = $"soak-card-{Guid.NewGuid():N}";
            var response = await SendAsTeamsDoesAsync(action, random, client => client.Activity(user.Teams, "invoke", ConversationType.Personal, null, activity =>
            {
                activity["name"] = "adaptiveCard/action";
                activity["replyToId"] = card;
                activity["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data }, ["trigger"] = "manual" };
            }));
            if (response is not null && LateCards.IsPending(response))
            {
                _lateCards[card] = action;
            }

            return response;
        }

        /// <summary>
        /// Every click answered « Demande prise en compte » must see its card replaced once, by the card of what it did: one
        /// replaced by « Demande non aboutie » was told that nothing was recorded after all, an error the user saw.
        /// </summary>
        public async Task<IReadOnlyList<(string Name, string Value)>> VerifyLateCardsAsync(TimeSpan timeout)
        {
            var (_, neverReplaced, replacedTwice) = await LateCards.WaitAsync(connector, [.. _lateCards.Keys], Stopwatch.StartNew(), timeout);
            var failed = _lateCards.Keys.Count(card => connector.UpdatesOf(card).Any(put => put.AllText.Contains("Demande non aboutie", StringComparison.Ordinal)));
            Interlocked.Add(ref _errors, failed);
            return
            [
                ("clicks answered « Demande prise en compte », card replaced later", _lateCards.Count.ToString(CultureInfo.InvariantCulture)),
                .. _lateCards.Values.GroupBy(action => action, StringComparer.Ordinal).OrderBy(group => group.Key, StringComparer.Ordinal)
                    .Select(group => ($"of which {group.Key}", group.Count().ToString(CultureInfo.InvariantCulture))),
                ("of which replaced by « Demande non aboutie »", failed.ToString(CultureInfo.InvariantCulture)),
                ("late cards never replaced", neverReplaced.ToString(CultureInfo.InvariantCulture)),
                ("late cards replaced twice", replacedTwice.ToString(CultureInfo.InvariantCulture)),
            ];
        }

        /// <summary>One click on a lab card's "S'inscrire"; an officer whose click failed may try again later.</summary>
        private async Task RegisterAsync(SoakUser user, Random random)
        {
            var response = await ClickAsync(user, random, "lab registration", "labs.register", new JsonObject { ["labId"] = LabId });
            if (response?.UpdatedCard is not null)
            {
                AcknowledgedRegistrations[user.Member.AadObjectId] = true;
            }
            else
            {
                _registering.TryRemove(user.Member.AadObjectId, out _);
                NoteUnexpected("lab registration", response);
            }
        }

        /// <summary>
        /// Posts to a random instance as Teams does (see <see cref="PostWithResendsAsync"/>). An answer later than Teams'
        /// budget is no answer (null): the user saw an error in its place.
        /// </summary>
        public async Task<BotResponse?> SendAsTeamsDoesAsync(string action, Random random, Func<TeamsClient, JsonObject> activityFor)
        {
            Interlocked.Increment(ref _turns);
            var started = Stopwatch.GetTimestamp();
            var response = await PostWithResendsAsync(random, activityFor(clients[0]));
            var took = Stopwatch.GetElapsedTime(started);
            for (var slowest = Interlocked.Read(ref _slowestTicks); took.Ticks > slowest; slowest = Interlocked.Read(ref _slowestTicks))
            {
                Interlocked.CompareExchange(ref _slowestTicks, took.Ticks, slowest);
            }

            var late = response is not null && took > TeamsBudget;
            if (late)
            {
                Interlocked.Increment(ref _lateAnswers);
            }

            if ((response is null ? "no answer (HTTP failure)" : late ? "answer after Teams' 15 s" : ApologyIn(response)) is { } failure)
            {
                Failures.AddOrUpdate($"{failure}, {action}, turn begun {PhaseOf(started)}", 1, (_, count) => count + 1);
            }

            return late ? null : response;
        }

        /// <summary>Posts to a random instance; on an HTTP failure resends the same activity (same id) up to twice, 1 s apart.</summary>
        private async Task<BotResponse?> PostWithResendsAsync(Random random, JsonObject activity)
        {
            for (var attempt = 1; attempt <= 3; attempt++)
            {
                try
                {
                    var response = await clients[random.Next(clients.Length)].PostAsync(activity);
                    if (response.Status == HttpStatusCode.OK)
                    {
                        return response;
                    }
                }
                catch (HttpRequestException)
                {
                }

                Interlocked.Increment(ref _resends);
                await Task.Delay(TimeSpan.FromSeconds(1));
            }

            return null;
        }

        private static string? ApologyIn(BotResponse response) => response.AllText switch
        {
            var text when text.Contains("stockage de BepBot est momentanément injoignable", StringComparison.Ordinal) || text.Contains("storage is unreachable", StringComparison.Ordinal) => "apology: storage unreachable",
            var text when text.Contains("erreur inattendue", StringComparison.Ordinal) || text.Contains("unexpected error", StringComparison.Ordinal) => "apology: unexpected error",
            var text when text.Contains("Désolé", StringComparison.Ordinal) || text.Contains("Sorry", StringComparison.Ordinal) => "another apology",
            _ => null,
        };

        private string PhaseOf(long started)
        {
            var cutAt = Interlocked.Read(ref _cutAt);
            if (started < cutAt)
            {
                return "before the cut";
            }

            var sinceCut = Stopwatch.GetElapsedTime(cutAt, started);
            return sinceCut < _cutLength ? "during the cut" : sinceCut < _cutLength + TeamsBudget ? "within 15 s after it" : "later";
        }

        public async Task<string> StartAnnouncementAsync()
        {
            var broadcast = await bot.Services.GetRequiredService<Broadcaster>().StartAsync(new BroadcastRequest(
                "Soak", "Annonce envoyée pendant la coupure du stockage.", new Audience(AudienceKind.AllOfficers), TeamsUser.Alex.AadObjectId, "Alex Wilber"));
            return broadcast.Id;
        }

        public async Task<IReadOnlyList<(string Name, string Value)>> VerifyAnnouncementAsync(string broadcastId, TimeSpan timeout)
        {
            var completed = true;
            try
            {
                await BroadcastSteps.WaitForStateAsync(bot, broadcastId, BroadcastState.Completed, timeout);
            }
            catch (Shouldly.ShouldAssertException)
            {
                completed = false;
            }

            var officerConversations = Officers.Select(officer => TeamsClient.ConversationIdFor(officer.Teams, ConversationType.Personal)).ToHashSet(StringComparer.Ordinal);
            var received = connector.Delivered
                .Where(request => officerConversations.Contains(request.ConversationId) && request.AllText.Contains("Soak", StringComparison.Ordinal))
                .GroupBy(request => request.ConversationId)
                .ToDictionary(group => group.Key, group => group.Count(), StringComparer.Ordinal);
            var deliveries = await bot.Services.GetRequiredService<BroadcastStore>().ListDeliveriesAsync(broadcastId);
            var recordedSent = deliveries.Count(delivery => delivery.Status == DeliveryStatus.Sent);
            DuplicateMessages += received.Values.Sum(count => count - 1);
            // A delivery recorded as sent that the connector never received is a lost write.
            LostWrites += Math.Max(0, recordedSent - received.Count);
            return
            [
                ("announcement to 300 officers during the outage", completed ? "completed" : "NOT completed in time"),
                ("officers who received it", $"{received.Count} of {Officers.Count}"),
                ("deliveries failed (reported to staff)", deliveries.Count(delivery => delivery.Status == DeliveryStatus.Failed).ToString(CultureInfo.InvariantCulture)),
            ];
        }
    }
}
