using BepBot.Infrastructure.Scheduling;
using BepBot.Infrastructure.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BepBot.Tests.Scheduling;

/// <summary>One bot instance's scheduling, wired as AddScheduling wires it: a book and a runner sharing their due times.</summary>
public sealed record Scheduler(JobBook Book, JobRunner Runner, LocalDueTimes DueTimes)
{
    public static Scheduler Create(IDocumentStore store, IReadOnlyList<IJobHandler> handlers, TimeProvider clock, SchedulingOptions options)
    {
        var kinds = handlers.Select(handler => new JobKind(handler.Kind, handler.GetType())).ToList();
        var dueTimes = new LocalDueTimes();
        return new(
            new JobBook(store, kinds, dueTimes, clock, NullLogger<JobBook>.Instance),
            new JobRunner(store, handlers, kinds, dueTimes, clock, Options.Create(options), NullLogger<JobRunner>.Instance),
            dueTimes);
    }
}
