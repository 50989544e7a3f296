using BepBot.Cards;
using BepBot.Chat;
using BepBot.Chat.Flows;
using BepBot.Platform.Territory;
using BepBot.Infrastructure.Text;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Roster;

/// <summary>`ajouter un membre`: staff add one person to the roster, step by step (the flow engine's first real flow).</summary>
public sealed class AddRosterMemberFlow(RosterDirectory roster, CardCatalog cards, IStringLocalizer<RosterTexts> texts, IStringLocalizer<ChatTexts> coreTexts) : Flow
{
    public const string FlowId = "roster.add";

    public override string Id => FlowId;

    public override IReadOnlySet<Role> AllowedRoles => Roles.Staff;

    public override string Title(ChatTurn turn) => texts["RosterAdd_Title"];

    public override IReadOnlyList<FlowStep> Steps =>
    [
        new("name", (_, _) => new FlowPrompt(texts["RosterAdd_AskName"], Placeholder: "Anne Dupont"), AcceptName),
        new("email", (_, values) => new FlowPrompt(texts["RosterAdd_AskEmail", values.Required("name")], Placeholder: "anne.dupont@commune.be"), AcceptEmailAsync),
        new("aadObjectId", (_, values) => new FlowPrompt(texts["RosterAdd_AskAadObjectId", values.Required("name")], texts["RosterAdd_AadObjectIdHint"]), AcceptAadObjectIdAsync),
        new("role", (_, values) => new FlowPrompt(texts["RosterAdd_AskRole", values.Required("name")], Choices: RoleChoices()), AcceptRole),
        new("commune", (_, values) => new FlowPrompt(texts["RosterAdd_AskCommune", values.Required("name")], texts["RosterAdd_CommuneHint"], Placeholder: "Gesves"), AcceptCommuneAsync, values => values["role"] != Role.BepStaff.Id()),
        new("confirm", (_, values) => new FlowPrompt(texts["RosterAdd_AskConfirm", Summary(values)], Choices: [new("oui", texts["RosterAdd_ConfirmYes"]), new("non", texts["RosterAdd_ConfirmNo"])]), AcceptConfirmation),
    ];

    public override async Task<Reply> CompleteAsync(ChatTurn turn, FlowValues values, CancellationToken cancellationToken)
    {
        if (values["confirm"] != "oui")
        {
            return Reply.WithText(texts["RosterAdd_NotSaved"]);
        }

        var member = new Member(
            values.Required("aadObjectId").ToLowerInvariant(),
            values.Required("name"),
            values.Required("email"),
            Roles.FromId(values.Required("role"))!.Value,
            values["commune"]);
        try
        {
            // Checked again on the latest roster: someone may have added the same person while this flow ran.
            await roster.ChangeAsync(current => [.. current.Members, Checked(current, member)], turn.User.Name, cancellationToken);
        }
        catch (RosterChangeRejectedException ex)
        {
            return Reply.WithText(texts["RosterAdd_Rejected", ex.Message]);
        }

        var card = cards.Render("common/confirmation", new
        {
            Title = texts["RosterAdd_DoneTitle"].Value,
            Message = texts["RosterAdd_Done", CardText.EscapeMarkdown(member.Name), coreTexts.Describe(member.Role, member.Commune)].Value,
            Details = new[]
            {
                new { Label = texts["RosterField_Email"].Value, Value = CardText.EscapeMarkdown(member.Email) },
                new { Label = texts["RosterField_AadObjectId"].Value, Value = member.AadObjectId },
            },
        });
        return Reply.WithCard(card, texts["RosterAdd_Done", member.Name, coreTexts.Describe(member.Role, member.Commune)]);
    }

    private Member Checked(RosterDocument current, Member member)
    {
        if (current.Find(member.AadObjectId) is { } sameId)
        {
            throw new RosterChangeRejectedException(texts["RosterAdd_IdTaken", sameId.Name]);
        }

        if (current.Members.FirstOrDefault(other => string.Equals(other.Email, member.Email, StringComparison.OrdinalIgnoreCase)) is { } sameEmail)
        {
            throw new RosterChangeRejectedException(texts["RosterAdd_EmailTaken", sameEmail.Name]);
        }

        if (member.Role == Role.Bourgmestre && BourgmestreOf(current, member.Commune) is { } other)
        {
            throw new RosterChangeRejectedException(texts["RosterAdd_BourgmestreTaken", member.Commune!, other.Name]);
        }

        return member;
    }

