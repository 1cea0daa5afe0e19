using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;

namespace KommoWidgetKit.Sandbox.Storage;

/// <summary>Opens connections to the sandbox SQLite file and runs reads and serialised write transactions on it.</summary>
internal sealed class SandboxDatabase
{
    // Serialises writers of this process so they queue on a semaphore instead of spinning on SQLITE_BUSY;
    // BEGIN IMMEDIATE plus busy_timeout still protect against other processes (the host's own tables).
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly string _connectionString;

    public SandboxDatabase(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    public string Path { get; }

    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        Execute(connection, null, "PRAGMA busy_timeout = 10000; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = OFF;");
        return connection;
    }

    /// <summary>Runs <paramref name="read"/> inside a deferred transaction, so every query sees one snapshot.</summary>
    public T Read<T>(Func<SqliteConnection, SqliteTransaction, T> read)
    {
        using var connection = Open();
        using var tx = connection.BeginTransaction(deferred: true);
        var result = read(connection, tx);
        tx.Commit();
        return result;
    }

    /// <summary>Runs <paramref name="write"/> inside BEGIN IMMEDIATE; commits unless it throws.</summary>
    public async Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, T> write, Func<T, bool>? commit = null, CancellationToken cancellationToken = default)
    {
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return WriteLocked(write, commit);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public T Write<T>(Func<SqliteConnection, SqliteTransaction, T> write)
    {
        _writeLock.Wait();
        try
        {
            return WriteLocked(write, null);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>BEGIN IMMEDIATE, run, then commit, or roll back when <paramref name="commit"/> says the result is a refusal.</summary>
    private T WriteLocked<T>(Func<SqliteConnection, SqliteTransaction, T> write, Func<T, bool>? commit)
    {
        using var connection = Open();
        using var tx = connection.BeginTransaction(deferred: false);
        var result = write(connection, tx);
        if (commit is null || commit(result))
        {
            tx.Commit();
        }
        else
        {
            tx.Rollback();
        }

        return result;
    }

    /// <summary>Creates the tables, drops them first on reset, seeds on first run; returns the effective token.</summary>
    public string Initialise(SandboxApiOptions options)
    {
        var folder = System.IO.Path.GetDirectoryName(Path);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        using (var connection = Open())
        {
            // WAL is a property of the file; set it once outside any transaction.
            Execute(connection, null, "PRAGMA journal_mode = WAL;");
        }

        return Write((connection, tx) =>
        {
            if (options.Reset)
            {
                foreach (var table in Schema.Tables)
                {
                    Execute(connection, tx, $"DROP TABLE IF EXISTS {table};");
                }
            }

            Execute(connection, tx, Schema.Create);
            if (GetMeta(connection, tx, "seeded") is null)
            {
                SandboxSeeder.Seed(connection, tx, options);
                SetMeta(connection, tx, "schema_version", Schema.Version.ToString(CultureInfo.InvariantCulture));
                SetMeta(connection, tx, "seed", options.Seed.ToString(CultureInfo.InvariantCulture));
                SetMeta(connection, tx, "seeded", "1");
            }

            SandboxSeeder.UpsertOwnWidget(connection, tx, options);

            var token = options.ApiToken;
            if (string.IsNullOrEmpty(token))
            {
                token = GetMeta(connection, tx, "generated_token");
                if (token is null)
                {
                    token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
                    SetMeta(connection, tx, "generated_token", token);
                }
            }

            return token;
        });
    }

    public static string? GetMeta(SqliteConnection connection, SqliteTransaction tx, string key)
    {
        using var command = Command(connection, tx, "SELECT value FROM api_meta WHERE key = $k", ("$k", key));
        return command.ExecuteScalar() as string;
    }

    public static void SetMeta(SqliteConnection connection, SqliteTransaction tx, string key, string value)
    {
        using var command = Command(connection, tx,
            "INSERT INTO api_meta (key, value) VALUES ($k, $v) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            ("$k", key), ("$v", value));
        command.ExecuteNonQuery();
    }

    public static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? tx, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    public static int Execute(SqliteConnection connection, SqliteTransaction? tx, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, tx, sql, parameters);
        return command.ExecuteNonQuery();
    }

    public static long? ScalarLong(SqliteConnection connection, SqliteTransaction? tx, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, tx, sql, parameters);
        var value = command.ExecuteScalar();
        return value is null or DBNull ? null : Convert.ToInt64(value, CultureInfo.InvariantCulture);
    }

    public static long Insert(SqliteConnection connection, SqliteTransaction tx, string table, IReadOnlyList<(string Column, object? Value)> values)
    {
        var columns = string.Join(", ", values.Select(v => v.Column));
        var names = string.Join(", ", values.Select((_, i) => "$p" + i.ToString(CultureInfo.InvariantCulture)));
        using var command = Command(connection, tx, $"INSERT INTO {table} ({columns}) VALUES ({names}); SELECT last_insert_rowid();");
        for (var i = 0; i < values.Count; i++)
        {
            command.Parameters.AddWithValue("$p" + i.ToString(CultureInfo.InvariantCulture), values[i].Value ?? DBNull.Value);
        }

        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    public static void Update(SqliteConnection connection, SqliteTransaction tx, string table, string where, IReadOnlyList<(string Column, object? Value)> values, params (string Name, object? Value)[] whereParameters)
    {
        if (values.Count == 0)
        {
            return;
        }

        var sets = string.Join(", ", values.Select((v, i) => v.Column + " = $p" + i.ToString(CultureInfo.InvariantCulture)));
        using var command = Command(connection, tx, $"UPDATE {table} SET {sets} WHERE {where}", whereParameters);
        for (var i = 0; i < values.Count; i++)
        {
            command.Parameters.AddWithValue("$p" + i.ToString(CultureInfo.InvariantCulture), values[i].Value ?? DBNull.Value);
        }

        command.ExecuteNonQuery();
    }
}
