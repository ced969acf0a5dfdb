using FaqBot.BotFramework.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace FaqBot.BotFramework.Tests.DirectLine;

public sealed class DirectLineStartupTests
{
    // Without the middleware nothing would fail loudly: no CORS for clinic sites, no WebSocket, no rate limit.
    [Fact]
    public async Task MappingDirectLineWithoutUseDirectLineStopsStartUpNamingTheMissingCall()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.AddDirectLine();
        await using var app = builder.Build();

        var directLine = Assert.Throws<InvalidOperationException>(() => app.MapDirectLine("/v3/directline"));
        var tokenEndpoint = Assert.Throws<InvalidOperationException>(() => app.MapDirectLineTokenEndpoint("/api/directline/token"));

        Assert.Contains("app.UseDirectLine()", directLine.Message);
        Assert.Contains("app.UseDirectLine()", tokenEndpoint.Message);
    }
}
