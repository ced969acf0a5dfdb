using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FaqBot.BotFramework.Tests.DirectLine;

// What Direct Line JS does, as plain HTTP calls the tests can inspect.
public sealed class DirectLineClient(HttpClient http, string domain) : IDisposable
{
    public HttpClient Http => http;

    public string? Token { get; set; }

    public string? ConversationId { get; private set; }

    public string? StreamUrl { get; private set; }

    /// <summary>Asks the page's token endpoint for a token, as the browser does, and keeps it.</summary>
    public async Task<JsonObject> FetchTokenAsync()
    {
        using var response = await http.PostAsync("/api/directline/token", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Token = (string)body["token"]!;
        return body;
    }

    /// <summary>Fetches a token and starts the conversation; returns the start response.</summary>
    public async Task<HttpResponseMessage> StartAsync()
    {
        if (Token is null)
        {
            await FetchTokenAsync();
        }

        var response = await SendAsync(HttpMethod.Post, "/conversations", new { locale = "en-US" });
        if (response.IsSuccessStatusCode)
        {
            var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
            ConversationId = (string)body["conversationId"]!;
            StreamUrl = (string)body["streamUrl"]!;
        }

        return response;
    }

    public Task<HttpResponseMessage> PostMessageAsync(string text, string clientActivityId = "client-1", string? conversationId = null) =>
        SendAsync(HttpMethod.Post, $"/conversations/{conversationId ?? ConversationId}/activities", new
        {
            type = "message",
            text,
            from = new { id = "attacker-chosen", name = "Someone Else", role = "bot" },
            locale = "en-US",
            localTimestamp = "2026-11-22T10:15:00.123+01:00",
            channelData = new { clientActivityID = clientActivityId },
        });

    public async Task<(List<JsonObject> Activities, string Watermark)> GetActivitiesAsync(string? watermark = null, string? conversationId = null)
    {
        var query = watermark is null ? "" : $"?watermark={Uri.EscapeDataString(watermark)}";
        using var response = await SendAsync(HttpMethod.Get, $"/conversations/{conversationId ?? ConversationId}/activities{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var set = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return (set["activities"]!.AsArray().Select(a => a!.AsObject()).ToList(), (string)set["watermark"]!);
    }

    /// <summary>Polls until an activity matches, as Direct Line JS does once a second (here faster), for up to five seconds.</summary>
    public async Task<List<JsonObject>> PollUntilAsync(Func<List<JsonObject>, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (true)
        {
            var (activities, _) = await GetActivitiesAsync();
            if (done(activities) || DateTime.UtcNow > deadline)
            {
                return activities;
            }

            await Task.Delay(50);
        }
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body = null, string? token = null)
    {
        using var request = new HttpRequestMessage(method, domain + path);
        if ((token ?? Token) is { } bearer)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return await http.SendAsync(request);
    }

    public static async Task<string?> ErrorCodeAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("error").GetProperty("code").GetString();
    }

    public void Dispose() => http.Dispose();
}
