using Microsoft.Extensions.Options;

namespace BepBot.Chat;

/// <summary>
/// The work of burst clicks (<see cref="CardActionDefinition.AnswersLate"/>), at most
/// <see cref="LateAnswerOptions.MaxConcurrentWork"/> at a time on this instance. Five hundred clicks working at once
/// would queue thousands of store calls ahead of the one call each answer needs (its claim); waiting here instead, a
/// click is answered « pris en compte » on time and its work starts as soon as another ends, once the clicks still
/// waiting to be let in are answered (<see cref="TurnAdmission.YieldToWaitingTurnsAsync"/>).
/// </summary>
public sealed class BurstWork(IOptions<LateAnswerOptions> options, TurnAdmission admission) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(options.Value.MaxConcurrentWork);

    public async Task<T> RunAsync<T>(Func<Task<T>> work)
    {
        await _slots.WaitAsync();
        await admission.YieldToWaitingTurnsAsync();
        try
        {
            return await work();
        }
        finally
        {
            _slots.Release();
        }
    }

    public void Dispose() => _slots.Dispose();
}
