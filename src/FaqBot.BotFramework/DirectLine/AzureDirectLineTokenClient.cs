using System.Net.Http.Headers;
using System.Net.Http.Json;
using FaqBot.BotFramework.Activities;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FaqBot.BotFramework.DirectLine;

/// <summary>Azure mode: trades the Direct Line secret for a conversation token server-side, so the secret never reaches a browser.</summary>
public sealed class AzureDirectLineTokenClient(HttpClient http, IOptions<DirectLineOptions> options, ILogger<AzureDirectLineTokenClient> logger)
{
    /// <summary>Returns the token Azure issued for <paramref name="userId"/>, or null when Azure refused or failed.</summary>
    public async Task<Conversation?> GenerateAsync(string userId, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, settings.AzureBaseUrl.TrimEnd('/') + "/tokens/generate")
        {
            // Binding the user in the token makes Azure stamp from.id itself; the browser cannot pick another identity.
            Content = JsonContent.Create(new TokenParameters(new ChannelAccount { Id = userId })),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.Secret);

        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                Log.AzureTokenFailed(logger, (int)response.StatusCode);
                return null;
            }

            var conversation = await response.Content.ReadFromJsonAsync<Conversation>(cancellationToken);
            return string.IsNullOrEmpty(conversation?.Token) ? null : conversation;
        }
        catch (Exception e) when (e is HttpRequestException or System.Text.Json.JsonException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            // Azure unreachable or answering nonsense: the page gets a clear 502, never a half-made token.
            Log.AzureTokenFailed(logger, 0);
            return null;
        }
    }
}
