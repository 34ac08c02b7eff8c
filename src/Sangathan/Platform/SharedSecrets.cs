using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Sangathan.Data;

namespace Sangathan.Platform;

/// <summary>
/// The secrets every app server must share (keys of links, of sign-in codes, of the card keys' seal): each is its
/// setting when configured, or else one kept in the database, made once by whichever server starts first. A file of
/// the data folder would give each server its own, and a link made by one would fail at the next. Read once at start.
/// </summary>
public sealed partial class SharedSecrets(IHostEnvironment host, IOptions<DatabaseOptions> database, ILogger<SharedSecrets> log)
{
    /// <summary>Each secret kept in the database for a setting left empty, and the data folder's file it was kept in before.</summary>
    static readonly (string Name, string? OldFile)[] Secrets =
        [("opt-out-links", "opt-out-links.secret"), ("meeting-links", "meeting-links.secret"), ("card-keys", "card-keys.secret"), ("sign-in-codes", null)];

    Dictionary<string, string>? values;

    /// <summary>Reads the shared secrets, making those missing: a file left by an older single server is taken over as it was.</summary>
    public static async Task LoadAsync(IServiceProvider services, CancellationToken ct = default)
    {
        using var scope = services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<SharedSecrets>().LoadAsync(scope.ServiceProvider.GetRequiredService<AppDb>(), ct);
    }

    async Task LoadAsync(AppDb db, CancellationToken ct)
    {
        foreach (var (name, oldFile) in Secrets)
        {
            // Of two servers starting together, the first insert wins and both read its value back.
            await using var insert = await Sql.CommandAsync(db,
                """INSERT INTO "Secrets" ("Name", "Value") VALUES (@name, @value) ON CONFLICT ("Name") DO NOTHING""", ct);
            Sql.Add(insert, "name", name);
            Sql.Add(insert, "value", OldSecret(oldFile) ?? Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
            await insert.ExecuteNonQueryAsync(ct);
        }
        await using var read = await Sql.CommandAsync(db, """SELECT "Name", "Value" FROM "Secrets" """, ct);
        await using var rows = await read.ExecuteReaderAsync(ct);
        var found = new Dictionary<string, string>();
        while (await rows.ReadAsync(ct)) found[rows.GetString(0)] = rows.GetString(1);
        values = found;
    }

    /// <summary>
    /// The 32-byte key of one use (<paramref name="info"/> keeps each use's key apart), derived from the configured
    /// secret, or with none configured from the one of that name the database keeps.
    /// </summary>
    public byte[] Key(string configured, string setting, string name, string info)
    {
        var secret = configured.Length > 0 ? configured : Stored(setting, name);
        return HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret), 32, info: Encoding.UTF8.GetBytes(info));
    }

    /// <summary>The database's secret of that name, for a setting left empty.</summary>
    public string Stored(string setting, string name)
    {
        if (values is null) throw new InvalidOperationException("The shared secrets are read at start (SharedSecrets.LoadAsync), before they are used.");
        NotSet(log, setting);
        return values[name];
    }

    string? OldSecret(string? file)
    {
        if (file is null) return null;
        var path = Path.GetFullPath(Path.Combine(host.ContentRootPath, database.Value.DataFolder, file));
        return File.Exists(path) && File.ReadAllText(path).Trim() is { Length: > 0 } secret ? secret : null;
    }

    [LoggerMessage(LogLevel.Information, "{Setting} is not set: a secret kept in the database is used instead, the same on every server")]
    static partial void NotSet(ILogger logger, string setting);
}
