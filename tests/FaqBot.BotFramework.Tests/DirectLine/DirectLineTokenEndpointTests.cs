using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace FaqBot.BotFramework.Tests.DirectLine;

public sealed class DirectLineTokenEndpointTests
{
    [Fact]
    public async Task SelfHostedTokenComesWithItsUserOurDomainAndAConversationItStarts()
    {
        await using var server = await DirectLineServer.StartAsync();
        using var client = server.Client();

        var body = await client.FetchTokenAsync();
        using var started = await client.StartAsync();

        Assert.StartsWith("dl_", (string?)body["userId"]);
        Assert.Equal(1800, (int)body["expires_in"]!);
        Assert.Equal(server.Domain, (string?)body["domain"]);
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        Assert.Equal((string?)body["conversationId"], client.ConversationId);
    }

    [Fact]
    public async Task BehindAProxyThePublicUrlIsTheDomainAndItsOriginIsTheBotsOwnPage()
    {
        await using var server = await DirectLineServer.StartAsync(new() { ["DirectLine:PublicBaseUrl"] = "https://chat.clinic.example/v3/directline/" });
        using var page = server.Client("https://chat.clinic.example");

        var body = await page.FetchTokenAsync();

        Assert.Equal("https://chat.clinic.example/v3/directline", (string?)body["domain"]);
    }

    [Fact]
    public async Task EveryVisitorGetsADifferentUserAndConversation()
    {
        await using var server = await DirectLineServer.StartAsync();
        using var client = server.Client();

        var first = await client.FetchTokenAsync();
        var second = await client.FetchTokenAsync();

        Assert.NotEqual((string?)first["userId"], (string?)second["userId"]);
        Assert.NotEqual((string?)first["conversationId"], (string?)second["conversationId"]);
    }

    [Fact]
    public async Task AzureModeExchangesTheSecretServerSideAndNeverReturnsIt()
    {
        await using var azure = await FakeAzureDirectLine.StartAsync();
        await using var server = await DirectLineServer.StartAsync(new()
        {
            ["DirectLine:Secret"] = "azure-secret-value",
            ["DirectLine:AzureBaseUrl"] = azure.BaseUrl,
        });
        using var client = server.Client();

        using var response = await client.Http.PostAsync("/api/directline/token", null);
        var text = await response.Content.ReadAsStringAsync();
        var body = JsonNode.Parse(text)!.AsObject();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Bearer azure-secret-value", azure.Authorization);
        Assert.DoesNotContain("azure-secret-value", text);
        Assert.Equal("azure-token-xyz", (string?)body["token"]);
        Assert.Equal("AzConv-1", (string?)body["conversationId"]);
        Assert.Equal(3600, (int)body["expires_in"]!);
        Assert.Equal(azure.BaseUrl, (string?)body["domain"]);
        Assert.StartsWith("dl_", (string?)body["userId"]);
        Assert.Equal((string?)body["userId"], (string?)azure.Body!["user"]!["id"]);
    }

    [Fact]
    public async Task AzureRefusingTheSecretGivesThePageAClear502()
    {
        await using var azure = await FakeAzureDirectLine.StartAsync();
        azure.Status = 403;
        await using var server = await DirectLineServer.StartAsync(new()
        {
            ["DirectLine:Secret"] = "revoked-secret",
            ["DirectLine:AzureBaseUrl"] = azure.BaseUrl,
        });
        using var client = server.Client();

        using var response = await client.Http.PostAsync("/api/directline/token", null);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("DirectLineUnavailable", await DirectLineClient.ErrorCodeAsync(response));
        Assert.DoesNotContain("revoked-secret", await response.Content.ReadAsStringAsync());
    }
}
