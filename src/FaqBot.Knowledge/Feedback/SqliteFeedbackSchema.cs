using Microsoft.Data.Sqlite;

namespace FaqBot.Knowledge.Feedback;

// Times are Unix milliseconds (UTC): sortable, range-queryable, no time-zone parsing.
internal static class SqliteFeedbackSchema
{
    public static void Create(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE TABLE IF NOT EXISTS unanswered (
                id INTEGER PRIMARY KEY, at INTEGER NOT NULL, question TEXT NOT NULL, conversation TEXT NOT NULL,
                best_confidence REAL);
            CREATE TABLE IF NOT EXISTS feedback (
                id INTEGER PRIMARY KEY, at INTEGER NOT NULL, passage_id TEXT NOT NULL, decision TEXT NOT NULL,
                confidence REAL, helpful INTEGER NOT NULL, reason TEXT, conversation TEXT NOT NULL, user TEXT NOT NULL,
                question TEXT);
            CREATE TABLE IF NOT EXISTS decisions (
                id INTEGER PRIMARY KEY, at INTEGER NOT NULL, decision TEXT NOT NULL, passage_id TEXT, confidence REAL,
                urgent_rule TEXT, personal INTEGER NOT NULL, count INTEGER NOT NULL DEFAULT 1);
            CREATE INDEX IF NOT EXISTS unanswered_at ON unanswered (at);
            CREATE INDEX IF NOT EXISTS feedback_at ON feedback (at);
            CREATE INDEX IF NOT EXISTS decisions_at ON decisions (at);
            """;
        command.ExecuteNonQuery();
        foreach (var (table, column, type) in FeedbackTables.AddedColumns)
        {
            AddColumn(connection, table, column, type);
        }
        using var indexes = connection.CreateCommand();
        indexes.CommandText = FeedbackTables.LaterIndexes;
        indexes.ExecuteNonQuery();
    }

    // Files written by older versions lack the newer columns: an old row counts once and has no known address.
    private static void AddColumn(SqliteConnection connection, string table, string column, string type)
    {
        using var columns = connection.CreateCommand();
        columns.CommandText = $"SELECT COUNT(*) FROM pragma_table_info('{table}') WHERE name = '{column}'";
        if ((long)columns.ExecuteScalar()! == 0)
        {
            using var alter = connection.CreateCommand();
            alter.CommandText = $"ALTER TABLE {table} ADD COLUMN {column} {type}";
            try
            {
                alter.ExecuteNonQuery();
            }
            catch (SqliteException e) when (e.Message.Contains("duplicate column name", StringComparison.OrdinalIgnoreCase))
            {
                // The bot and `faqbot report` opened the old file at the same moment; the other one added it.
            }
        }
    }
}
