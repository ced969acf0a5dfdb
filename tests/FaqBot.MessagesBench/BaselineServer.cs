using System.Net;
using System.Text.Json;
using FaqBot.BotFramework.Activities;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FaqBot.MessagesBench;

/// <summary>The yardstick: a bare Kestrel endpoint that parses the same activity JSON and answers with one fixed reply.</summary>
internal static class BaselineServer
{
    public static async Task RunAsync(int port, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapPost("/api/messages", async (HttpContext context) =>
        {
            var activity = await JsonSerializer.DeserializeAsync<Activity>(context.Request.Body, ProtocolJson.Options, context.RequestAborted);
            var reply = activity!.CreateReply("Thank you for your question. Our clinic team will be happy to help.");
            return Results.Json(new ExpectedReplies([reply]), ProtocolJson.Options);
        });
        await app.StartAsync(cancellationToken);
        await app.WaitForShutdownAsync(cancellationToken);
    }
}
