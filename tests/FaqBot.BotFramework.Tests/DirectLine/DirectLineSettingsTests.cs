using System.Reflection;
using Microsoft.Extensions.Options;

namespace FaqBot.BotFramework.Tests.DirectLine;

public sealed class DirectLineSettingsTests
{
    private static string ShippedSettings => Path.Combine(
        typeof(DirectLineSettingsTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value!,
        "appsettings.json");

    [Fact]
    public async Task ShippedSettingsGiveThirtyMinuteTokensAndNoCrossSiteAccess()
    {
        await using var server = await DirectLineServer.StartAsync(jsonFile: ShippedSettings);
        using var client = server.Client();
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/v3/directline/conversations");
        preflight.Headers.Add("Origin", "https://any-site.example");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");

        var token = await client.FetchTokenAsync();
        using var response = await http.SendAsync(preflight);

        Assert.Equal(1800, (int)token["expires_in"]!);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task AWildcardOriginIsNeverHonoured()
    {
        await using var server = await DirectLineServer.StartAsync(new() { ["DirectLine:AllowedOrigins:0"] = "*" });
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/directline/token");
        preflight.Headers.Add("Origin", "https://any-site.example");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");

        using var response = await http.SendAsync(preflight);

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task ImpossibleLimitStopsStartUpInsteadOfTheFirstRequest()
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            DirectLineServer.StartAsync(new() { ["DirectLine:MaxActivityBytes"] = "10" }));

        Assert.Contains("MaxActivityBytes", failure.Message);
    }

    [Fact]
    public async Task AShortOrGarbledSigningKeyStopsStartUp()
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            DirectLineServer.StartAsync(new() { ["DirectLine:TokenSigningKey"] = Convert.ToBase64String(new byte[16]) }));

        Assert.Contains("TokenSigningKey", failure.Message);
    }

    [Fact]
    public async Task TokensSignedWithTheConfiguredKeySurviveARestart()
    {
        var settings = new Dictionary<string, string?> { ["DirectLine:TokenSigningKey"] = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray()) };
        string token;
        await using (var first = await DirectLineServer.StartAsync(settings))
        {
            using var client = first.Client();
            token = (string)(await client.FetchTokenAsync())["token"]!;
        }

        await using var second = await DirectLineServer.StartAsync(settings);
        using var again = second.Client();
        again.Token = token;
        using var started = await again.StartAsync();

        Assert.Equal(System.Net.HttpStatusCode.Created, started.StatusCode);
    }
}
