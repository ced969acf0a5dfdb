using System.Net;
using FaqBot.BotFramework.Hosting;
using FaqBot.BotFramework.Turns;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FaqBot.MessagesBench;

/// <summary>
/// The protocol library alone (AddBotFramework + MapBotMessages) with a bot that answers at once: shows how much of
/// FaqBot's time is the /api/messages pipeline and how much is the FAQ turn itself.
/// </summary>
internal static class ProtocolServer
{
    public static async Task RunAsync(int port, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        builder.Logging.ClearProviders();
        builder.AddBotFramework();
        builder.Services.AddSingleton<ITurnHandler, FixedReplyBot>();
        var app = builder.Build();
        app.MapBotMessages("/api/messages");
        await app.StartAsync(cancellationToken);
        await app.WaitForShutdownAsync(cancellationToken);
    }

    private sealed class FixedReplyBot : ITurnHandler
    {
        public Task HandleAsync(TurnContext turn, CancellationToken cancellationToken) =>
            turn.SendAsync(turn.Activity.CreateReply("Thank you for your question. Our clinic team will be happy to help."), cancellationToken);
    }
}
