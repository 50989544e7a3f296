using System.Globalization;
using BepBot.Features.Projects;
using Xunit.Abstractions;

namespace BepBot.Tests.Projects;

/// <summary>
/// The evaluation set (eval-questions.tsv): questions as bourgmestres and officers would type them, with the
/// expected project, list, pick list or "not found". Prints the top-1 accuracy and every miss.
/// </summary>
public sealed class ProjectEvaluationTests(ITestOutputHelper output)
{
    private const double Target = 0.90;

    [Fact]
    public void EvaluationSet_TopOneAccuracy_AtLeastNinetyPercent()
    {
        using var index = new ProjectIndex(DemoProjects.Create(DateTimeOffset.UnixEpoch));
        var cases = Load();
        var misses = new List<string>();
        foreach (var (question, expected) in cases)
        {
            var answer = ProjectQuestions.Answer(index, question, userCommune: "Namur");
            var got = Describe(answer);
            if (!Matches(answer, expected))
            {
                misses.Add($"  « {question} » expected {expected}, got {got}");
            }
        }

        var accuracy = (double)(cases.Count - misses.Count) / cases.Count;
        output.WriteLine($"Top-1 accuracy: {accuracy.ToString("P1", CultureInfo.InvariantCulture)} ({cases.Count - misses.Count}/{cases.Count} questions)");
        foreach (var miss in misses)
        {
            output.WriteLine(miss);
        }

        cases.Count.ShouldBeGreaterThanOrEqualTo(60);
        accuracy.ShouldBeGreaterThanOrEqualTo(Target, string.Join("\n", misses));
    }

    private static bool Matches(ProjectAnswer answer, string expected)
    {
        if (expected == "notfound")
        {
            return answer is NoProjectFound;
        }

        if (expected == "none")
        {
            return answer is NotAboutProjects;
        }

        if (expected.StartsWith("choices:", StringComparison.Ordinal))
        {
            return answer is ProjectChoices choices && choices.Projects.Select(project => project.Id).Order().SequenceEqual(expected[8..].Split('|').Order());
        }

        if (expected.StartsWith("list:", StringComparison.Ordinal))
        {
            return answer is ProjectList list && DescribeList(list) == expected;
        }

        // Top-1: the one answer, or the first of a pick list.
        return answer switch
        {
            SingleProject single => single.Project.Id == expected,
            ProjectChoices choices => choices.Projects[0].Id == expected,
            _ => false,
        };
    }

    private static string Describe(ProjectAnswer answer) => answer switch
    {
        SingleProject single => single.Project.Id,
        ProjectChoices choices => "choices:" + string.Join('|', choices.Projects.Select(project => project.Id)),
        ProjectList list => DescribeList(list),
        NoProjectFound none => "notfound (" + string.Join('|', none.Suggestions.Select(project => project.Id)) + ")",
        _ => "none",
    };

    private static string DescribeList(ProjectList list)
    {
        var filter = list.Filter;
        var parts = new List<string>();
        if (filter.Bassin is not null)
        {
            parts.Add("bassin=" + filter.Bassin);
        }

        if (filter.Commune is not null)
        {
            parts.Add("commune=" + filter.Commune);
        }

        if (filter.Programme is not null)
        {
            parts.Add("programme=" + filter.Programme);
        }

        if (filter.Status is { } status)
        {
            parts.Add("status=" + ProjectCards.StatusValue(status));
        }

        if (filter.Text is not null)
        {
            parts.Add("text=" + filter.Text);
        }

        return (list.Centrals ? "list:centrals" : "list:projects") + (parts.Count > 0 ? "?" + string.Join('&', parts) : string.Empty);
    }

    private static List<(string Question, string Expected)> Load()
    {
        var path = Path.Combine(RepositoryRoot(), "tests", "BepBot.Tests", "Projects", "eval-questions.tsv");
        return [.. File.ReadAllLines(path)
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('\t'))
            .Select(columns => (columns[0], columns[1]))];
    }

    internal static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "BepBot.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("BepBot.sln not found above the test output folder.");
    }
}
