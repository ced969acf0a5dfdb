using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using FaqBot.Knowledge.Answering;
using FaqBot.Knowledge.Feedback;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace FaqBot.Web.Tests.Staff;

/// <summary>
/// The real bot with its staff console on Kestrel, over a copy of the bundled knowledge (so hiding a passage touches no
/// other test) and a feedback file seeded with a few days of patients' questions and votes.
/// </summary>
public sealed class StaffServer : IAsyncDisposable
{
    public const string HashKey = "staff-tests-key";

    /// <summary>A passage of the bundled knowledge the seeded answers and votes are about.</summary>
    public const string Passage = "verywell-microneedling-overview/procedure/1";
    public const string FormulaQuestion = "=HYPERLINK(\"http://evil.example\",\"click\") do you do tattoo removal?";

    private readonly string folder = Directory.CreateTempSubdirectory("faqbot-staff-").FullName;
    private readonly Factory factory;

    private StaffServer(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? services)
    {
        var all = new Dictionary<string, string?>
        {
            ["Knowledge:Path"] = KnowledgeFolder,
            ["Knowledge:IndexPath"] = Path.Combine(folder, "faqbot-index"),
            ["Feedback:Path"] = FeedbackPath,
            ["Feedback:HashKey"] = HashKey,
        };
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        factory = new Factory(all, services);
    }

    public string KnowledgeFolder => Path.Combine(folder, "knowledge");

    public string FeedbackPath => Path.Combine(folder, "feedback.db");

    /// <summary>The loopback address, e.g. http://127.0.0.1:1234.</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>The same server at this machine's network address, when asked for: a caller that is not loopback.</summary>
    public Uri? NetworkAddress { get; private set; }

    public IServiceProvider Services => factory.Services;

    /// <param name="network">Also listen on this machine's first non-loopback IPv4 address.</param>
    /// <param name="knowledge">Changes the copy of the knowledge folder before the bot starts.</param>
    /// <param name="services">Replaces or adds services, e.g. a logger provider that records.</param>
    public static StaffServer Start(IReadOnlyDictionary<string, string?>? settings = null, bool network = false, Action<string>? knowledge = null,
        Action<IServiceCollection>? services = null)
    {
        var server = new StaffServer(settings ?? new Dictionary<string, string?>(), services);
        CopyKnowledge(Path.Combine(AppContext.BaseDirectory, "knowledge"), server.KnowledgeFolder);
        knowledge?.Invoke(server.KnowledgeFolder);
        Seed(server.FeedbackPath);
        var address = network ? NetworkIPv4() : null;
        server.factory.UseKestrel(options =>
        {
            options.Listen(IPAddress.Loopback, 0);
            if (address is not null)
            {
                options.Listen(address, 0);
            }
        });
        server.factory.StartServer();
        var addresses = server.factory.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses
            .Select(a => new Uri(a)).ToList();
        server.Address = addresses.Single(a => a.IsLoopback);
        server.NetworkAddress = addresses.SingleOrDefault(a => !a.IsLoopback);
        return server;
    }

    /// <summary>Three days of use: answers, declines and urgent messages, unanswered questions, helpful and not helpful votes.</summary>
    private static void Seed(string path) => SeedAsync(path).GetAwaiter().GetResult();

    // Written as the bot writes: through its writer, which the stop drains.
    private static async Task SeedAsync(string path)
    {
        using var database = new SqliteFeedbackDatabase(path);
        database.CreateSchema();
        using var store = new FeedbackWriter(database, new IdHasher(HashKey), TimeProvider.System);
        await store.StartAsync(CancellationToken.None);
        for (var i = 0; i < 5; i++)
        {
            store.RecordDecision(new DecisionEvent(DecisionKind.Answer, Passage, 0.8, null, false));
        }

        store.RecordDecision(new DecisionEvent(DecisionKind.Abstain, null, 0.1, null, false));
        store.RecordDecision(new DecisionEvent(DecisionKind.Urgent, null, null, "bleeding", false));
        await store.RecordUnansweredAsync("Do you have parking?", "c1", 0.1);
        await store.RecordUnansweredAsync("parking - do you have any", "c2", 0.1);
        await store.RecordUnansweredAsync(FormulaQuestion, "c3", 0.05);
        await store.RecordFeedbackAsync(new FeedbackEntry(Passage, DecisionKind.Answer, 0.8, true, null, "c4", "u4", "does microneedling hurt"));
        await store.RecordFeedbackAsync(new FeedbackEntry(Passage, DecisionKind.Answer, 0.8, false, null, "c5", "u5", "is microneedling safe for me? call 555 010 0199"));
        await store.RecordReasonAsync(Passage, "c5", "u5", "It did not answer my question");
        await store.StopAsync(CancellationToken.None);
    }

    private static void CopyKnowledge(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static IPAddress NetworkIPv4() =>
        NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a))
        ?? throw new InvalidOperationException("This machine has no non-loopback IPv4 address to call the console from.");

    public async ValueTask DisposeAsync()
    {
        await factory.DisposeAsync();
        SqliteConnection.ClearAllPools();
        await TempFolders.DeleteAsync(folder);
    }

    private sealed class Factory(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? services) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }

            if (services is not null)
            {
                builder.ConfigureTestServices(services);
            }
        }
    }
}
