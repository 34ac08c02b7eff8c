using Microsoft.EntityFrameworkCore;
using Sangathan.Data;

namespace Sangathan.Broadcasts;

/// <summary>
/// WhatsApp's limit on business-initiated conversations in any 24 hours (250 at first, raised by tier), kept per hour
/// in the database so every server counts against the same number. A claim of WhatsApp rows takes its places here in
/// the same transaction, under PostgreSQL's advisory lock, so two servers never both take the last places. Meta counts
/// a person once a day however many templates they get; this counts every message, erring on the safe side.
/// </summary>
internal static class WhatsAppQuota
{
    const long LockKey = 0x5A4E_4741_5741; // "SNGAWA": any constant the app's other advisory locks do not use

    public static async Task LockAsync(AppDb db, CancellationToken ct)
    {
        if (Sql.IsPostgres(db)) await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({LockKey})", ct);
    }

    public static async Task<int> RemainingAsync(AppDb db, int dailyLimit, DateTime now, CancellationToken ct)
    {
        var since = Hour(now).AddHours(-23);
        var used = await db.WhatsAppUse.Where(u => u.Hour >= since).SumAsync(u => (int?)u.Started, ct) ?? 0;
        return Math.Max(0, dailyLimit - used);
    }

    public static async Task TakeAsync(AppDb db, int count, DateTime now, CancellationToken ct)
    {
        if (count == 0) return;
        var hour = Hour(now);
        if (await db.WhatsAppUse.Where(u => u.Hour == hour).ExecuteUpdateAsync(s => s.SetProperty(u => u.Started, u => u.Started + count), ct) == 0)
        {
            await using var insert = await Sql.CommandAsync(db, """INSERT INTO "WhatsAppUse" ("Hour", "Started") VALUES (@hour, @count)""", ct);
            Sql.Add(insert, "hour", hour);
            Sql.Add(insert, "count", count);
            await insert.ExecuteNonQueryAsync(ct);
        }
    }

    static DateTime Hour(DateTime t) => new(t.Year, t.Month, t.Day, t.Hour, 0, 0, DateTimeKind.Utc);
}
