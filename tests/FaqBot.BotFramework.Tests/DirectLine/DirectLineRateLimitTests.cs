using System.Net;

namespace FaqBot.BotFramework.Tests.DirectLine;

// The limits as a browser on a clinic's site meets them: 429, when to try again, and a body it is allowed to read.
public sealed class DirectLineRateLimitTests
{
    private const string Clinic = "https://www.riverside-derm.example";

    [Fact]
    public async Task AnAddressOverEitherLimitGets429WithRetryAfterAndTheDirectLineErrorTheClinicPageCanRead()
    {
        await using var server = await DirectLineServer.StartAsync(new()
        {
            ["DirectLine:AllowedOrigins:0"] = Clinic,
            ["DirectLine:RequestsPerMinutePerAddress"] = "2",
            ["DirectLine:TokenRequestsPerMinutePerAddress"] = "1",
        });
        using var client = server.Client(Clinic);

        for (var i = 0; i < 2; i++)
        {
            (await client.SendAsync(HttpMethod.Post, "/tokens/refresh", token: $"made-up-token-{i}")).Dispose();
        }

        using var directLine = await client.SendAsync(HttpMethod.Post, "/tokens/refresh", token: "made-up-token-2");
        // The page's token endpoint counts on its own: an address throttled on Direct Line may still get one token.
        await client.FetchTokenAsync();
        using var tokenEndpoint = await client.Http.PostAsync("/api/directline/token", null);

        foreach (var refused in new[] { directLine, tokenEndpoint })
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            Assert.InRange(refused.Headers.RetryAfter?.Delta ?? TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
            Assert.Equal("TooManyRequests", await DirectLineClient.ErrorCodeAsync(refused));
            Assert.Equal(Clinic, refused.Headers.GetValues("Access-Control-Allow-Origin").Single());
        }
    }

    [Fact]
    public async Task ARequestRefusedForItsTokenCountsOnceAgainstItsAddress()
    {
        // A clinic's waiting-room Wi-Fi is one address: one patient's runaway client must not use up the others' share.
        await using var server = await DirectLineServer.StartAsync(new()
        {
            ["DirectLine:RequestsPerMinutePerToken"] = "2",
            ["DirectLine:RequestsPerMinutePerAddress"] = "6",
        });
        using var client = server.Client(Clinic);

        var runaway = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await client.SendAsync(HttpMethod.Post, "/tokens/refresh", token: "runaway-token");
            runaway.Add(response.StatusCode);
        }

        var neighbour = new List<HttpStatusCode>();
        for (var i = 0; i < 2; i++)
        {
            using var response = await client.SendAsync(HttpMethod.Post, "/tokens/refresh", token: "neighbour-token");
            neighbour.Add(response.StatusCode);
        }

        Assert.Equal(2, runaway.Count(s => s == HttpStatusCode.TooManyRequests));
        // Four requests from the address so far: the neighbour's two fit in its six.
        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, neighbour);
    }
}
