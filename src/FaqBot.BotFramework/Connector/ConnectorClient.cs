using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using FaqBot.BotFramework.Activities;
using FaqBot.BotFramework.Auth;
using FaqBot.BotFramework.Logging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace FaqBot.BotFramework.Connector;

/// <summary>Posts the bot's activities to a channel's Bot Connector; it logs every failure and never throws, so a slow or dead channel cannot take the bot down.</summary>
public sealed partial class ConnectorClient(
    IHttpClientFactory httpClientFactory,
    ServiceUrlPolicy policy,
    IOptions<BotFrameworkOptions> options,
    ILogger<ConnectorClient> logger,
    IBotTokenProvider? tokenProvider = null,
    TimeProvider? time = null)
{
    public const string HttpClientName = "BotConnector";

    // Retry waits and timeouts run on the host's clock, so a test can move it instead of sleeping through a Retry-After.
    private readonly ResiliencePipeline<HttpResponseMessage> resilience = ConnectorResilience.Build(options.Value, time);

    /// <summary>Sends <paramref name="activity"/> to the conversation at <paramref name="serviceUrl"/>; returns the channel's id for it, or null.</summary>
    public async Task<string?> SendAsync(Uri serviceUrl, bool serviceUrlAuthenticated, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(serviceUrl);
        ArgumentNullException.ThrowIfNull(activity);

        var conversationId = activity.Conversation?.Id;
        if (string.IsNullOrEmpty(conversationId))
        {
            Log.NoConversation(logger, LogText.Escape(activity.Type));
            return null;
        }

        var decision = policy.Decide(serviceUrl, serviceUrlAuthenticated);
        if (decision == OutboundDecision.Refuse)
        {
            Log.Refused(logger, LogText.Escape(serviceUrl.Host)!);
            Log.Conversation(logger, LogText.Escape(conversationId));
            return null;
        }

        try
        {
            var withToken = decision == OutboundDecision.SendWithToken;
            var url = ConnectorUrls.ForActivity(serviceUrl, conversationId, activity.ReplyToId);
            var body = JsonSerializer.SerializeToUtf8Bytes(activity, ProtocolJson.Options);

            var token = withToken ? await GetTokenAsync(forceRefresh: false, cancellationToken).ConfigureAwait(false) : null;
            var response = await PostAsync(url, body, token, cancellationToken).ConfigureAwait(false);
            if (withToken && response.StatusCode == HttpStatusCode.Unauthorized)
            {
                // The channel refused our token (revoked or rotated early): fetch a fresh one and try exactly once more.
                response.Dispose();
                token = await GetTokenAsync(forceRefresh: true, cancellationToken).ConfigureAwait(false);
                response = await PostAsync(url, body, token, cancellationToken).ConfigureAwait(false);
            }

            using var _ = response;
            if (!response.IsSuccessStatusCode)
            {
                Log.Rejected(logger, (int)response.StatusCode);
                Log.Conversation(logger, LogText.Escape(conversationId));
                return null;
            }

            Log.Sent(logger, LogText.Escape(conversationId), (int)response.StatusCode);
            return await ReadIdAsync(response, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Log.Failed(logger, ex.GetType().Name);
            Log.Conversation(logger, LogText.Escape(conversationId));
            return null;
        }
        catch (OperationCanceledException)
        {
            Log.Cancelled(logger);
            Log.Conversation(logger, LogText.Escape(conversationId));
            return null;
        }
    }

    private Task<HttpResponseMessage> PostAsync(Uri url, byte[] body, string? token, CancellationToken cancellationToken)
    {
        var client = httpClientFactory.CreateClient(HttpClientName);
        return resilience.ExecuteAsync(async ct =>
        {
            // A request message can be sent only once, so every attempt builds its own.
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            if (token is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }
            return await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
        }, cancellationToken).AsTask();
    }

    private async Task<string> GetTokenAsync(bool forceRefresh, CancellationToken cancellationToken)
    {
        if (tokenProvider is null)
        {
            throw new InvalidOperationException("An authenticated serviceUrl needs a bot token, but no token provider is registered.");
        }
        return await tokenProvider.GetTokenAsync(forceRefresh, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<string?> ReadIdAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        // Teams sometimes answers 2xx with an empty body; the id is then unknown, which is not an error.
        try
        {
            var resource = await response.Content.ReadFromJsonAsync<ResourceResponse>(ProtocolJson.Options, cancellationToken).ConfigureAwait(false);
            return resource?.Id;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(200, LogLevel.Debug, "Sent activity to conversation {ConversationId}: HTTP {Status}")]
        public static partial void Sent(ILogger logger, string? conversationId, int status);

        // Conversation ids are the caller's choice: above Debug they are left out, and this line follows with the id.
        [LoggerMessage(206, LogLevel.Debug, "(the line above was for conversation {ConversationId})")]
        public static partial void Conversation(ILogger logger, string? conversationId);

        [LoggerMessage(201, LogLevel.Warning, "The channel rejected an activity: HTTP {Status}")]
        public static partial void Rejected(ILogger logger, int status);

        [LoggerMessage(202, LogLevel.Warning, "Could not reach the channel: {Error}")]
        public static partial void Failed(ILogger logger, string error);

        [LoggerMessage(203, LogLevel.Warning, "Refused to post to unauthenticated serviceUrl host {Host}; add it to BotFramework:AllowedServiceUrls if it is yours")]
        public static partial void Refused(ILogger logger, string host);

        [LoggerMessage(204, LogLevel.Warning, "Dropped a {ActivityType} reply without a conversation id")]
        public static partial void NoConversation(ILogger logger, string? activityType);

        [LoggerMessage(205, LogLevel.Information, "Sending an activity to the channel was cancelled")]
        public static partial void Cancelled(ILogger logger);
    }
}
