using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using FaqBot.BotFramework.Auth;
using Microsoft.Extensions.DependencyInjection;

namespace FaqBot.Web.Tests.Teams;

/// <summary>Teams as in production: the App ID configured and every activity carrying a Bot Framework channel token.</summary>
public sealed class TeamsAuthenticatedTests : TeamsTestBed
{
    private const string AppId = "6c1e0f4b-9a7d-4e2c-b8a3-5d2f1e0c9b7a";
    private readonly FakeBotTokenProvider botTokens = new();
    private FakeLoginServer login = null!;

    // A single-tenant bot as in production; its password goes unused because botTokens stands in for MSAL.
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["MicrosoftAppType"] = "SingleTenant",
        ["MicrosoftAppId"] = AppId,
        ["MicrosoftAppPassword"] = "not-used-the-token-provider-is-faked",
        ["MicrosoftAppTenantId"] = "2b8e6d4c-0a1f-4e3b-9c7d-8f6e5d4c3b2a",
        ["BotFramework:ToBotFromChannelOpenIdMetadataUrl"] = login.ChannelMetadataUrl,
    };

    [Fact]
    public async Task AnAuthenticatedChannelQuestionIsAnsweredInItsThreadWithTheBotsToken()
    {
        using var response = await SendAsync(Teams.ChannelMessage("1741101010001", "1741101010001", "What is microneedling?"), ChannelToken(Channel.ServiceUrl));
        var answer = (await Channel.WaitForMessagesAsync(1))[0];

        Assert.True(response.IsSuccessStatusCode);
        Assert.Equal(ReplyPath(TeamsPayloads.ChannelThread("1741101010001"), "1741101010001"), answer.RawTarget);
        Assert.Equal($"Bearer {FakeBotTokenProvider.Token}", answer.Authorization);
        AssertTeamsCanShow(answer);
    }

    [Fact]
    public async Task AnActivityWithoutAChannelTokenIsRejectedAndNothingIsSent()
    {
        using var response = await SendAsync(Teams.ChannelMessage("1741101010002", "1741101010002", "What is microneedling?"), token: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(await MessagesOnceTurnsEndAsync());
    }

    [Fact]
    public async Task ATokenIssuedForAnotherServiceUrlCannotRedirectTheBotsReply()
    {
        // A genuine token, replayed on an activity whose serviceUrl points elsewhere: the bot must not follow it.
        var token = ChannelToken("https://smba.trafficmanager.net/amer/");

        using var response = await SendAsync(Teams.ChannelMessage("1741101010003", "1741101010003", "What is microneedling?"), token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(await MessagesOnceTurnsEndAsync());
    }

    protected override async Task BeforeBotStartsAsync() => login = await FakeLoginServer.StartAsync();

    protected override async Task AfterBotStopsAsync() => await login.DisposeAsync();

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<IBotTokenProvider>(botTokens);

    /// <summary>A token as the Bot Framework signs it for Teams (with a key endorsed for msteams): audience = App ID, the activity's serviceUrl.</summary>
    private string ChannelToken(string serviceUrl) => TestTokens.Channel(login.TeamsOnlyKey.Credentials(), serviceUrl, audience: AppId);

    private async Task<HttpResponseMessage> SendAsync(JsonObject activity, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await Bot.Http.SendAsync(request);
    }
}
