using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace FaqBot.BotFramework.Tests.DirectLine;

/// <summary>A browser that hangs up before its message was answered has abandoned the turn: the work stops.</summary>
public sealed class AbandonedTurnTests : IAsyncLifetime
{
    private DirectLineServer server = null!;

    public async Task InitializeAsync() => server = await DirectLineServer.StartAsync();

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task ATurnWhosePostWasAbortedIsCancelledAndSendsNothing()
    {
        using var client = server.Client();
        (await client.StartAsync()).Dispose();
        await client.PollUntilAsync(a => a.Count == 1);

        // "slow" takes 2 s before its echo; the browser gives up after 300 ms (it navigated away, the tab closed).
        using var post = new HttpRequestMessage(HttpMethod.Post, $"{server.Domain}/conversations/{client.ConversationId}/activities")
        {
            Content = JsonContent.Create(new { type = "message", text = "slow", from = new { id = "user" } }),
        };
        post.Headers.Authorization = new AuthenticationHeaderValue("Bearer", client.Token);
        using var abandon = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.Http.SendAsync(post, abandon.Token));

        await Task.Delay(TimeSpan.FromSeconds(3));
        var (activities, _) = await client.GetActivitiesAsync();
        Assert.Contains(activities, a => (string?)a["text"] == "slow");
        Assert.DoesNotContain(activities, a => (string?)a["text"] == "echo: slow");
    }
}
