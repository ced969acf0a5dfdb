using FaqBot.BotFramework.DirectLine;
using FaqBot.Web.Conversation;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FaqBot.Web.Scaling;

/// <summary>
/// Several instances behind one load balancer: with <c>ConnectionStrings:Redis</c> set, Direct Line conversations,
/// conversation memory, used stream URLs and data-protection keys (the staff sign-in cookie) live in Redis. Without
/// it nothing here is registered and the bot keeps everything in process, as one server should.
/// </summary>
public static class SharedStateServiceExtensions
{
    public const string ConnectionName = "Redis";

    public static WebApplicationBuilder AddSharedState(this WebApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString(ConnectionName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return builder;
        }

        var services = builder.Services;
        var redis = new RedisConnection(connectionString);
        services.AddSingleton(redis);
        services.Replace(ServiceDescriptor.Singleton<IDirectLineStore, RedisDirectLineStore>());
        services.Replace(ServiceDescriptor.Singleton<IUsedStreamTokens, RedisUsedStreamTokens>());
        services.Replace(ServiceDescriptor.Singleton<IConversationStateStore, RedisConversationStateStore>());

        // A token signed by one instance must be accepted by every other: a random per-process key cannot be.
        services.AddOptions<DirectLineOptions>().Validate(
            o => !string.IsNullOrWhiteSpace(o.TokenSigningKey) || !string.IsNullOrWhiteSpace(o.Secret),
            "ConnectionStrings:Redis is set, so several instances share conversations and must sign Direct Line tokens with one key: " +
            "set DirectLine:TokenSigningKey (base64 of at least 32 random bytes, e.g. `openssl rand -base64 32`) to the same value on every instance.");

        // The staff sign-in cookie is encrypted with these keys; shared, a cookie from one instance opens the console on all.
        services.AddDataProtection()
            .SetApplicationName("FaqBot")
            .PersistKeysToStackExchangeRedis(() => redis.Database, RedisConnection.Prefix + "data-protection-keys");

        services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis", tags: ["ready"]);
        services.AddHostedService<SharedStateAnnouncement>();
        return builder;
    }

    // One line at start, so an operator sees the instance is on shared state and which Redis it uses (no password).
    private sealed class SharedStateAnnouncement(RedisConnection redis, ILogger<SharedStateAnnouncement> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            Log.SharedStateOn(logger, string.Join(", ", redis.Multiplexer.GetEndPoints().Select(e => e.ToString())));
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
