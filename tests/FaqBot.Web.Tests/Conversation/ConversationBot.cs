using FaqBot.Knowledge.Feedback;
using FaqBot.Knowledge.Search;
using FaqBot.Web.Tests.Teams;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace FaqBot.Web.Tests.Conversation;

/// <summary>The real bot on a loopback port with test clinic details; each test talks in a conversation of its own.</summary>
public sealed class ConversationBot : IAsyncLifetime
{
    public const string Phone = "+1 555 0199";
    public const string Emergency = "112";
    public const string Crisis = "Test Crisis Line 0800 111";
    public const string Booking = "https://clinic.example/book";
    public const string HashKey = "conversation-tests-key";

    public BotServer Server { get; private set; } = null!;

    public IPassageSearcher Searcher => Server.Services.GetRequiredService<IPassageSearcher>();

    public string FeedbackPath => Path.Combine(Server.DataFolder, "feedback.db");

    public async Task InitializeAsync() => Server = await BotServer.StartAsync(new Dictionary<string, string?>
    {
        ["Clinic:Phone"] = Phone,
        ["Clinic:EmergencyNumber"] = Emergency,
        ["Clinic:CrisisLine"] = Crisis,
        ["Clinic:BookingUrl"] = Booking,
        ["Feedback:HashKey"] = HashKey,
        // Long enough that no typing indicator interleaves with the replies these tests read.
        ["Conversation:TypingDelay"] = "00:00:05",
    });

    public async Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        await Server.DisposeAsync();
    }

    internal BotChat NewChat() => new(Server.Http);

    /// <summary>Rows of one conversation, found through the keyed hash the bot stores instead of the id.</summary>
    internal List<Dictionary<string, object?>> Rows(string table, BotChat chat)
    {
        var conversation = new IdHasher(HashKey).Hash($"webchat|{chat.ConversationId}");
        using var connection = new SqliteConnection($"Data Source={FeedbackPath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM {table} WHERE conversation = $c ORDER BY id";
        command.Parameters.AddWithValue("$c", conversation);
        using var reader = command.ExecuteReader();
        var rows = new List<Dictionary<string, object?>>();
        while (reader.Read())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName, i => reader.IsDBNull(i) ? null : reader.GetValue(i)));
        }

        return rows;
    }
}
