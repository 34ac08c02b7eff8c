using Microsoft.EntityFrameworkCore;

namespace Sangathan.Data;

/// <summary>
/// Takes or renews a <see cref="Lease"/>: one conditional UPDATE, else one INSERT that loses quietly to another server's,
/// the same SQL on SQLite and PostgreSQL. A job that runs on one server asks before each run and does nothing without it.
/// </summary>
public static class Leases
{
    public static async Task<bool> TryTakeAsync(AppDb db, string name, string holder, TimeSpan term, DateTime now, CancellationToken ct)
    {
        var until = now + term;
        var renewed = await db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE \"Leases\" SET \"Holder\" = {holder}, \"Until\" = {until} WHERE \"Name\" = {name} AND (\"Until\" < {now} OR \"Holder\" = {holder})", ct);
        if (renewed > 0) return true;
        var taken = await db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO \"Leases\" (\"Name\", \"Holder\", \"Until\") VALUES ({name}, {holder}, {until}) ON CONFLICT (\"Name\") DO NOTHING", ct);
        return taken > 0;
    }

    /// <summary>This process's name as a holder: the machine and the process, unique among the servers sharing a database.</summary>
    public static readonly string ThisServer = Holder($"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}");

    static string Holder(string name) => name.Length > 128 ? name[^128..] : name;
}
