using System.Net;

namespace FaqBot.BotFramework.Tests.DirectLine;

public sealed class DirectLineCorsTests : IAsyncLifetime
{
    private const string Clinic = "https://www.riverside-derm.example";
    private DirectLineServer server = null!;

    public async Task InitializeAsync() => server = await DirectLineServer.StartAsync(new() { ["DirectLine:AllowedOrigins:0"] = Clinic });

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task ClinicSiteMayCallDirectLineWithTheHeadersDirectLineJsSends()
    {
        using var http = new HttpClient { BaseAddress = server.BaseAddress };

        using var preflight = await Preflight(http, "/v3/directline/conversations", Clinic);

        Assert.True(preflight.IsSuccessStatusCode);
        Assert.Equal(Clinic, preflight.Headers.GetValues("Access-Control-Allow-Origin").Single());
        var allowed = string.Join(",", preflight.Headers.GetValues("Access-Control-Allow-Headers")).ToLowerInvariant();
        Assert.Contains("authorization", allowed);
        Assert.Contains("x-ms-bot-agent", allowed);
    }

    [Fact]
    public async Task OtherSitesGetNoCorsPermission()
    {
        using var http = new HttpClient { BaseAddress = server.BaseAddress };

        using var preflight = await Preflight(http, "/api/directline/token", "https://evil.example");

        Assert.False(preflight.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task TokenEndpointRefusesForeignOriginsButServesTheClinicAndTheBotsOwnPage()
    {
        using var foreign = server.Client("https://evil.example");
        using var clinic = server.Client(Clinic);
        using var own = server.Client(server.BaseAddress.GetLeftPart(UriPartial.Authority));

        using var refused = await foreign.Http.PostAsync("/api/directline/token", null);
        var clinicToken = await clinic.FetchTokenAsync();
        var ownToken = await own.FetchTokenAsync();

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.NotNull(clinicToken["token"]);
        Assert.NotNull(ownToken["token"]);
    }

    private static Task<HttpResponseMessage> Preflight(HttpClient http, string path, string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, path);
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type,x-ms-bot-agent");
        return http.SendAsync(request);
    }
}
