using BepBot.Infrastructure.Text;
using BepBot.Platform.Territory;

namespace BepBot.Features.Projects;

/// <summary>
/// Turns a question in French (or English) into an answer from the register: intent words steer the fields,
/// commune names boost their projects, aliases catch the names people actually use, Lucene does the rest.
/// Pure and synchronous: the benchmark and the evaluation set call it directly.
/// </summary>
public static class ProjectQuestions
{
    public const int MaxChoices = 5;
    private const float ChoiceRatio = 0.8f;
    private const float AliasBonus = 1f;
    private const float CommuneBonus = 0.35f;
    private const float CentralBonus = 0.3f;

    private static readonly (string Phrase, QuestionIntent Intent)[] IntentPhrases =
    [
        ("ou en est", QuestionIntent.Status), ("ou en sont", QuestionIntent.Status), ("etat", QuestionIntent.Status),
        ("statut", QuestionIntent.Status), ("avancement", QuestionIntent.Status), ("avance", QuestionIntent.Status),
        ("status", QuestionIntent.Status), ("progress", QuestionIntent.Status), ("where does", QuestionIntent.Status), ("how is", QuestionIntent.Status),
        ("prochaine etape", QuestionIntent.NextStep), ("prochaines etapes", QuestionIntent.NextStep), ("echeance", QuestionIntent.NextStep),
        ("quand", QuestionIntent.NextStep), ("next step", QuestionIntent.NextStep), ("next steps", QuestionIntent.NextStep),
        ("milestone", QuestionIntent.NextStep), ("when", QuestionIntent.NextStep), ("calendrier", QuestionIntent.NextStep),
        ("qui contacter", QuestionIntent.Contact), ("contact", QuestionIntent.Contact), ("contacter", QuestionIntent.Contact),
        ("qui s occupe", QuestionIntent.Contact), ("responsable", QuestionIntent.Contact), ("who", QuestionIntent.Contact), ("qui gere", QuestionIntent.Contact),
        ("centrale", QuestionIntent.Centrals), ("centrales", QuestionIntent.Centrals), ("achat", QuestionIntent.Centrals),
        ("achats", QuestionIntent.Centrals), ("purchasing", QuestionIntent.Centrals), ("central", QuestionIntent.Centrals), ("centrals", QuestionIntent.Centrals),
    ];

    // Words that ask rather than name: they never select a project.
    private static readonly HashSet<string> QuestionWords = new(StringComparer.Ordinal)
    {
        "ou", "en", "est", "sont", "etat", "statut", "avancement", "avance", "prochaine", "prochaines", "etape", "etapes", "echeance",
        "quand", "qui", "contacter", "contact", "responsable", "occupe", "gere", "quel", "quelle", "quels", "quelles", "le", "la", "les", "l",
        "de", "du", "des", "d", "a", "au", "aux", "pour", "par", "projet", "projets", "centrale", "centrales", "achat", "achats", "dans", "sur",
        "the", "what", "is", "of", "status", "where", "next", "step", "steps", "who", "project", "projects", "for", "in", "purchasing",
        "central", "centrals", "me", "moi", "donner", "donnez", "dites", "dis", "savoir", "voudrais", "veux", "infos", "info", "information",
        "informations", "sait", "on", "que", "quoi", "y", "il", "elle", "ca", "cela", "commune", "communes", "ma", "mon", "nos", "notre",
        "svp", "stp", "s", "vous", "plait", "please", "about", "how", "does", "are", "which", "joined", "has", "with", "et", "un", "une",
        "c", "comment", "va", "passe", "se", "and", "to", "latest", "news", "nouvelles", "point", "fait", "faire", "progress", "milestone",
        "when", "calendrier", "participe", "participent", "membre", "membres", "adhere", "rejoint", "there", "do", "my", "town", "municipality",
        "liste", "list", "show", "montre", "montrez", "voir", "quoi", "concerne", "concernent", "actuel", "actuellement", "du", "sujet",
        "propos", "can", "you", "tell", "peux", "pouvez", "tu", "je", "j", "nous", "suis", "sommes", "ces", "ce", "cette", "et", "new",
    };

