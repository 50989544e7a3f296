using System.Globalization;
using System.Text.Json.Nodes;
using BepBot.Cards;
using BepBot.Chat;
using BepBot.Infrastructure.Time;
using BepBot.Platform.Territory;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Projects;

/// <summary>Renders register answers as cards (project, list, pick list, update form) and texts.</summary>
public sealed class ProjectCards(CardCatalog cards, IStringLocalizer<ProjectsTexts> texts)
{
    public const int MaxListed = 15;
    private const int MaxCommunesShown = 12;

    public Reply Project(ChatTurn turn, Project project, QuestionIntent intent)
    {
        var culture = turn.Culture;
        var facts = new List<object>();
        var all = intent == QuestionIntent.None;
        if (all || intent.HasFlag(QuestionIntent.Status))
        {
            facts.Add(Fact("Fact_Status", texts["StatusValue", StatusName(project.Status), project.Progress]));
            facts.Add(Fact("Fact_Phase", CardText.EscapeMarkdown(project.Phase)));
        }

        if (all || intent.HasFlag(QuestionIntent.NextStep))
        {
            facts.Add(Fact("Fact_NextStep", NextStep(project, culture)));
        }

        if (all)
        {
            facts.Add(Fact("Fact_Bassins", Bassins(project)));
            facts.Add(Fact(project.Kind == ProjectKind.Central ? "Fact_Members" : "Fact_Communes", Communes(project.Communes)));
        }

        if (all || intent.HasFlag(QuestionIntent.Contact))
        {
            facts.Add(Fact("Fact_Contact", Contact(project)));
        }

        if (all && !string.IsNullOrWhiteSpace(project.Note))
        {
            facts.Add(Fact("Fact_Note", CardText.EscapeMarkdown(project.Note)));
        }

        var card = cards.Render("projects/project", new
        {
            Title = CardText.EscapeMarkdown(project.Name),
            Subtitle = $"{texts["Kind_" + project.Kind]} · {CardText.EscapeMarkdown(project.Programme)}",
            Headline = Headline(project, intent, culture),
            Facts = facts,
            Summary = all ? CardText.EscapeMarkdown(project.Summary) : string.Empty,
            Updated = Updated(project, culture),
            DemoNotice = project.IsDemo ? texts["DemoNotice"].Value : string.Empty,
            ProjectId = project.Id,
            ShowFull = !all,
            ShowFullButton = texts["ShowFullButton"].Value,
            CanEdit = turn.User.Role == Role.BepStaff,
            EditButton = texts["EditButton"].Value,
            HistoryButton = texts["HistoryButton"].Value,
        });
        return Reply.WithCard(card, project.Name);
    }

    public Reply Choices(IReadOnlyList<Project> projects, string question) =>
        Reply.WithCard(List(texts["Choices_Title"], texts["Choices_Intro", CardText.EscapeMarkdown(Shorten(question))], projects, string.Empty), texts["Choices_Title"]);

    public Reply NotFound(string question, IReadOnlyList<Project> suggestions)
    {
        var text = texts["NotFound_Text", CardText.EscapeMarkdown(Shorten(question))].Value;
        return suggestions.Count == 0
            ? Reply.WithText(text + " " + texts["NotFound_NoSuggestion"])
            : Reply.WithText(text).Then(Reply.WithCard(List(texts["NotFound_Title"], texts["NotFound_Suggestions"], suggestions, texts["NotFound_NoSuggestion"]), texts["NotFound_Title"]));
    }

