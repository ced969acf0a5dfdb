using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FaqBot.BotFramework.Tests.DirectLine;

// Azure's tokens/generate on loopback: records what our server sent and answers like Azure, or fails on request.
public sealed class FakeAzureDirectLine : IAsyncDisposable
{
    private readonly WebApplication app;

    private FakeAzureDirectLine(WebApplication app) => this.app = app;

    public string? Authorization { get; private set; }

    public JsonObject? Body { get; private set; }

    public int Status { get; set; } = StatusCodes.Status200OK;

    public string BaseUrl { get; private set; } = "";

    public static async Task<FakeAzureDirectLine> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeAzureDirectLine(app);
        app.MapPost("/v3/directline/tokens/generate", async (HttpContext ctx) =>
        {
            fake.Authorization = ctx.Request.Headers.Authorization.ToString();
            fake.Body = await ctx.Request.ReadFromJsonAsync<JsonObject>();
            return fake.Status == StatusCodes.Status200OK
                ? Results.Json(new JsonObject { ["conversationId"] = "AzConv-1", ["token"] = "azure-token-xyz", ["expires_in"] = 3600 })
                : Results.StatusCode(fake.Status);
        });
        await app.StartAsync();
        fake.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/v3/directline";
        return fake;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
