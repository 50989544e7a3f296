namespace BepBot.Cards;

public static class CardsRegistration
{
    public static IHostApplicationBuilder AddCards(this IHostApplicationBuilder builder)
    {
        // Templates are parsed once at start, so a broken card stops the bot from starting rather than a user's chat.
        builder.Services.AddSingleton(new CardCatalog(Path.Combine(AppContext.BaseDirectory, "cards")));
        return builder;
    }
}
