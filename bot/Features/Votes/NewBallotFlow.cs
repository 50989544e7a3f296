using System.Globalization;
using System.Text.RegularExpressions;
using BepBot.Cards;
using BepBot.Chat;
using BepBot.Chat.Flows;
using BepBot.Infrastructure.Telemetry;
using BepBot.Infrastructure.Text;
using BepBot.Infrastructure.Time;
using BepBot.Platform.Reachability;
using BepBot.Platform.Sessions;
using BepBot.Platform.Territory;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace BepBot.Features.Votes;

/// <summary>`nouveau vote`: staff build a ballot step by step, then it opens now or at the chosen time.</summary>
public sealed partial class NewBallotFlow(
    BallotLifecycle lifecycle,
    BallotCards cards,
    IEnumerable<IConferenceSessionCatalog> catalogs,
    IMemberDirectory roster,
    ReachabilityWording reachability,
    TimeProvider clock,
    IOptions<VotesOptions> options,
    IStringLocalizer<VotesTexts> texts,
    ILogger<NewBallotFlow> logger) : Flow
{
    public const string FlowId = "votes.new";
    private const string None = "-";
    private const int MaxChoices = 10;

    private readonly IConferenceSessionCatalog? _catalog = catalogs.LastOrDefault();
    private IReadOnlyList<SessionChoice>? _sessions;
    private IReadOnlySet<string>? _communesWithBourgmestre;
    private string? _unreachableVoters;

    public override string Id => FlowId;

    public override IReadOnlySet<Role> AllowedRoles => Roles.Staff;

    public override string Title(ChatTurn turn) => texts["New_Title"];

    // Every answer reads the session catalogue and the roster first (once per turn), so that the prompts that need
    // them (the sessions, the confirmation's warnings) can be built synchronously.
    public override IReadOnlyList<FlowStep> Steps => [.. AllSteps.Select(step => step with { Accept = WithLookups(step.Accept) })];

    private IReadOnlyList<FlowStep> AllSteps =>
    [
        new("question", (_, _) => new FlowPrompt(texts["New_AskQuestion"], Placeholder: texts["New_QuestionPlaceholder"]), AcceptQuestion),
        new("explanation", (_, _) => new FlowPrompt(texts["New_AskExplanation"], texts["New_NoneHint"]), (_, _, input) => Task.FromResult(AcceptText(input, 2000, "New_BadExplanation"))),
        new("links", (_, _) => new FlowPrompt(texts["New_AskLinks"], texts["New_NoneHint"], Placeholder: "https://www.bep.be/…"), AcceptLinks),
        new("choices", (_, _) => new FlowPrompt(texts["New_AskChoices"], Choices: [new("default", texts["New_ChoicesDefault"]), new("single", texts["New_ChoicesSingle"]), new("multiple", texts["New_ChoicesMultiple"])]), AcceptChoicesKind),
        new("customChoices", (_, _) => new FlowPrompt(texts["New_AskCustomChoices"], texts["New_CustomChoicesHint"], Placeholder: "Option A ; Option B ; Option C"), AcceptCustomChoices, values => values["choices"] != "default"),
        new("scope", (_, _) => new FlowPrompt(texts["New_AskScope"], Choices: [new("all", texts["Scope_All", TerritoryMap.Communes.Count]), .. TerritoryMap.Bassins.Select(bassin => new FlowChoice(bassin.Id, texts["Scope_Bassin", bassin.ShortName, bassin.Communes.Count]))]), AcceptScope),
        new("opens", (_, _) => new FlowPrompt(texts["New_AskOpens"], texts["New_DateHint"], [new("now", texts["New_OpensNow"])], "12/03/2026 09:00"), AcceptOpens),
        new("closes", (_, _) => new FlowPrompt(texts["New_AskCloses"], texts["New_DateHint"], [new("hand", texts["New_ClosesByHand"])], "12/03/2026 18:00"), AcceptCloses),
        new("secret", (_, _) => new FlowPrompt(texts["New_AskSecret"], texts["New_SecretHint"], [new("open", texts["Ballot_Open"]), new("secret", texts["Ballot_Secret"])]), (_, _, input) => Task.FromResult(OneOf(input, "open", "secret"))),
        new("quorum", (_, values) => new FlowPrompt(texts["New_AskQuorum"], texts["New_QuorumHint", ScopeSize(values)], [new("none", texts["Quorum_None"])], "21 / 50 %"), AcceptQuorum),
        new("majority", (_, _) => new FlowPrompt(texts["New_AskMajority"], Choices: [new("simple", texts["Rule_Simple"]), new("absolute", texts["Rule_AbsoluteOfScope"]), new("two-thirds", texts["Rule_TwoThirds"])]), (_, _, input) => Task.FromResult(OneOf(input, "simple", "absolute", "two-thirds"))),
        new("abstentions", (_, _) => new FlowPrompt(texts["New_AskAbstentions"], Choices: [new("no", texts["New_AbstentionsIgnored"]), new("yes", texts["New_AbstentionsCount"])]), (_, _, input) => Task.FromResult(OneOf(input, "no", "yes")), values => values["choices"] == "default" && values["majority"] != "absolute"),
        new("live", (_, _) => new FlowPrompt(texts["New_AskLive"], Choices: [new("no", texts["New_LiveNo"]), new("yes", texts["New_LiveYes"])]), (_, _, input) => Task.FromResult(OneOf(input, "no", "yes")), values => values["secret"] == "open"),
        new("session", (_, _) => new FlowPrompt(texts["New_AskSession"], Choices: [.. (_sessions ?? []).Select(session => new FlowChoice(session.Id, SessionTitle(session))), new(None, texts["New_NoSession"])]), AcceptSessionAsync, _ => _sessions is { Count: > 0 }),
        new("agenda", (_, values) => new FlowPrompt(texts["New_AskAgenda"], Choices: [.. AgendaOf(values["session"]).Select(item => new FlowChoice(item.Id, item.Title)), new(None, texts["New_NoAgenda"])]), AcceptAgendaAsync, values => _sessions is { Count: > 0 } && values["session"] is { } session && session != None),
        new("confirm", (turn, values) => new FlowPrompt(texts["New_AskConfirm", Summary(turn, values)], ConfirmationWarnings(values), Choices: [new("oui", texts["New_ConfirmYes"]), new("non", texts["New_ConfirmNo"])]), (_, _, input) => Task.FromResult(AcceptConfirm(input))),
    ];

    public override async Task<Reply> CompleteAsync(ChatTurn turn, FlowValues values, CancellationToken cancellationToken)
    {
        if (values["confirm"] != "oui")
        {
            return Reply.WithText(texts["New_NotSaved"]);
        }

        var now = clock.GetUtcNow();
        var opensAt = ParseStoredDate(values["opens"]);
        var closesAt = ParseStoredDate(values["closes"]);
        if ((opensAt ?? now) < now.AddMinutes(-1) || closesAt <= (opensAt ?? now))
        {
            return Reply.WithText(texts["New_DatesPassed"]);
        }

        var ballot = Build(values, turn.User, now);
        await lifecycle.CreateAsync(ballot, cancellationToken);
        LogCreated(logger, ballot.Id, turn.User.AadObjectId, ballot.Communes.Count);
        var message = opensAt is null
            ? texts["New_CreatedNow", CardText.EscapeMarkdown(ballot.Question), ballot.Communes.Count, ballot.Id]
            : texts["New_CreatedLater", CardText.EscapeMarkdown(ballot.Question), BelgianTime.FormatDateTime(opensAt.Value, turn.Culture), ballot.Id];
        return Reply.WithCard(cards.Confirmation(texts["New_CreatedTitle"], message), message);
    }

    private Ballot Build(FlowValues values, ChatUser author, DateTimeOffset now)
    {
        var kind = values.Required("choices");
        IReadOnlyList<BallotChoice> choices = kind == "default"
            ? [new(Ballot.ForId, texts["Choice_For"]), new(Ballot.AgainstId, texts["Choice_Against"]), new(Ballot.AbstentionId, texts["Choice_Abstention"])]
            : [.. SplitChoices(values.Required("customChoices")).Select((label, index) =>
                new BallotChoice(TextFolding.Fold(label) is "abstention" or "abstain" ? Ballot.AbstentionId : "c" + (index + 1).ToString(CultureInfo.InvariantCulture), label))];
        var bassin = values.Required("scope") == "all" ? null : TerritoryMap.FindBassin(values.Required("scope"));
        var communes = bassin?.Communes ?? [.. TerritoryMap.Communes.Select(commune => commune.Name)];
        var (quorumKind, quorumValue) = ParseQuorum(values.Required("quorum"), communes.Count)!.Value;
        return new Ballot(
            BallotStore.NewId(),
            values.Required("question"),
            values["explanation"] ?? string.Empty,
            [.. (values["links"] ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries)],
            choices,
            kind == "multiple" ? ChoiceMode.Multiple : ChoiceMode.One,
            bassin?.Id,
            communes,
            ParseStoredDate(values["opens"]),
            ParseStoredDate(values["closes"]),
            values["secret"] == "secret",
            quorumKind,
            quorumValue,
            values["majority"] switch { "absolute" => MajorityRule.AbsoluteOfScope, "two-thirds" => MajorityRule.TwoThirds, _ => MajorityRule.Simple },
            values["abstentions"] == "yes",
            values["live"] == "yes",
            values["session"] is { } session && session != None ? session : null,
            values["agenda"] is { } agenda && agenda != None ? agenda : null,
            BallotState.Scheduled,
            author.AadObjectId,
            author.Name,
            now);
    }

    private Task<FlowAnswer> AcceptQuestion(ChatTurn turn, FlowValues values, string input) =>
        Task.FromResult(input.Length is >= 5 and <= 300 && input.Any(char.IsLetter) ? FlowAnswer.Accept(input) : FlowAnswer.Reject(texts["New_BadQuestion"]));

    private FlowAnswer AcceptText(string input, int max, string error) =>
        SkipWord.Matches(input) ? FlowAnswer.Accept(string.Empty)
        : input.Length <= max ? FlowAnswer.Accept(input)
        : FlowAnswer.Reject(texts[error, max]);

    private Task<FlowAnswer> AcceptLinks(ChatTurn turn, FlowValues values, string input)
    {
        var text = AcceptText(input, 2000, "New_BadLinks");
        if (!text.IsValid || text.Value.Length == 0)
        {
            return Task.FromResult(text);
        }

        var links = input.Split([' ', '\n', '\r', ',', ';'], StringSplitOptions.RemoveEmptyEntries);
        var valid = links.Length <= 5 && links.All(link => Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http");
        return Task.FromResult(valid ? FlowAnswer.Accept(string.Join(' ', links)) : FlowAnswer.Reject(texts["New_BadLinks", 5]));
    }

    private Task<FlowAnswer> AcceptChoicesKind(ChatTurn turn, FlowValues values, string input) =>
        Task.FromResult(TextFolding.Fold(input) switch
        {
            "default" or "pour contre abstention" or "pour / contre / abstention" => FlowAnswer.Accept("default"),
            "single" or "choix unique" => FlowAnswer.Accept("single"),
            "multiple" or "choix multiple" => FlowAnswer.Accept("multiple"),
            _ => FlowAnswer.Reject(texts["New_BadChoice"]),
        });

    private Task<FlowAnswer> AcceptCustomChoices(ChatTurn turn, FlowValues values, string input)
    {
        var choices = SplitChoices(input);
        var valid = choices.Count is >= 2 and <= MaxChoices
            && choices.All(choice => choice.Length <= 80)
            && choices.Select(TextFolding.Fold).Distinct(StringComparer.Ordinal).Count() == choices.Count;
        return Task.FromResult(valid ? FlowAnswer.Accept(string.Join(" ; ", choices)) : FlowAnswer.Reject(texts["New_BadCustomChoices", MaxChoices]));
    }

    private Task<FlowAnswer> AcceptScope(ChatTurn turn, FlowValues values, string input)
    {
        if (TextFolding.Fold(input) is "all" or "toutes" or "tous")
        {
            return Task.FromResult(FlowAnswer.Accept("all"));
        }

        var bassin = TerritoryMap.FindBassin(input);
        return Task.FromResult(bassin is null ? FlowAnswer.Reject(texts["New_BadScope"]) : FlowAnswer.Accept(bassin.Id));
    }

    private Task<FlowAnswer> AcceptOpens(ChatTurn turn, FlowValues values, string input)
    {
        if (TextFolding.Fold(input) is "now" or "maintenant" or "tout de suite")
        {
            return Task.FromResult(FlowAnswer.Accept(None));
        }

        var at = ParseLocal(input);
        var now = clock.GetUtcNow();
        return Task.FromResult(at is null ? FlowAnswer.Reject(texts["New_BadDate"])
            : at <= now || at > now.AddDays(180) ? FlowAnswer.Reject(texts["New_BadOpens"])
            : FlowAnswer.Accept(at.Value.ToString("O", CultureInfo.InvariantCulture)));
    }

    private Task<FlowAnswer> AcceptCloses(ChatTurn turn, FlowValues values, string input)
    {
        if (TextFolding.Fold(input) is "hand" or "a la main" or "manuellement" or "by hand")
        {
            return Task.FromResult(FlowAnswer.Accept(None));
        }

        var at = ParseLocal(input);
        var opens = ParseStoredDate(values["opens"]) ?? clock.GetUtcNow();
        return Task.FromResult(at is null ? FlowAnswer.Reject(texts["New_BadDate"])
            : at < opens.AddMinutes(5) || at > opens.AddDays(90) ? FlowAnswer.Reject(texts["New_BadCloses"])
            : FlowAnswer.Accept(at.Value.ToString("O", CultureInfo.InvariantCulture)));
    }

    private Task<FlowAnswer> AcceptQuorum(ChatTurn turn, FlowValues values, string input)
    {
        var parsed = ParseQuorum(input, ScopeSize(values));
        return Task.FromResult(parsed is null
            ? FlowAnswer.Reject(texts["New_BadQuorum", ScopeSize(values)])
            : FlowAnswer.Accept(parsed.Value.Kind switch
            {
                QuorumKind.None => "none",
                QuorumKind.Percent => parsed.Value.Value.ToString(CultureInfo.InvariantCulture) + "%",
                _ => parsed.Value.Value.ToString(CultureInfo.InvariantCulture),
            }));
    }

    private Func<ChatTurn, FlowValues, string, Task<FlowAnswer>> WithLookups(Func<ChatTurn, FlowValues, string, Task<FlowAnswer>> accept) =>
        async (turn, values, input) =>
        {
            await LoadSessionsAsync();
            // Only a secret ballot's confirmation needs the roster, and the steps after « secret » are the only ones before it.
            if (values["secret"] == "secret")
            {
                _communesWithBourgmestre ??= (await roster.ListAsync(CancellationToken.None))
                    .Where(member => member.Role == Role.Bourgmestre && member.Commune is not null)
                    .Select(member => member.Commune!)
                    .ToHashSet(StringComparer.Ordinal);
            }

            // The quorum is the last answer every ballot gives before the confirmation, which says who cannot be reached.
            if (values["quorum"] is not null && _unreachableVoters is null)
            {
                _unreachableVoters = await UnreachableVotersAsync(values) ?? string.Empty;
            }

            return await accept(turn, values, input);
        };

    /// <summary>The ballot card goes to the bourgmestres of the communes in scope: those BepBot cannot reach yet, or null.</summary>
    private async Task<string?> UnreachableVotersAsync(FlowValues values)
    {
        var scope = ScopeCommunes(values).ToHashSet(StringComparer.Ordinal);
        var voters = (await roster.ListAsync(CancellationToken.None))
            .Where(member => member.Role == Role.Bourgmestre && member.Commune is not null && scope.Contains(member.Commune))
            .ToList();
        return await reachability.UnreachableNoticeAsync(voters, CancellationToken.None);
    }

    private string? ConfirmationWarnings(FlowValues values)
    {
        var warnings = new[] { SmallElectorateWarning(values), _unreachableVoters }.Where(warning => !string.IsNullOrEmpty(warning)).ToList();
        return warnings.Count == 0 ? null : string.Join("\n\n", warnings);
    }

    /// <summary>
    /// A secret ballot among so few voters that its result could give away how each voted (two communes, one « pour »,
    /// one « contre »): staff are told before they confirm. The voters are the communes in scope with a bourgmestre in
    /// the roster.
    /// </summary>
    private string? SmallElectorateWarning(FlowValues values)
    {
        if (values["secret"] != "secret" || _communesWithBourgmestre is null)
        {
            return null;
        }

        var electorate = ScopeCommunes(values).Count(_communesWithBourgmestre.Contains);
        return electorate < options.Value.SecretMinimumElectorate
            ? texts["New_SecretSmallElectorate", electorate, options.Value.SecretMinimumElectorate].Value
            : null;
    }

    private async Task<FlowAnswer> AcceptSessionAsync(ChatTurn turn, FlowValues values, string input)
    {
        await LoadSessionsAsync();
        if (input == None || TextFolding.Fold(input) is "aucune" or "none")
        {
            return FlowAnswer.Accept(None);
        }

        return _sessions!.Any(session => session.Id == input) ? FlowAnswer.Accept(input) : FlowAnswer.Reject(texts["New_BadChoice"]);
    }

    private async Task<FlowAnswer> AcceptAgendaAsync(ChatTurn turn, FlowValues values, string input)
    {
        await LoadSessionsAsync();
        if (input == None || SkipWord.Matches(input))
        {
            return FlowAnswer.Accept(None);
        }

        return AgendaOf(values["session"]).Any(item => item.Id == input) ? FlowAnswer.Accept(input) : FlowAnswer.Reject(texts["New_BadChoice"]);
    }

    private async Task LoadSessionsAsync()
    {
        if (_catalog is not null && _sessions is null)
        {
            _sessions = await _catalog.UpcomingAsync(CancellationToken.None);
        }
    }

    private IReadOnlyList<AgendaChoice> AgendaOf(string? sessionId) =>
        (_sessions ?? []).FirstOrDefault(session => session.Id == sessionId)?.AgendaItems ?? [];

    private static string SessionTitle(SessionChoice session) =>
        session.StartsAt is { } at ? $"{session.Title} — {BelgianTime.FormatDateTime(at, CultureInfo.CurrentUICulture)}" : session.Title;

    private FlowAnswer AcceptConfirm(string input) => TextFolding.Fold(input) switch
    {
        "oui" or "yes" or "o" or "y" => FlowAnswer.Accept("oui"),
        "non" or "no" or "n" => FlowAnswer.Accept("non"),
        _ => FlowAnswer.Reject(texts["New_BadConfirm"]),
    };

    private FlowAnswer OneOf(string input, params string[] allowed)
    {
        var folded = TextFolding.Fold(input);
        var aliases = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["public"] = "open", ["ouvert"] = "open", ["secret"] = "secret", ["oui"] = "yes", ["non"] = "no",
            ["simple"] = "simple", ["absolue"] = "absolute", ["deux tiers"] = "two-thirds", ["2/3"] = "two-thirds",
        };
        var value = allowed.Contains(folded) ? folded : aliases.GetValueOrDefault(folded);
        return value is not null && allowed.Contains(value) ? FlowAnswer.Accept(value) : FlowAnswer.Reject(texts["New_BadChoice"]);
    }

    private string Summary(ChatTurn turn, FlowValues values)
    {
        var scope = values["scope"] == "all" ? texts["Scope_All", TerritoryMap.Communes.Count].Value : texts["Scope_Bassin", TerritoryMap.FindBassin(values["scope"])?.ShortName ?? "?", ScopeSize(values)].Value;
        var opens = ParseStoredDate(values["opens"]) is { } o ? BelgianTime.FormatDateTime(o, CultureInfo.CurrentUICulture) : texts["New_OpensNow"].Value;
        var closes = ParseStoredDate(values["closes"]) is { } c ? BelgianTime.FormatDateTime(c, CultureInfo.CurrentUICulture) : texts["New_ClosesByHand"].Value;
        var choices = values["choices"] == "default" ? texts["New_ChoicesDefault"].Value : values["customChoices"] ?? string.Empty;
        var summary = texts["New_Summary", values["question"] ?? string.Empty, choices, scope, opens, closes, values["secret"] == "secret" ? texts["Ballot_Secret"] : texts["Ballot_Open"]].Value;
        // The rules as the ballot card will state them, from the ballot these answers make.
        var ballot = Build(values, turn.User, clock.GetUtcNow());
        var results = ballot.LiveResults ? texts["New_SummaryLiveResults"] : texts["New_SummaryHiddenResults"];
        return summary + "\n\n" + texts["New_SummaryRules", cards.RuleText(ballot), cards.QuorumText(ballot), results].Value;
    }

    private static IReadOnlyList<string> ScopeCommunes(FlowValues values) =>
        values["scope"] is { } bassin && bassin != "all"
            ? TerritoryMap.FindBassin(bassin)?.Communes ?? []
            : [.. TerritoryMap.Communes.Select(commune => commune.Name)];

    private static int ScopeSize(FlowValues values) =>
        values["scope"] is { } scope && scope != "all" ? TerritoryMap.FindBassin(scope)?.Communes.Count ?? 0 : TerritoryMap.Communes.Count;

    internal static (QuorumKind Kind, int Value)? ParseQuorum(string input, int scopeSize)
    {
        var folded = TextFolding.Fold(input).Replace(" ", string.Empty, StringComparison.Ordinal);
        if (folded is "none" or "aucun" or "-" or "0")
        {
            return (QuorumKind.None, 0);
        }

        var match = QuorumPattern().Match(folded);
        if (!match.Success || !int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return null;
        }

        return match.Groups[2].Success
            ? value is >= 1 and <= 100 ? (QuorumKind.Percent, value) : null
            : value >= 1 && value <= scopeSize ? (QuorumKind.Communes, value) : null;
    }

    private static List<string> SplitChoices(string input) =>
        [.. input.Split([';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(choice => choice.Length > 0)];

    private static DateTimeOffset? ParseStoredDate(string? value) =>
        value is null or None ? null : DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    internal static DateTimeOffset? ParseLocal(string input)
    {
        var cleaned = TypedTime.ToColon(input).Replace(" à ", " ", StringComparison.OrdinalIgnoreCase).Trim();
        string[] formats = ["d/M/yyyy H:mm", "d/M/yyyy HH:mm", "yyyy-MM-dd H:mm", "yyyy-MM-dd HH:mm", "yyyy-MM-ddTHH:mm"];
        if (!DateTime.TryParseExact(cleaned, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return null;
        }

        return new DateTimeOffset(local, BelgianTime.Zone.GetUtcOffset(local));
    }

    [GeneratedRegex(@"^(\d{1,3})(%)?$")]
    private static partial Regex QuorumPattern();

    [LoggerMessage(Level = LogLevel.Information, Message = "Ballot {BallotId} created by {User} for {Communes} communes")]
    private static partial void LogCreated(ILogger logger, string ballotId, [PseudonymousId] string user, int communes);
}
