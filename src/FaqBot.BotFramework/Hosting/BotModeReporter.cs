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
    ILogger<BotModeReporter> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var bot = credentials.Value;
        if (bot.AuthenticationEnabled)
        {
            Log.Authenticated(logger, bot.AppType!.Value.ToString(), bot.AppId);
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

        [LoggerMessage(501, LogLevel.Information, "Bot Framework authentication OFF (no MicrosoftAppId): for the Emulator and local development; replies go only to loopback serviceUrls and {AllowListed} allow-listed prefixes")]
        public static partial void Open(ILogger logger, int allowListed);

        [LoggerMessage(502, LogLevel.Warning, "Bot Framework authentication OFF in {Environment} (no MicrosoftAppId): channels cannot reach this bot; replies go only to loopback serviceUrls and {AllowListed} allow-listed prefixes")]
        public static partial void OpenOutsideDevelopment(ILogger logger, string environment, int allowListed);
    }
}