    private static readonly (string Phrase, ProjectStatus Status)[] StatusPhrases =
    [
        ("en cours", ProjectStatus.InProgress), ("in progress", ProjectStatus.InProgress), ("ongoing", ProjectStatus.InProgress),
        ("a l etude", ProjectStatus.Study), ("en etude", ProjectStatus.Study), ("etude", ProjectStatus.Study), ("study", ProjectStatus.Study), ("planned", ProjectStatus.Study),
        ("operationnelles", ProjectStatus.Operational), ("operationnelle", ProjectStatus.Operational), ("operationnels", ProjectStatus.Operational),
        ("operationnel", ProjectStatus.Operational), ("operational", ProjectStatus.Operational),
        ("termines", ProjectStatus.Completed), ("terminees", ProjectStatus.Completed), ("termine", ProjectStatus.Completed), ("terminee", ProjectStatus.Completed),
        ("acheves", ProjectStatus.Completed), ("acheve", ProjectStatus.Completed), ("completed", ProjectStatus.Completed), ("done", ProjectStatus.Completed),
        ("suspendus", ProjectStatus.Suspended), ("suspendu", ProjectStatus.Suspended), ("en pause", ProjectStatus.Suspended), ("suspended", ProjectStatus.Suspended),
    ];

    private static readonly (string Phrase, string Bassin)[] BassinPhrases =
    [
        ("bassin de namur capitale", "namur-capitale"), ("bassin namur capitale", "namur-capitale"), ("namur capitale", "namur-capitale"), ("bassin de namur", "namur-capitale"), ("bassin namur", "namur-capitale"),
        ("arrondissement de dinant", "dinant-meuse-condroz"), ("dinant meuse condroz", "dinant-meuse-condroz"), ("bassin de dinant", "dinant-meuse-condroz"), ("bassin dinant", "dinant-meuse-condroz"),
        ("entre sambre et meuse", "essaimage"), ("bassin essaimage", "essaimage"), ("essaimage", "essaimage"),
    ];

    private static readonly (string Phrase, string Programme)[] ProgrammePhrases =
    [
        ("smart region", "Smart Région"), ("smart", "Smart Région"), ("territoire intelligent", "Smart Région"), ("territoires intelligents", "Smart Région"),
        ("parcs naturels", "Parcs naturels et nationaux"), ("parc naturel", "Parcs naturels et nationaux"), ("parcs nationaux", "Parcs naturels et nationaux"),
        ("parc national", "Parcs naturels et nationaux"), ("parcs", "Parcs naturels et nationaux"), ("parc", "Parcs naturels et nationaux"),
        ("mobilite", "Mobilité"), ("mobility", "Mobilité"),
    ];

    private static readonly HashSet<string> FilterFillers = new(StringComparer.Ordinal)
    {
        "a", "de", "du", "des", "la", "le", "les", "l", "en", "dans", "pour", "bassin", "commune", "programme", "statut", "status", "in", "of",
        "the", "au", "aux", "et", "projets", "projet", "projects", "project", "centrales", "centrale", "d", "achat", "sur", "ma", "mon", "my",
    };

    private static readonly (string Name, string Normalized)[] CommunesLongestFirst =
        [.. TerritoryMap.Communes.Select(commune => (commune.Name, Normalized: Normalize(commune.Name).Trim())).OrderByDescending(entry => entry.Normalized.Length)];

    /// <summary>Folded, punctuation as spaces, padded with one space each side: " ou en est namur au fil de l eau ".</summary>
    public static string Normalize(string? text)
    {
        var folded = TextFolding.Fold(text);
        var characters = folded.Select(character => char.IsLetterOrDigit(character) ? character : ' ').ToArray();
        return " " + string.Join(' ', new string(characters).Split(' ', StringSplitOptions.RemoveEmptyEntries)) + " ";
    }

