using FaqBot.BotFramework.DirectLine;
using FaqBot.BotFramework.Turns;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FaqBot.BotFramework.Hosting;

/// <summary>Registers the self-hosted Direct Line: options, token signing, conversation store, CORS and rate limits.</summary>
public static class DirectLineServiceExtensions
{
    public const string CorsPolicy = "DirectLine";

    public static IHostApplicationBuilder AddDirectLine(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<DirectLineOptions>().BindConfiguration(DirectLineOptions.SectionName).ValidateDataAnnotations()
            .Validate(o => IsSigningKey(o.TokenSigningKey), "DirectLine:TokenSigningKey must be empty or base64 of at least 32 bytes.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<DirectLineTokens>();
        services.AddSingleton<UsedStreamTokens>();
        services.TryAddSingleton<IUsedStreamTokens>(sp => sp.GetRequiredService<UsedStreamTokens>());
        services.AddSingleton<DirectLineConversations>();
        // The seam a shared store (Redis) replaces; in process by default.
        services.TryAddSingleton<IDirectLineStore>(sp => sp.GetRequiredService<DirectLineConversations>());
        // Turns run through the same pipeline and dispatcher as /api/messages (registered once, whichever Add… comes first).
        services.AddTurns();
        services.AddSingleton<DirectLineChannel>();
        services.AddDirectLineRateLimits();
        services.AddSingleton<DirectLineMount>();
        services.AddSingleton<DirectLineUrls>();
        services.AddSingleton<DirectLineStreams>();
        services.AddHttpClient<AzureDirectLineTokenClient>(http => http.Timeout = TimeSpan.FromSeconds(10));

        var origins = builder.Configuration.GetSection(DirectLineOptions.SectionName).GetSection(nameof(DirectLineOptions.AllowedOrigins)).Get<string[]>() ?? [];
        services.AddCors(cors => cors.AddPolicy(CorsPolicy, policy => policy
            // Exact clinic origins only: a wildcard would let any site mint tokens for our bot from a visitor's browser.
            .WithOrigins(origins.Where(o => o != "*").ToArray())
            .WithHeaders("Authorization", "Content-Type", "x-ms-bot-agent")
            .WithMethods("GET", "POST", "OPTIONS")));
        return builder;
    }

    private static bool IsSigningKey(string key)
    {
        var buffer = new byte[key.Length];
        return key.Length == 0 || (Convert.TryFromBase64String(key, buffer, out var length) && length >= 32);
    }
}