    private static Member? BourgmestreOf(RosterDocument roster, string? commune) =>
        roster.Members.FirstOrDefault(member => member.Role == Role.Bourgmestre && member.Commune == commune);

    private Task<FlowAnswer> AcceptName(ChatTurn turn, FlowValues values, string input) =>
        Task.FromResult(input.Length is >= 2 and <= 100 && input.Any(char.IsLetter)
            ? FlowAnswer.Accept(input)
            : FlowAnswer.Reject(texts["RosterAdd_BadName"]));

    private async Task<FlowAnswer> AcceptEmailAsync(ChatTurn turn, FlowValues values, string input)
    {
        if (!RosterCsv.IsEmail(input))
        {
            return FlowAnswer.Reject(texts["RosterAdd_BadEmail", input]);
        }

        var existing = (await roster.GetAsync()).Members.FirstOrDefault(member => string.Equals(member.Email, input, StringComparison.OrdinalIgnoreCase));
        return existing is null ? FlowAnswer.Accept(input) : FlowAnswer.Reject(texts["RosterAdd_EmailTaken", existing.Name]);
    }

    private async Task<FlowAnswer> AcceptAadObjectIdAsync(ChatTurn turn, FlowValues values, string input)
    {
        if (!RosterCsv.IsAadObjectId(input))
        {
            return FlowAnswer.Reject(texts["RosterAdd_BadAadObjectId"]);
        }

        var existing = (await roster.GetAsync()).Find(input);
        return existing is null ? FlowAnswer.Accept(input.ToLowerInvariant()) : FlowAnswer.Reject(texts["RosterAdd_IdTaken", existing.Name]);
    }

    private Task<FlowAnswer> AcceptRole(ChatTurn turn, FlowValues values, string input)
    {
        var role = TextFolding.Fold(input) switch
        {
            "bep-staff" or "staff" or "personnel" or "personnel du bep" or "bep" => Role.BepStaff,
            "bourgmestre" or "mayor" => Role.Bourgmestre,
            "officer" or "personnel communal" or "membre du personnel communal" or "commune staff" or "agent" or "agent communal" or "agente communale" => Role.Officer,
            _ => (Role?)null,
        };
        return Task.FromResult(role is null ? FlowAnswer.Reject(texts["RosterAdd_BadRole"]) : FlowAnswer.Accept(role.Value.Id()));
    }

    private async Task<FlowAnswer> AcceptCommuneAsync(ChatTurn turn, FlowValues values, string input)
    {
        var commune = TerritoryMap.FindCommune(input);
        if (commune is null)
        {
            return FlowAnswer.Reject(texts["RosterAdd_BadCommune", input]);
        }

        if (values["role"] == Role.Bourgmestre.Id() && BourgmestreOf(await roster.GetAsync(), commune.Name) is { } other)
        {
            return FlowAnswer.Reject(texts["RosterAdd_BourgmestreTaken", commune.Name, other.Name]);
        }

        return FlowAnswer.Accept(commune.Name);
    }

    private Task<FlowAnswer> AcceptConfirmation(ChatTurn turn, FlowValues values, string input) =>
        Task.FromResult(TextFolding.Fold(input) switch
        {
            "oui" or "yes" or "o" or "y" => FlowAnswer.Accept("oui"),
            "non" or "no" or "n" => FlowAnswer.Accept("non"),
            _ => FlowAnswer.Reject(texts["RosterAdd_BadConfirm"]),
        });

    private List<FlowChoice> RoleChoices() =>
        [
            new(Role.BepStaff.Id(), coreTexts.RoleName(Role.BepStaff)),
            new(Role.Bourgmestre.Id(), coreTexts.RoleName(Role.Bourgmestre)),
            new(Role.Officer.Id(), coreTexts.RoleName(Role.Officer)),
        ];

    private string Summary(FlowValues values) =>
        $"{values.Required("name")} ({values.Required("email")}), {coreTexts.Describe(Roles.FromId(values.Required("role"))!.Value, values["commune"])}";
}