    public Reply Listing(ProjectList list)
    {
        var description = Describe(list.Filter);
        if (list.Centrals)
        {
            var title = texts["List_CentralsTitle"].Value;
            var intro = list.Filter.Commune is null
                ? texts["Centrals_Intro", list.Projects.Count].Value
                : texts["Centrals_IntroCommune", list.Filter.Commune, list.Projects.Count].Value;
            return Reply.WithCard(List(title, intro, list.Projects, texts["Centrals_Footer"], central => texts["Centrals_Detail", StatusName(central.Status), Communes(central.Communes)]), title);
        }

        var listTitle = texts["List_ProjectsTitle"].Value;
        var listIntro = list.Projects.Count == 0
            ? texts["List_Empty", description].Value
            : list.Filter.IsEmpty ? texts["List_IntroAll", list.Projects.Count].Value : texts["List_IntroFiltered", list.Projects.Count, description].Value;
        var footer = list.Projects.Count > MaxListed ? texts["List_More", list.Projects.Count - MaxListed] + " " + texts["List_Footer"] : texts["List_Footer"].Value;
        return Reply.WithCard(List(listTitle, listIntro, list.Projects, footer), listTitle);
    }

    public JsonObject List(string title, string intro, IReadOnlyList<Project> projects, string footer, Func<Project, string>? detail = null) =>
        cards.Render("projects/list", new
        {
            Title = title,
            Intro = intro,
            Items = projects.Take(MaxListed).Select(project => new
            {
                Name = CardText.EscapeMarkdown(project.Name),
                Detail = detail?.Invoke(project) ?? Detail(project),
                ProjectId = project.Id,
                Button = texts["ViewButton"].Value,
                ButtonTooltip = texts["ViewTooltip", project.Name].Value,
            }).ToList(),
            Footer = footer,
            DemoNotice = projects.Any(project => project.IsDemo) ? texts["DemoNotice"].Value : string.Empty,
        });

    public JsonObject UpdateForm(Project project, CultureInfo culture) =>
        cards.Render("projects/update", new
        {
            Title = texts["Update_Title", Shorten(project.Name)].Value,
            Intro = texts["Update_Intro", project.Version, BelgianTime.FormatDateTime(project.UpdatedAt, culture), CardText.EscapeMarkdown(project.UpdatedBy)].Value,
            StatusLabel = texts["Fact_Status"].Value,
            StatusError = texts["Update_StatusError"].Value,
            Status = StatusValue(project.Status),
            StatusChoices = Enum.GetValues<ProjectStatus>().Select(status => new { Title = StatusName(status), Value = StatusValue(status) }).ToList(),
            ProgressLabel = texts["Update_ProgressLabel"].Value,
            ProgressError = texts["Update_ProgressError"].Value,
            project.Progress,
            PhaseLabel = texts["Fact_Phase"].Value,
            project.Phase,
            MilestoneLabel = texts["Fact_NextStep"].Value,
            Milestone = project.NextMilestone ?? string.Empty,
            MilestoneDateLabel = texts["Update_MilestoneDateLabel"].Value,
            MilestoneDate = project.NextMilestoneDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty,
            NoteLabel = texts["Update_NoteLabel"].Value,
            Note = project.Note ?? string.Empty,
            SaveButton = texts["Update_SaveButton"].Value,
            CancelButton = texts["Update_CancelButton"].Value,
            ProjectId = project.Id,
            project.Version,
        });

    public JsonObject History(Project project, IReadOnlyList<ProjectHistoryEntry> entries, CultureInfo culture) =>
        cards.Render("projects/list", new
        {
            Title = texts["History_Title", Shorten(project.Name)].Value,
            Intro = entries.Count == 0 ? texts["History_Empty"].Value : texts["History_Intro", entries.Count].Value,
            Items = entries.Take(MaxListed).Select(entry => new
            {
                Name = texts["History_Item", entry.Previous.Version, BelgianTime.FormatDateTime(entry.ReplacedAt, culture), CardText.EscapeMarkdown(entry.ReplacedBy)].Value,
                Detail = $"{Detail(entry.Previous)} · {texts["Label_Value", texts["Fact_NextStep"], NextStep(entry.Previous, culture)]}"
                    + (string.IsNullOrWhiteSpace(entry.Previous.Note) ? string.Empty : $" · {texts["Label_Value", texts["Fact_Note"], CardText.EscapeMarkdown(entry.Previous.Note)]}"),
                ProjectId = string.Empty,
                Button = string.Empty,
                ButtonTooltip = string.Empty,
            }).ToList(),
            Footer = texts["History_Current", project.Version, BelgianTime.FormatDateTime(project.UpdatedAt, culture), CardText.EscapeMarkdown(project.UpdatedBy)].Value,
            DemoNotice = string.Empty,
        });

