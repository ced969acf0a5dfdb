using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FaqBot.BotFramework.Tests.DirectLine;

// Reads ActivitySet frames from a streamUrl the way Direct Line JS does (empty frames are keep-alives).
public sealed class SocketReader(ClientWebSocket socket) : IAsyncDisposable
{
    public ClientWebSocket Socket => socket;

    public static async Task<SocketReader> ConnectAsync(string streamUrl)
    {
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(streamUrl), CancellationToken.None);
        return new SocketReader(socket);
    }

    /// <summary>The next ActivitySet frame, or null when the server closed the socket.</summary>
    public async Task<JsonObject?> NextSetAsync(TimeSpan? wait = null)
    {
        using var timeout = new CancellationTokenSource(wait ?? TimeSpan.FromSeconds(5));
        var buffer = new byte[64 * 1024];
        while (true)
        {
            using var message = new MemoryStream();
            WebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer, timeout.Token);
                message.Write(buffer, 0, result.Count);
            }
            while (!result.EndOfMessage);

            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            if (message.Length > 0)
            {
                return JsonNode.Parse(Encoding.UTF8.GetString(message.ToArray()))!.AsObject();
            }
        }
    }

    /// <summary>Collects activities from frames until <paramref name="count"/> arrived.</summary>
    public async Task<List<JsonObject>> ActivitiesAsync(int count)
    {
        var activities = new List<JsonObject>();
        while (activities.Count < count)
        {
            var set = await NextSetAsync() ?? throw new InvalidOperationException("socket closed early");
            Assert.Equal(JsonValueKind.String, set["watermark"]!.GetValueKind());
            activities.AddRange(set["activities"]!.AsArray().Select(a => a!.AsObject()));
        }

        return activities;
    }

    public async ValueTask DisposeAsync()
    {
        if (socket.State == WebSocketState.Open)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            try { await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", timeout.Token); }
            catch (Exception e) when (e is OperationCanceledException or WebSocketException) { }
        }

        socket.Dispose();
    }
}
