namespace BepBot.Benchmarks;

/// <summary>One benchmark of the command: its name on the command line and what it runs.</summary>
public sealed record Benchmark(string Name, string Usage, string Description, Func<string[], Task<IReadOnlyList<BenchmarkResult>>> RunAsync);

/// <summary>One section of docs/benchmarks.md; <paramref name="MustBeZero"/> names the figures that count mistakes.</summary>
public sealed record BenchmarkResult(string Key, string Title, IReadOnlyList<(string Name, string Value)> Figures, params string[] MustBeZero);
