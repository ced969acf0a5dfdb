using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace FaqBot.BotFramework.Tests.Auth;

/// <summary>A loopback port that accepts every connection and never answers: a hung OpenID metadata endpoint.</summary>
public sealed class SilentServer : IDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly ConcurrentBag<Socket> held = [];
    private int connections;

    public SilentServer()
    {
        listener.Start();
        _ = AcceptAsync();
    }

    public string Url => $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/v1/.well-known/openidconfiguration";
    /// <summary>Each connection is one outbound fetch attempt by the bot.</summary>
    public int Connections => Volatile.Read(ref connections);

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                held.Add(await listener.AcceptSocketAsync());
                Interlocked.Increment(ref connections);
            }
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // Stopped.
        }
    }

    public void Dispose()
    {
        listener.Stop();
        foreach (var socket in held)
        {
            socket.Dispose();
        }
    }
}