    public string StatusName(ProjectStatus status) => texts["Status_" + status].Value;

    public static string StatusValue(ProjectStatus status) => status switch
    {
        ProjectStatus.Study => "study",
        ProjectStatus.InProgress => "in-progress",
        ProjectStatus.Operational => "operational",
        ProjectStatus.Completed => "completed",
        _ => "suspended",
    };

    public string Detail(Project project) =>
        $"{StatusName(project.Status)} · {project.Progress} % · {Bassins(project)}";

    public string Updated(Project project, CultureInfo culture) =>
        texts["Updated", BelgianTime.FormatDateTime(project.UpdatedAt, culture), CardText.EscapeMarkdown(project.UpdatedBy), CardText.EscapeMarkdown(project.Source)].Value;

    public string Communes(IReadOnlyList<string> communes) =>
        communes.Count == 0
            ? texts["Communes_None"].Value
            : texts["Communes_Value", communes.Count, string.Join(", ", communes.Take(MaxCommunesShown)) + (communes.Count > MaxCommunesShown ? ", …" : string.Empty)].Value;

    private string Describe(ProjectFilter filter)
    {
        var parts = new List<string>();
        if (filter.Bassin is not null)
        {
            parts.Add(texts["Filter_Bassin", TerritoryMap.FindBassin(filter.Bassin)?.ShortName ?? filter.Bassin]);
        }

        if (filter.Commune is not null)
        {
            parts.Add(texts["Filter_Commune", filter.Commune]);
        }

        if (filter.Programme is not null)
        {
            parts.Add(texts["Filter_Programme", filter.Programme]);
        }

        if (filter.Status is { } status)
        {
            parts.Add(texts["Filter_Status", StatusName(status)]);
        }

        if (filter.Text is not null)
        {
            parts.Add(texts["Filter_Text", CardText.EscapeMarkdown(filter.Text)]);
        }

        return string.Join(", ", parts);
    }

    private string Headline(Project project, QuestionIntent intent, CultureInfo culture)
    {
        var lines = new List<string>();
        if (intent.HasFlag(QuestionIntent.Status))
        {
            lines.Add(texts["Headline_Status", StatusName(project.Status), project.Progress, CardText.EscapeMarkdown(project.Phase)]);
        }

        if (intent.HasFlag(QuestionIntent.NextStep))
        {
            lines.Add(project.NextMilestone is null
                ? texts["Headline_NextStepNone"]
                : texts["Headline_NextStep", NextStep(project, culture)]);
        }

        if (intent.HasFlag(QuestionIntent.Contact))
        {
            lines.Add(project.Contact is null ? texts["Headline_ContactNone"] : texts["Headline_Contact", Contact(project)]);
        }

        return string.Join(" ", lines);
    }

    private string NextStep(Project project, CultureInfo culture) =>
        project.NextMilestone is null
            ? texts["NextStep_None"].Value
            : project.NextMilestoneDate is { } date
                ? texts["NextStepValue", CardText.EscapeMarkdown(project.NextMilestone), FormatDate(date, culture)].Value
                : CardText.EscapeMarkdown(project.NextMilestone);

    private string Contact(Project project) =>
        project.Contact is null ? texts["Contact_None"].Value : CardText.EscapeMarkdown($"{project.Contact.Name}, {project.Contact.Email}");

    private static string Bassins(Project project) =>
        string.Join(", ", project.Bassins.Select(id => TerritoryMap.FindBassin(id)?.ShortName ?? id));

    private static string FormatDate(DateOnly date, CultureInfo culture) =>
        BelgianTime.FormatDate(new DateTimeOffset(date.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero), culture);

    private object Fact(string titleKey, string value) => new { Title = texts[titleKey].Value, Value = value };

    private static string Shorten(string text) => text.Length > 80 ? text[..80] + "…" : text;
}
