using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FaqBot.Web.Tests.Scaling;

/// <summary>One instance of the real bot (Program) on a loopback port, sharing state through the given Redis.</summary>
internal sealed class ScaledBot : IAsyncDisposable
{
    /// <summary>The key every instance of one deployment shares (DirectLine:TokenSigningKey).</summary>
    public static readonly string SigningKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private readonly string dataFolder = Directory.CreateTempSubdirectory("faqbot-scaled-").FullName;
    private readonly Factory factory;
    private bool disposed;

    private ScaledBot(string redis, string? signingKey)
    {
        factory = new Factory(new Dictionary<string, string?>
        {
            ["Knowledge:IndexPath"] = Path.Combine(dataFolder, "faqbot-index"),
            ["Feedback:Path"] = Path.Combine(dataFolder, "feedback.db"),
            ["ConnectionStrings:Redis"] = redis,
            ["DirectLine:TokenSigningKey"] = signingKey,
            // Replies only, so the tests can count them: no typing indicator interleaves.
            ["Conversation:TypingDelay"] = "00:00:05",
        });
    }

    public Uri Address { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public IServiceProvider Services => factory.Services;

    /// <summary>Errors the instance logged, for a failing test's message.</summary>
    public string ErrorLog => string.Join(Environment.NewLine, factory.Log.Entries.Where(e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Error).Select(e => e.Message));

    /// <summary>Every line the instance logged, at any level.</summary>
    public IEnumerable<string> Logged => factory.Log.Entries.Select(e => e.Message);

    public static ScaledBot Start(string redis, string? signingKey = "")
    {
        var bot = new ScaledBot(redis, signingKey == "" ? SigningKey : signingKey);
        bot.factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        bot.factory.StartServer();
        var addresses = bot.factory.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
        bot.Address = new Uri(addresses.Addresses.First());
        bot.Http = new HttpClient { BaseAddress = bot.Address, Timeout = TimeSpan.FromSeconds(30) };
        return bot;
    }

    /// <summary>Stops the instance, open sockets and all, as a deploy or a crash would.</summary>
    public async ValueTask DisposeAsync()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        Http.Dispose();
        await factory.DisposeAsync();
        await TempFolders.DeleteAsync(dataFolder);
    }

    private sealed class Factory(IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<Program>
    {
        public RecordingLoggerProvider Log { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseShutdownTimeout(TimeSpan.FromSeconds(1));
            builder.ConfigureLogging(logging => logging.AddProvider(Log));
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        }
    }
}
