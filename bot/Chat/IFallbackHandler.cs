namespace BepBot.Chat;

/// <summary>Answers text that no command matched and no <see cref="IFreeTextHandler"/> took (the help feature's "je n'ai pas compris").</summary>
public interface IFallbackHandler : ICommandHandler;
