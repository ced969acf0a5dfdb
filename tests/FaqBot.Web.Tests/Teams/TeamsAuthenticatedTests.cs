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
    private FakeBotFrameworkLogin login = null!;

    protected override IReadOnlyDictionary<string, string?> Settings => login.BotSettings;

    [Fact]
    public async Task AnAuthenticatedChannelQuestionIsAnsweredInItsThreadWithTheBotsToken()
    {
        using var response = await SendAsync(Teams.ChannelMessage("1741101010001", "1741101010001", "What is microneedling?"), login.ChannelToken(Channel.ServiceUrl));
        var answer = (await Channel.WaitForMessagesAsync(1))[0];

        Assert.True(response.IsSuccessStatusCode);
        Assert.Equal(ReplyPath(TeamsPayloads.ChannelThread("1741101010001"), "1741101010001"), answer.RawTarget);
        Assert.Equal($"Bearer {FakeBotFrameworkLogin.BotToken}", answer.Authorization);
        AssertTeamsCanShow(answer);
    }

    [Fact]
    public async Task AnActivityWithoutAChannelTokenIsRejectedAndNothingIsSent()
    {
        using var response = await SendAsync(Teams.ChannelMessage("1741101010002", "1741101010002", "What is microneedling?"), token: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(await Channel.MessagesAfterQuietAsync(TimeSpan.FromMilliseconds(500)));
    }

    [Fact]
    public async Task ATokenIssuedForAnotherServiceUrlCannotRedirectTheBotsReply()
    {
        // A genuine token, replayed on an activity whose serviceUrl points elsewhere: the bot must not follow it.
        var token = login.ChannelToken("https://smba.trafficmanager.net/amer/");

        using var response = await SendAsync(Teams.ChannelMessage("1741101010003", "1741101010003", "What is microneedling?"), token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(await Channel.MessagesAfterQuietAsync(TimeSpan.FromMilliseconds(500)));
    }

    protected override async Task BeforeBotStartsAsync() => login = await FakeBotFrameworkLogin.StartAsync();

    protected override async Task AfterBotStopsAsync() => await login.DisposeAsync();

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<IBotTokenProvider>(login);

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
