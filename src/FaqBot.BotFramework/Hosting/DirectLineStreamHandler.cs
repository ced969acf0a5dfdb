using System.Net.WebSockets;
using System.Text;
using FaqBot.BotFramework.DirectLine;
using Microsoft.AspNetCore.Http;

namespace FaqBot.BotFramework.Hosting;

// The WebSocket streamUrl: backlog after the URL's watermark, then each new ActivitySet as one text frame.
internal static class DirectLineStreamHandler
{
    public static async Task<IResult> StreamAsync(HttpContext context, string conversationId, string? t, string? watermark,
        DirectLineTokens tokens, DirectLineConversations conversations)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            return DirectLineResults.Error(StatusCodes.Status400BadRequest, "BadArgument", "The stream URL needs a WebSocket upgrade.");
        }

        if (string.IsNullOrEmpty(t))
        {
            return DirectLineResults.MissingAuthorization();
        }

        var check = await tokens.CheckStreamAsync(t);
        if (!check.IsValid)
        {
            return DirectLineResults.Refused(check);
        }

        if (!string.Equals(check.ConversationId, conversationId, StringComparison.Ordinal))
        {
            return DirectLineResults.OtherConversation();
        }

        if (conversations.Find(conversationId) is not { } conversation)
        {
            return DirectLineResults.UnknownConversation();
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var subscription = conversation.Subscribe(DirectLineRequest.ParseWatermark(watermark));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        try
        {
            var receiving = DrainAsync(socket, stop.Token);
            var sending = SendAsync(socket, subscription, stop.Token);
            await Task.WhenAny(receiving, sending);
            await stop.CancelAsync();
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                // "collision" tells a client that a newer socket for the same conversation took over.
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, subscription.EndReason ?? "closed", CancellationToken.None);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // The client went away; it reconnects with its watermark and loses nothing.
        }
        finally
        {
            conversation.Unsubscribe(subscription);
        }

        return Results.Empty;
    }

    private static async Task SendAsync(WebSocket socket, StreamSubscription subscription, CancellationToken cancellationToken)
    {
        await foreach (var frame in subscription.Frames.ReadAllAsync(cancellationToken))
        {
            await socket.SendAsync(Encoding.UTF8.GetBytes(frame), WebSocketMessageType.Text, true, cancellationToken);
        }
    }

    // Clients send only empty keep-alive frames (Direct Line JS pings every 20 s); they are read and ignored until close.
    private static async Task DrainAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[1024];
        while (!cancellationToken.IsCancellationRequested)
        {
            var result = await socket.ReceiveAsync(buffer, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return;
            }
        }
    }
}
