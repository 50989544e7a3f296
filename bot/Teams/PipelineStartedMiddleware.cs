using Microsoft.Bot.Builder;

namespace BepBot.Teams;

/// <summary>Marks that authentication passed and our middleware pipeline began, for the endpoint's status mapping.</summary>
public sealed class PipelineStartedMiddleware(IHttpContextAccessor http) : Microsoft.Bot.Builder.IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        if (http.HttpContext is { } context)
        {
            context.Items[BotEndpoint.PipelineStartedKey] = true;
        }

        await next(cancellationToken);
    }
}
