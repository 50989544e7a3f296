
namespace BepBot.Chat.Flows;

/// <summary>
/// A multi-step conversation (the Dialogs package is not served, so this is ours, shaped like a waterfall):
/// each step prompts, validates and re-prompts; `annuler` leaves at any step; the state lives in conversation state.
/// </summary>
public abstract class Flow
{
    public abstract string Id { get; }

    public virtual IReadOnlySet<Role> AllowedRoles => Roles.Everyone;

    /// <summary>Shown at the top of every prompt card.</summary>
    public abstract string Title(ChatTurn turn);

    public abstract IReadOnlyList<FlowStep> Steps { get; }

    public abstract Task<Reply> CompleteAsync(ChatTurn turn, FlowValues values, CancellationToken cancellationToken);
}
