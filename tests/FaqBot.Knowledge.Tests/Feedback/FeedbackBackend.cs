using System.Data.Common;
using FaqBot.Knowledge.Feedback;
using FaqBot.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace FaqBot.Knowledge.Tests.Feedback;

public enum Backend
{
    Sqlite,
    Postgres,
}

/// <summary>One PostgreSQL server for every feedback test class (a database each test), started once, stopped at the end.</summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private PostgresServer? _server;

    public PostgresServer Server => _server ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync() => _server = await PostgresServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "feedback databases";
}

/// <summary>
/// A feedback database of either kind with its writer running, on a fake clock: the SQLite file in a temporary folder,
/// or a new database on the shared PostgreSQL server. The same behaviour tests run on both.
/// </summary>
public sealed class FeedbackBackend : IAsyncDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("faqbot-feedback-").FullName;
    private readonly List<FeedbackWriter> _writers = [];

    private FeedbackBackend(Backend kind, FakeTimeProvider time)
    {
        Kind = kind;
        Time = time;
    }

    public Backend Kind { get; }

    public FakeTimeProvider Time { get; }

    public IFeedbackDatabase Database { get; private set; } = null!;

    public string? ConnectionString { get; private set; }

    public string FilePath => Path.Combine(_folder, "nested", "feedback.db");

    public static async Task<FeedbackBackend> CreateAsync(Backend kind, PostgresFixture postgres, DateTimeOffset now, FeedbackLimits? limits = null, Action<FeedbackBackend>? beforeSchema = null)
    {
        var backend = new FeedbackBackend(kind, new FakeTimeProvider(now));
        if (kind == Backend.Postgres)
        {
            backend.ConnectionString = await postgres.Server.CreateDatabaseAsync();
        }

        beforeSchema?.Invoke(backend);
        backend.Database = backend.Open(limits);
        backend.Database.CreateSchema();
        return backend;
    }

    /// <summary>Another handle on the same rows, as a second process (or a restarted one) would open them.</summary>
    public IFeedbackDatabase Open(FeedbackLimits? limits = null) => Kind == Backend.Sqlite
        ? new SqliteFeedbackDatabase(FilePath, limits)
        : new PostgresFeedbackDatabase(ConnectionString!, limits, Time);

    public async Task<FeedbackWriter> StartWriterAsync(string? hashKey = null, FeedbackLimits? limits = null, ILogger<FeedbackWriter>? logger = null)
    {
        var writer = new FeedbackWriter(Database, new IdHasher(hashKey), Time, logger, limits);
        await writer.StartAsync(CancellationToken.None);
        _writers.Add(writer);
        return writer;
    }

    public FeedbackReader Reader(FeedbackWriter? writer = null) => new(Database, writer);

    public object?[] Single(string sql)
    {
        var rows = Rows(sql);
        return Assert.Single(rows);
    }

    public long Scalar(string sql) => Convert.ToInt64(Single(sql)[0]);

    public List<string> Column(string sql) => [.. Rows(sql).Select(r => (string)r[0]!)];

    public List<object?[]> Rows(string sql)
    {
        using var connection = Database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var values = new object?[reader.FieldCount];
            reader.GetValues(values!);
            rows.Add([.. values.Select(v => v is DBNull ? null : v)]);
        }

        return rows;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var writer in _writers)
        {
            await writer.StopAsync(CancellationToken.None);
            writer.Dispose();
        }

        Database.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
