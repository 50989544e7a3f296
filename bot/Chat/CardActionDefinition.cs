namespace BepBot.Chat;

/// <summary>An Action.Execute verb a feature answers, named &lt;feature&gt;.&lt;action&gt;.</summary>
/// <param name="UsesFlows">False for a click that never reads or starts a flow: its turn skips the conversation state.</param>
public sealed record CardActionDefinition(string Verb, IReadOnlySet<Role> AllowedRoles, Type HandlerType, bool UsesFlows = true);
