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

        // "slow" waits until the test releases it, which it never does here; the browser gives up while the bot works
        // (it navigated away, the tab closed).
        using var post = new HttpRequestMessage(HttpMethod.Post, $"{server.Domain}/conversations/{client.ConversationId}/activities")
        {
            Content = JsonContent.Create(new { type = "message", text = "slow", from = new { id = "user" } }),
        };
        post.Headers.Authorization = new AuthenticationHeaderValue("Bearer", client.Token);
        using var abandon = new CancellationTokenSource();
        var sending = client.Http.SendAsync(post, abandon.Token);
        await server.Bot.SlowStarted.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await abandon.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sending);

        // The turn's own end: cancelled, it can no longer echo (a turn left running would wait here until the timeout).
        await server.Bot.SlowCancelled.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var (activities, _) = await client.GetActivitiesAsync();
        Assert.Contains(activities, a => (string?)a["text"] == "slow");
        Assert.DoesNotContain(activities, a => (string?)a["text"] == "echo: slow");
    }
}