    public static ProjectAnswer Answer(ProjectIndex index, string question, string? userCommune = null)
    {
        var text = Normalize(question);
        if (index.Projects.Count == 0)
        {
            return new NotAboutProjects();
        }

        if (StartsWithAny(text, " projets ", " projects ", " liste des projets "))
        {
            return List(index, StripFirstWords(text, text.StartsWith(" liste des projets ", StringComparison.Ordinal) ? 3 : 1), centrals: false, userCommune);
        }

        if (StartsWithAny(text, " centrales ", " centrales d achat ", " centrals "))
        {
            return List(index, StripFirstWords(text, 1), centrals: true, userCommune);
        }

        var intent = IntentPhrases.Where(entry => Contains(text, entry.Phrase)).Aggregate(QuestionIntent.None, (all, entry) => all | entry.Intent);
        var (communes, rest) = ExtractCommunes(text, userCommune);
        var words = Words(rest).Where(word => !QuestionWords.Contains(word)).ToList();
        var projectish = intent != QuestionIntent.None || Contains(text, "projet") || Contains(text, "projets") || Contains(text, "project") || Contains(text, "projects");

        if (words.Count == 0)
        {
            if (communes.Count > 0)
            {
                var centrals = intent.HasFlag(QuestionIntent.Centrals);
                return new ProjectList(FilterProjects(index, new ProjectFilter(Commune: communes[0]), centrals), new ProjectFilter(Commune: communes[0]), centrals);
            }

            if (intent.HasFlag(QuestionIntent.Centrals))
            {
                return new ProjectList(FilterProjects(index, new ProjectFilter(), centrals: true), new ProjectFilter(), Centrals: true);
            }

            return projectish ? new NoProjectFound(question.Trim(), []) : new NotAboutProjects();
        }

        var ranked = Rank(index, text, words, communes, intent);
        if (ranked.Count == 0)
        {
            // A commune name alone ("anne.dupont@gesves.be") does not make a text a question about projects.
            return projectish
                ? new NoProjectFound(question.Trim(), Suggest(index, words))
                : new NotAboutProjects();
        }

        var best = ranked[0].Score;
        var close = ranked.TakeWhile(hit => hit.Score >= best * ChoiceRatio).Take(MaxChoices).ToList();
        return close.Count == 1
            ? new SingleProject(close[0].Project, intent & ~QuestionIntent.Centrals)
            : new ProjectChoices([.. close.Select(hit => hit.Project)], intent & ~QuestionIntent.Centrals);
    }

    /// <summary>`projets …` and `centrales …`: filters by bassin, commune, programme, status, and any other words as a search.</summary>
    public static ProjectAnswer List(ProjectIndex index, string arguments, bool centrals, string? userCommune = null)
    {
        var text = Normalize(arguments);
        ProjectStatus? status = null;
        foreach (var (phrase, value) in StatusPhrases)
        {
            if (Contains(text, phrase))
            {
                status = value;
                text = Remove(text, phrase);
                break;
            }
        }

        string? bassin = null;
        foreach (var (phrase, value) in BassinPhrases)
        {
            if (Contains(text, phrase))
            {
                bassin = value;
                text = Remove(text, phrase);
                break;
            }
        }

        var (communes, rest) = ExtractCommunes(text, userCommune);
        text = rest;
        string? programme = null;
        foreach (var (phrase, value) in ProgrammePhrases.Concat(index.Programmes))
        {
            if (phrase.Length > 0 && Contains(text, phrase))
            {
                programme = value;
                text = Remove(text, phrase);
                break;
            }
        }

        var leftover = Words(text).Where(word => !FilterFillers.Contains(word)).ToList();
        var filter = new ProjectFilter(bassin, communes.FirstOrDefault(), programme, status, leftover.Count > 0 ? string.Join(' ', leftover) : null);
        var projects = FilterProjects(index, filter, centrals);
        if (filter.Text is not null)
        {
            var matching = index.Search(leftover, index.Projects.Count).Select(hit => hit.Project.Id).ToHashSet(StringComparer.Ordinal);
            projects = [.. projects.Where(project => matching.Contains(project.Id))];
            if (projects.Count == 0)
            {
                return new NoProjectFound(arguments.Trim(), Suggest(index, leftover));
            }
        }

        return projects.Count == 1 && (filter.Text is not null || filter.Programme is not null) && !centrals
            ? new SingleProject(projects[0], QuestionIntent.None)
            : new ProjectList(projects, filter, centrals);
    }

