using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;

namespace BepBot.Features.Projects;

/// <summary>
/// An in-memory Lucene index of one register version, rebuilt whole when the register changes (5,000 projects
/// index in well under a second). Thread-safe for searching.
/// </summary>
public sealed class ProjectIndex : IDisposable
{
    private const string IdField = "id";
    private const string NameField = "name";
    private const string AliasesField = "aliases";
    private const string ProgrammeField = "programme";
    private const string SummaryField = "summary";
    private const string NamesField = "names";

    private readonly RAMDirectory _directory = new();
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;
    private readonly Dictionary<string, Project> _byId;
    private readonly Dictionary<char, string[]> _vocabulary;

    public ProjectIndex(IReadOnlyList<Project> projects)
    {
        Projects = projects;
        _byId = projects.ToDictionary(project => project.Id, StringComparer.Ordinal);
        Aliases = [.. projects.SelectMany(project => project.Aliases.Select(alias => (project, ProjectQuestions.Normalize(alias)))).Where(entry => entry.Item2.Length > 2)];
        Programmes = [.. projects.Select(project => project.Programme).Distinct(StringComparer.Ordinal).Select(programme => (ProjectQuestions.Normalize(programme).Trim(), programme)).Where(entry => entry.Item1.Length > 0)];
        _vocabulary = projects
            .SelectMany(project => Analyzer.Terms($"{project.Name} {string.Join(' ', project.Aliases)} {project.Programme}"))
            .Where(term => term.Length >= 3)
            .Distinct(StringComparer.Ordinal)
            .GroupBy(term => term[0])
            .ToDictionary(group => group.Key, group => group.ToArray());
        using (var writer = new IndexWriter(_directory, new IndexWriterConfig(FrenchSearchAnalyzer.Version, Analyzer)))
        {
            foreach (var project in projects)
            {
                var document = new Lucene.Net.Documents.Document
                {
                    new StringField(IdField, project.Id, Field.Store.YES),
                    new TextField(NameField, project.Name, Field.Store.NO),
                    new TextField(AliasesField, string.Join(" | ", project.Aliases), Field.Store.NO),
                    new TextField(ProgrammeField, project.Programme, Field.Store.NO),
                    new TextField(SummaryField, project.Summary, Field.Store.NO),
                    new TextField(NamesField, $"{project.Name} | {string.Join(" | ", project.Aliases)} | {project.Programme}", Field.Store.NO),
                };
                writer.AddDocument(document);
            }

            writer.Commit();
        }

        _reader = DirectoryReader.Open(_directory);
        _searcher = new IndexSearcher(_reader);
    }

    public static FrenchSearchAnalyzer Analyzer { get; } = new();

    public IReadOnlyList<Project> Projects { get; }

    /// <summary>Every alias, normalised and padded once (" fil de l eau "), with its project.</summary>
    public IReadOnlyList<(Project Project, string Phrase)> Aliases { get; }

    public IReadOnlyList<(string Phrase, string Programme)> Programmes { get; }

    public Project? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>Projects matching any of the words, exactly (after analysis) or within a typo or two.</summary>
    /// <param name="loose">Suggestions mode: wider typos, summary included, no prefix kept.</param>
    public IReadOnlyList<ProjectHit> Search(IReadOnlyList<string> words, int max, bool loose = false)
    {
        var query = new BooleanQuery();
        foreach (var term in words.SelectMany(Analyzer.Terms).Distinct(StringComparer.Ordinal))
        {
            var anyField = new DisjunctionMaxQuery(0.1f);
            anyField.Add(Exact(NameField, term, 3f));
            anyField.Add(Exact(AliasesField, term, 3f));
            anyField.Add(Exact(ProgrammeField, term, 2f));
            anyField.Add(Exact(SummaryField, term, 0.5f));
            // Typos: words the register does not contain as typed are matched to its own words within one or two
            // edits (a bounded Damerau-Levenshtein over the names' vocabulary, first letter kept unless loose).
            // Cheaper than Lucene's FuzzyQuery, whose automata cost milliseconds per word on a busy machine.
            if (term.Length >= 4 && (loose || _reader.DocFreq(new Term(NamesField, term)) == 0))
            {
                var edits = loose ? (term.Length >= 5 ? 2 : 1) : term.Length >= 7 ? 2 : 1;
                foreach (var (correction, distance) in Corrections(term, edits, loose))
                {
                    anyField.Add(Exact(NamesField, correction, 1.5f / (1 + distance)));
                }
            }

            query.Add(anyField, Occur.SHOULD);
        }

        if (query.Clauses.Count == 0)
        {
            return [];
        }

        return [.. _searcher.Search(query, max).ScoreDocs
            .Select(hit => new ProjectHit(_byId[_searcher.Doc(hit.Doc).Get(IdField, System.Globalization.CultureInfo.InvariantCulture)], hit.Score))];
    }

    private IEnumerable<(string Term, int Distance)> Corrections(string term, int maxEdits, bool loose)
    {
        var candidates = loose
            ? _vocabulary.Values.SelectMany(words => words)
            : _vocabulary.GetValueOrDefault(term[0]) ?? [];
        return candidates
            .Where(word => word != term && Math.Abs(word.Length - term.Length) <= maxEdits)
            .Select(word => (Term: word, Distance: EditDistance(term, word, maxEdits)))
            .Where(candidate => candidate.Distance <= maxEdits)
            .OrderBy(candidate => candidate.Distance)
            .Take(20);
    }

    /// <summary>Optimal string alignment distance (a swap of neighbours counts one), or more than <paramref name="bound"/> once it is certain.</summary>
    internal static int EditDistance(string a, string b, int bound)
    {
        var previous2 = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMinimum = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, previous2[j - 2] + 1);
                }

                current[j] = value;
                rowMinimum = Math.Min(rowMinimum, value);
            }

            if (rowMinimum > bound)
            {
                return bound + 1;
            }

            (previous2, previous, current) = (previous, current, previous2);
        }

        return previous[b.Length];
    }

    private static TermQuery Exact(string field, string term, float boost) => new(new Term(field, term)) { Boost = boost };

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
    }
}
