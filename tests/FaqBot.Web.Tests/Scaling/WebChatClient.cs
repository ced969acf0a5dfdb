using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using FaqBot.TestSupport;

namespace FaqBot.Web.Tests.Scaling;

/// <summary>What Direct Line JS does for one patient, against whichever instance each call is sent to.</summary>
internal sealed class WebChatClient
{
    public string Token { get; private set; } = "";

    public string ConversationId { get; private set; } = "";

    public string StreamUrl { get; private set; } = "";

    /// <summary>Token from the page's endpoint and start, both on <paramref name="bot"/>.</summary>
    public async Task StartAsync(ScaledBot bot)
    {
        using var token = await bot.Http.PostAsync("/api/directline/token", null);
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        Token = (string)(await token.Content.ReadFromJsonAsync<JsonObject>())!["token"]!;
        using var start = await SendAsync(bot, HttpMethod.Post, "/v3/directline/conversations", new { locale = "en-US" });
        Assert.True(start.StatusCode == HttpStatusCode.Created, $"start answered {start.StatusCode}; the instance logged: {bot.ErrorLog}");
        var body = (await start.Content.ReadFromJsonAsync<JsonObject>())!;
        ConversationId = (string)body["conversationId"]!;
        StreamUrl = (string)body["streamUrl"]!;
    }

    /// <summary>Reconnect (GET /conversations/{id}?watermark=): a new stream URL from <paramref name="bot"/>.</summary>
    public async Task<HttpResponseMessage> ReconnectAsync(ScaledBot bot, string watermark)
    {
        var response = await SendAsync(bot, HttpMethod.Get, $"/v3/directline/conversations/{ConversationId}?watermark={watermark}");
        if (response.StatusCode == HttpStatusCode.OK)
        {
            StreamUrl = (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["streamUrl"]!;
        }

        return response;
    }

    public Task<HttpResponseMessage> PostAsync(ScaledBot bot, string text) =>
        SendAsync(bot, HttpMethod.Post, $"/v3/directline/conversations/{ConversationId}/activities",
            new { type = "message", text, from = new { id = "ignored" }, locale = "en-US" });

    /// <summary>Posts and expects the activity's id back (200).</summary>
    public async Task<string> SayAsync(ScaledBot bot, string text)
    {
        using var response = await PostAsync(bot, text);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"post answered {response.StatusCode}; the instance logged: {bot.ErrorLog}");
        return (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
    }

    public Task<HttpResponseMessage> GetActivitiesAsync(ScaledBot bot, string watermark = "") =>
        SendAsync(bot, HttpMethod.Get, $"/v3/directline/conversations/{ConversationId}/activities" + (watermark.Length > 0 ? $"?watermark={watermark}" : ""));

    /// <summary>Polls <paramref name="bot"/> until <paramref name="done"/> holds for the whole history (10 s at most).</summary>
    public async Task<List<JsonObject>> PollUntilAsync(ScaledBot bot, Func<List<JsonObject>, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            using var response = await GetActivitiesAsync(bot);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var activities = (await response.Content.ReadFromJsonAsync<JsonObject>())!["activities"]!.AsArray().Select(a => a!.AsObject()).ToList();
            if (done(activities) || DateTime.UtcNow > deadline)
            {
                return activities;
            }

            await Task.Delay(50);
        }
    }

    public async Task<HttpResponseMessage> SendAsync(ScaledBot bot, HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return await bot.Http.SendAsync(request);
    }
}

/// <summary>A Web Chat socket: collects every activity it is sent, in order, and the watermarks of the frames.</summary>
internal sealed class ChatSocket : IAsyncDisposable
{
    private readonly ClientWebSocket socket = new();
    private readonly List<JsonObject> activities = [];
    private readonly CancellationTokenSource stop = new();
    private Task reading = Task.CompletedTask;

    public static async Task<ChatSocket> ConnectAsync(string streamUrl)
    {
        var chat = new ChatSocket();
        await chat.socket.ConnectAsync(new Uri(streamUrl), CancellationToken.None);
        chat.reading = chat.ReadAsync();
        return chat;
    }

    public string LastWatermark { get; private set; } = "0";

    /// <summary>Waits until the socket has received an activity matching <paramref name="match"/> (10 s at most).</summary>
    public async Task<List<JsonObject>> WaitForAsync(Func<List<JsonObject>, bool> match)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var seen = Snapshot();
            if (match(seen) || DateTime.UtcNow > deadline || reading.IsCompleted)
            {
                return seen;
            }

            await Task.Delay(20);
        }
    }

    public List<JsonObject> Snapshot()
    {
        lock (activities)
        {
            return [.. activities];
        }
    }

    private async Task ReadAsync()
    {
        try
        {
            await foreach (var set in DirectLineFrames.ReadAsync(socket, stop.Token))
            {
                lock (activities)
                {
                    activities.AddRange(set["activities"]!.AsArray().Select(a => a!.DeepClone().AsObject()));
                    LastWatermark = (string)set["watermark"]!;
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // The instance went away; the client reconnects elsewhere.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await reading;
        socket.Dispose();
        stop.Dispose();
    }
}
