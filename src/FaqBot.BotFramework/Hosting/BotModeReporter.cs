using FaqBot.BotFramework.Auth;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FaqBot.BotFramework.Hosting;

/// <summary>Says at start-up which authentication mode the bot runs in, so nobody ships the development mode by accident.</summary>
internal sealed partial class BotModeReporter(
    IOptions<BotCredentials> credentials,
    IOptions<BotFrameworkOptions> options,
    IHostEnvironment environment,
    ChannelTokenValidator validator,
    ILogger<BotModeReporter> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var bot = credentials.Value;
        if (bot.AuthenticationEnabled)
        {
            Log.Authenticated(logger, bot.AppType!.Value.ToString(), bot.AppId);
            validator.WarmUp();
        }
        else if (options.Value.AllowAnonymousRemoteCallers)
        {
            Log.OpenToRemoteCallers(logger, environment.EnvironmentName, options.Value.AllowedServiceUrls.Count);
        }
        else if (environment.IsDevelopment())
        {
            Log.Open(logger, options.Value.AllowedServiceUrls.Count);
        }
        else
        {
            Log.OpenOutsideDevelopment(logger, environment.EnvironmentName, options.Value.AllowedServiceUrls.Count);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static partial class Log
    {
        [LoggerMessage(500, LogLevel.Information, "Bot Framework authentication ON ({AppType}, MicrosoftAppId {AppId}): every /api/messages request needs a valid channel token")]
        public static partial void Authenticated(ILogger logger, string appType, string appId);

        [LoggerMessage(501, LogLevel.Information, "Bot Framework authentication OFF (no MicrosoftAppId): /api/messages answers loopback callers only (the Emulator on this machine); replies go only to loopback serviceUrls and {AllowListed} allow-listed prefixes")]
        public static partial void Open(ILogger logger, int allowListed);

        [LoggerMessage(502, LogLevel.Warning, "Bot Framework authentication OFF in {Environment} (no MicrosoftAppId): /api/messages answers loopback callers only, channels cannot reach this bot; replies go only to loopback serviceUrls and {AllowListed} allow-listed prefixes")]
        public static partial void OpenOutsideDevelopment(ILogger logger, string environment, int allowListed);

        [LoggerMessage(503, LogLevel.Warning, "Bot Framework authentication OFF in {Environment} (no MicrosoftAppId) and AllowAnonymousRemoteCallers is on: /api/messages answers anonymous callers from any address; replies go only to loopback serviceUrls and {AllowListed} allow-listed prefixes")]
        public static partial void OpenToRemoteCallers(ILogger logger, string environment, int allowListed);
    }
}
