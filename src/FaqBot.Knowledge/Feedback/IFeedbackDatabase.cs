using System.Data.Common;

namespace FaqBot.Knowledge.Feedback;

/// <summary>
/// Where the feedback rows live: the SQLite file (the default) or a PostgreSQL database shared by several instances.
/// Both hold the same three tables (unanswered, feedback, decisions) with the same columns, so the writer, its bounds,
/// the retention and the report share one set of SQL (parameters as <c>@name</c>, <c>"user"</c> quoted); a backend
/// adds only what differs: how to connect, the schema's types, the size cap and which errors mean "try again".
/// </summary>
public interface IFeedbackDatabase : IDisposable
{
    /// <summary>For log lines and the report's header: the file's path, or the server and database (never a password).</summary>
    string Name { get; }

    /// <summary>Creates the tables, or adds the columns an older version lacked; safe when several processes start at once.</summary>
    void CreateSchema();

    /// <summary>An open connection for reading or the retention purge.</summary>
    DbConnection Open();

    /// <summary>The writer's connection, kept open by the writer; the SQLite one carries the file's size cap.</summary>
    DbConnection OpenWriter();

    /// <summary>
    /// Called first in a bounded write's transaction: where several processes write (PostgreSQL), it makes the
    /// "fold or check the bounds and insert" of one table one at a time, so two instances cannot both pass a bound.
    /// </summary>
    void SerializeWrites(DbTransaction transaction, string table);

    /// <summary>False when the stored rows have reached <see cref="FeedbackLimits.MaxFileMegabytes"/> (checked where the
    /// database cannot enforce it itself).</summary>
    bool HasRoom(DbConnection connection);

    /// <summary>The database refused a row because it is at its size cap.</summary>
    bool IsFull(Exception exception);

    /// <summary>The server could not be reached or dropped the connection: worth another try with a new connection.</summary>
    bool IsTransient(Exception exception);

    /// <summary>After a transient failure: forget pooled connections that may have died with the server.</summary>
    void ForgetConnections();
}
