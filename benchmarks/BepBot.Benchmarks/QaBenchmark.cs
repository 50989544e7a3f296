using System.Diagnostics;
using System.Globalization;
using BepBot.Features.Projects;
using BepBot.Infrastructure.Storage;
using BepBot.Platform.Territory;
using BepBot.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;

namespace BepBot.Benchmarks;

/// <summary>
/// Project Q&amp;A on a register of N projects (the 12 demo ones + generated ones): the engine alone (search,
/// ranking) and whole bot turns (HTTP in process, routing, card rendering, conversation state in the store).
/// Prints p50/p95/p99/max and the evaluation set's top-1 accuracy on the big register.
/// </summary>
public static class QaBenchmark
{
    private static readonly string[] Themes =
    [
        "Rénovation de l'éclairage public", "Piste cyclable", "Maison de village", "Réseau de chaleur", "Crèche intercommunale",
        "Éolien citoyen", "Tiers-lieu numérique", "Halle agricole", "Station d'épuration", "Parcours vélo", "Coworking rural",
        "Marché de producteurs", "Plan climat", "Cellule cybersécurité", "Rénovation de l'école communale", "Bibliothèque partagée",
        "Covoiturage", "Bornes de recharge", "Maison médicale", "Zone d'activité économique", "Cimetière paysager", "Verger conservatoire",
    ];

    public static async Task<IReadOnlyList<(string Name, string Value)>> RunAsync(int projects, string store)
    {
        var register = Register(projects);
        var questions = File.ReadAllLines(Path.Combine(RepositoryRoot(), "tests", "BepBot.Tests", "Projects", "eval-questions.tsv"))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('\t'))
            .ToList();

        var build = Stopwatch.StartNew();
        using var index = new ProjectIndex(register.Projects);
        build.Stop();

        // Warm-up, then the engine alone.
        foreach (var question in questions)
        {
            ProjectQuestions.Answer(index, question[0], "Namur");
        }

        var engine = new List<double>();
        var perQuestion = new Dictionary<string, double>(StringComparer.Ordinal);
        var correct = 0;
        for (var round = 0; round < 20; round++)
        {
            foreach (var question in questions)
            {
                var watch = Stopwatch.StartNew();
                var answer = ProjectQuestions.Answer(index, question[0], "Namur");
                watch.Stop();
                engine.Add(watch.Elapsed.TotalMilliseconds);
                perQuestion[question[0]] = perQuestion.GetValueOrDefault(question[0]) + watch.Elapsed.TotalMilliseconds / 20;
                if (round == 0 && IsTopOne(answer, question[1]))
                {
                    correct++;
                }
            }
        }

        foreach (var (question, mean) in perQuestion.OrderByDescending(entry => entry.Value).Take(8))
        {
            Console.WriteLine($"  slowest: {mean:0.00} ms  {question}");
        }

        if (Environment.GetEnvironmentVariable("QA_ENGINE_ONLY") == "1")
        {
            return [("engine p50", Ms(Percentile(engine, 0.50))), ("engine p99", Ms(Percentile(engine, 0.99)))];
        }

        Console.WriteLine("Bot turns…");
        await using var bot = new BotApplication(settings: new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Warning",
            ["Storage:Provider"] = store,
            ["Storage:LocalFolder"] = Path.Combine(Path.GetTempPath(), "bepbot-bench-" + Guid.NewGuid().ToString("N")),
        });
        await bot.Store.UpsertAsync(ProjectRegisterStore.Key, register);
        using var client = bot.CreateTeamsClient();
        var turns = new List<double>();
        for (var round = 0; round < 4; round++)
        {
            foreach (var question in questions)
            {
                var watch = Stopwatch.StartNew();
                await client.SayAsync(TeamsUser.Megan, question[0]);
                watch.Stop();
                if (round > 0)
                {
                    turns.Add(watch.Elapsed.TotalMilliseconds);
                }
            }
        }

        return
        [
            ("projects in the register", projects.ToString("N0", CultureInfo.InvariantCulture)),
            ("questions (evaluation set)", questions.Count.ToString(CultureInfo.InvariantCulture)),
            ("index build", Ms(build.Elapsed.TotalMilliseconds)),
            ("engine answers measured", engine.Count.ToString(CultureInfo.InvariantCulture)),
            ("engine p50", Ms(Percentile(engine, 0.50))),
            ("engine p95", Ms(Percentile(engine, 0.95))),
            ("engine p99", Ms(Percentile(engine, 0.99))),
            ("engine max", Ms(engine.Max())),
            ("bot turns measured (" + store + " store)", turns.Count.ToString(CultureInfo.InvariantCulture)),
            ("bot turn p50", Ms(Percentile(turns, 0.50))),
            ("bot turn p95", Ms(Percentile(turns, 0.95))),
            ("bot turn p99", Ms(Percentile(turns, 0.99))),
            ("bot turn max", Ms(turns.Max())),
            ("top-1 accuracy of the evaluation set on this register", ((double)correct / questions.Count).ToString("P1", CultureInfo.InvariantCulture)),
        ];
    }

    public static ProjectRegister Register(int count)
    {
        var now = DateTimeOffset.UtcNow;
        var demo = DemoProjects.Create(now);
        var random = new Random(42);
        var communes = Platform.Territory.TerritoryMap.Communes;
        var generated = Enumerable.Range(1, Math.Max(0, count - demo.Count)).Select(number =>
        {
            var theme = Themes[random.Next(Themes.Length)];
            var members = Enumerable.Range(0, random.Next(1, 5)).Select(_ => communes[random.Next(communes.Count)]).DistinctBy(commune => commune.Name).ToList();
            var status = (ProjectStatus)random.Next(0, 5);
            return new Project(
                $"gen-{number:D5}", $"{theme} {members[0].Name} n° {number}", ProjectKind.Project, theme.Split(' ')[0],
                [.. members.Select(commune => commune.Bassin.Id).Distinct()], [.. members.Select(commune => commune.Name)],
                status, "Phase générée", random.Next(0, 101), "Étape générée", new DateOnly(2027, random.Next(1, 13), random.Next(1, 28)),
                new ProjectContact("Contact généré", "bench@bepbot-demo.example"), [], $"{theme} pour {string.Join(", ", members.Select(commune => commune.Name))}.", null,
                IsDemo: true, "benchmark", now, "benchmark");
        });
        return new ProjectRegister([.. demo, .. generated], now, "benchmark");
    }

    private static bool IsTopOne(ProjectAnswer answer, string expected) => answer switch
    {
        SingleProject single => single.Project.Id == expected,
        ProjectChoices choices => expected.StartsWith("choices:", StringComparison.Ordinal)
            ? choices.Projects.Select(project => project.Id).Order().SequenceEqual(expected[8..].Split('|').Order())
            : choices.Projects[0].Id == expected,
        ProjectList list => expected.StartsWith(list.Centrals ? "list:centrals" : "list:projects", StringComparison.Ordinal),
        NoProjectFound => expected == "notfound",
        _ => expected == "none",
    };

    private static double Percentile(List<double> values, double rank)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(rank * sorted.Count) - 1)];
    }

    private static string Ms(double milliseconds) => milliseconds.ToString("0.00", CultureInfo.InvariantCulture) + " ms";

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "BepBot.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("BepBot.sln not found above " + AppContext.BaseDirectory);
    }
}
