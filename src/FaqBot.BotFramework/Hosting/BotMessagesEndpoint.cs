using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace FaqBot.BotFramework.Hosting;

/// <summary>Maps the Bot Framework messaging endpoint that channels and the Emulator POST activities to.</summary>
public static class BotMessagesEndpoint
{
    public static IEndpointConventionBuilder MapBotMessages(this IEndpointRouteBuilder endpoints, string pattern = "/api/messages") =>
        endpoints.MapPost(pattern, (HttpContext context, BotMessagesHandler handler) => handler.HandleAsync(context))
            .WithName("BotMessages")
            .DisableAntiforgery();
}