    public static IReadOnlyList<Project> FilterProjects(ProjectIndex index, ProjectFilter filter, bool centrals) =>
        [.. index.Projects.Where(project =>
            project.Kind == (centrals ? ProjectKind.Central : ProjectKind.Project)
            && (filter.Bassin is null || project.Bassins.Contains(filter.Bassin))
            && (filter.Commune is null || project.Communes.Contains(filter.Commune))
            && (filter.Programme is null || project.Programme == filter.Programme)
            && (filter.Status is null || project.Status == filter.Status))];

    private static List<ProjectHit> Rank(ProjectIndex index, string text, IReadOnlyList<string> words, IReadOnlyList<string> communes, QuestionIntent intent)
    {
        var hits = index.Search(words, 50);
        var scores = new Dictionary<string, (Project Project, float Score)>(StringComparer.Ordinal);
        var top = hits.Count > 0 ? hits[0].Score : 1f;
        foreach (var hit in hits)
        {
            scores[hit.Project.Id] = (hit.Project, hit.Score / top);
        }

        // Aliases are the names people actually use ("fil de l'eau"): a whole alias in the question is strong evidence.
        foreach (var project in index.Aliases.Where(alias => text.Contains(alias.Phrase, StringComparison.Ordinal)).Select(alias => alias.Project).Distinct())
        {
            var current = scores.TryGetValue(project.Id, out var found) ? found.Score : 0f;
            scores[project.Id] = (project, current + AliasBonus);
        }

        return [.. scores.Values
            .Select(entry => new ProjectHit(entry.Project, entry.Score
                + (communes.Any(entry.Project.Communes.Contains) ? CommuneBonus : 0f)
                + (intent.HasFlag(QuestionIntent.Centrals) && entry.Project.Kind == ProjectKind.Central ? CentralBonus : 0f)))
            .OrderByDescending(hit => hit.Score)
            .ThenBy(hit => hit.Project.Name, StringComparer.Ordinal)];
    }

    private static IReadOnlyList<Project> Suggest(ProjectIndex index, IReadOnlyList<string> words) =>
        [.. index.Search(words, 3, loose: true).Select(hit => hit.Project)];

    private static (List<string> Communes, string Remaining) ExtractCommunes(string text, string? userCommune)
    {
        var found = new List<string>();
        if (userCommune is not null && (Contains(text, "ma commune") || Contains(text, "my municipality") || Contains(text, "chez nous")))
        {
            found.Add(userCommune);
        }

        foreach (var (name, normalized) in CommunesLongestFirst)
        {
            if (Contains(text, normalized))
            {
                found.Add(name);
                text = Remove(text, normalized);
            }
        }

        return (found, text);
    }

    private static string[] Words(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static bool Contains(string padded, string phrase) => padded.Contains(" " + phrase + " ", StringComparison.Ordinal);

    private static string Remove(string padded, string phrase) => padded.Replace(" " + phrase + " ", " ", StringComparison.Ordinal);

    private static bool StartsWithAny(string padded, params string[] prefixes) =>
        prefixes.Any(prefix => padded.StartsWith(prefix, StringComparison.Ordinal) || padded == prefix[..^1] + " ");

    private static string StripFirstWords(string padded, int count) =>
        string.Join(' ', Words(padded).Skip(count));
}
