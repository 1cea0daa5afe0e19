using System.Security.Cryptography;
using Microsoft.Data.Sqlite;

namespace KommoWidgetKit.DevHost.State;

/// <summary>What Kommo keeps about an installed widget: active flag, install status and the settings values.</summary>
public sealed record WidgetInstallState(string Active, string Status, string SettingsJson)
{
    /// <summary>A widget that was never installed.</summary>
    public static WidgetInstallState NotInstalled { get; } = new("N", "install", "{}");
}

/// <summary>The host's SQLite store (tables prefixed <c>host_</c>) in the widget's <c>.kommo/</c> folder.</summary>
internal sealed class HostStore
{
    private readonly string _connectionString;

    public HostStore(string databasePath)
    {
        DatabasePath = databasePath;
        Directory.CreateDirectory(Path.GetDirectoryName(databasePath)!);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false }.ToString();
        Execute("""
            CREATE TABLE IF NOT EXISTS host_widget (
              code TEXT PRIMARY KEY,
              active TEXT NOT NULL,
              status TEXT NOT NULL,
              settings TEXT NOT NULL,
              updated_at TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS host_dp (
              code TEXT NOT NULL,
              pipeline_id INTEGER NOT NULL,
              status_id INTEGER NOT NULL,
              settings TEXT NOT NULL,
              updated_at TEXT NOT NULL,
              PRIMARY KEY (code, pipeline_id, status_id));
            CREATE TABLE IF NOT EXISTS host_meta (
              key TEXT PRIMARY KEY,
              value TEXT NOT NULL);
            """);
    }

    public string DatabasePath { get; }

    /// <summary>Where the store lives for a widget folder (<c>.kommo/dev.db</c>) or a zip (<c>.kommo/&lt;zip name&gt;.db</c> beside it).</summary>
    public static string PathFor(string widgetPath)
    {
        var full = Path.GetFullPath(widgetPath);
        return File.Exists(full)
            ? Path.Combine(Path.GetDirectoryName(full)!, ".kommo", Path.GetFileNameWithoutExtension(full) + ".db")
            : Path.Combine(full, ".kommo", "dev.db");
    }

    public void Reset() => Execute("DELETE FROM host_widget; DELETE FROM host_dp; DELETE FROM host_meta;");

    /// <summary>The widget's digital pipeline action settings in one stage, or "{}".</summary>
    public string GetDp(string code, long pipelineId, long statusId)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT settings FROM host_dp WHERE code = $code AND pipeline_id = $p AND status_id = $s";
        command.Parameters.AddWithValue("$code", code);
        command.Parameters.AddWithValue("$p", pipelineId);
        command.Parameters.AddWithValue("$s", statusId);
        return command.ExecuteScalar() as string ?? "{}";
    }

    /// <summary>Every stage of every pipeline that holds the widget's digital pipeline action, with its settings.</summary>
    public IReadOnlyList<(long PipelineId, long StatusId, string SettingsJson)> ListDp(string code)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT pipeline_id, status_id, settings FROM host_dp WHERE code = $code ORDER BY pipeline_id, status_id";
        command.Parameters.AddWithValue("$code", code);
        using var reader = command.ExecuteReader();
        var rows = new List<(long, long, string)>();
        while (reader.Read())
        {
            rows.Add((reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2)));
        }
        return rows;
    }

    public void PutDp(string code, long pipelineId, long statusId, string settingsJson)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO host_dp (code, pipeline_id, status_id, settings, updated_at) VALUES ($code, $p, $s, $settings, $now)
            ON CONFLICT(code, pipeline_id, status_id) DO UPDATE SET settings = excluded.settings, updated_at = excluded.updated_at
            """;
        command.Parameters.AddWithValue("$code", code);
        command.Parameters.AddWithValue("$p", pipelineId);
        command.Parameters.AddWithValue("$s", statusId);
        command.Parameters.AddWithValue("$settings", settingsJson);
        command.Parameters.AddWithValue("$now", DateTimeOffset.UtcNow.ToString("O"));
        command.ExecuteNonQuery();
    }

    public WidgetInstallState Get(string code)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT active, status, settings FROM host_widget WHERE code = $code";
        command.Parameters.AddWithValue("$code", code);
        using var reader = command.ExecuteReader();
        return reader.Read()
            ? new WidgetInstallState(reader.GetString(0), reader.GetString(1), reader.GetString(2))
            : WidgetInstallState.NotInstalled;
    }

    public void Put(string code, WidgetInstallState state)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO host_widget (code, active, status, settings, updated_at) VALUES ($code, $active, $status, $settings, $now)
            ON CONFLICT(code) DO UPDATE SET active = excluded.active, status = excluded.status,
              settings = excluded.settings, updated_at = excluded.updated_at
            """;
        command.Parameters.AddWithValue("$code", code);
        command.Parameters.AddWithValue("$active", state.Active);
        command.Parameters.AddWithValue("$status", state.Status);
        command.Parameters.AddWithValue("$settings", state.SettingsJson);
        command.Parameters.AddWithValue("$now", DateTimeOffset.UtcNow.ToString("O"));
        command.ExecuteNonQuery();
    }

    /// <summary>The dev secret that signs <c>X-Auth-Token</c>: made once, kept across restarts.</summary>
    public string GetOrCreateSecret()
    {
        using var connection = Open();
        using (var read = connection.CreateCommand())
        {
            read.CommandText = "SELECT value FROM host_meta WHERE key = 'jwt_secret'";
            if (read.ExecuteScalar() is string existing)
            {
                return existing;
            }
        }
        var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        using var write = connection.CreateCommand();
        write.CommandText = "INSERT OR IGNORE INTO host_meta (key, value) VALUES ('jwt_secret', $value)";
        write.Parameters.AddWithValue("$value", secret);
        write.ExecuteNonQuery();
        return secret;
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }

    private void Execute(string sql)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
