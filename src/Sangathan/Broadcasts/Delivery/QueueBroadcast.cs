using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sangathan.Audit;
using Sangathan.Data;

namespace Sangathan.Broadcasts;

/// <summary>
/// Turns a scheduled broadcast whose time has come into outbox rows: one INSERT ... SELECT of its whole audience, one
/// row per recipient and first channel, in the transaction that marks it Sending. Only one server wins a broadcast:
/// the conditional update that moves it from Scheduled lets one transaction through.
/// </summary>
internal static class QueueBroadcast
{
    public static async Task<int> DueAsync(AppDb db, TimeProvider clock, CancellationToken ct)
    {
        var now = Sql.Utc(clock);
        var due = await db.Broadcasts.AsNoTracking().Where(b => b.Status == BroadcastStatus.Scheduled && b.SendAt <= now)
            .OrderBy(b => b.SendAt).Select(b => b.Id).Take(10).ToListAsync(ct);
        foreach (var id in due) await RunAsync(db, id, clock, ct);
        return due.Count;
    }

    /// <summary>Queues one broadcast; returns the rows written, or -1 when another server (or a cancel) got there first.</summary>
    public static async Task<int> RunAsync(AppDb db, int id, TimeProvider clock, CancellationToken ct)
    {
        var now = Sql.Utc(clock);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var won = await db.Broadcasts.Where(b => b.Id == id && b.Status == BroadcastStatus.Scheduled)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.Status, BroadcastStatus.Sending).SetProperty(b => b.QueuedAt, now), ct);
        if (won == 0) return -1;
        var broadcast = await db.Broadcasts.AsNoTracking().FirstAsync(b => b.Id == id, ct);
        var spec = await AudienceChoice.Of(broadcast).ResolveAsync(db, ct);
        var rows = spec is null ? 0 : await InsertAsync(db, id, spec, now, ct);
        await db.Broadcasts.Where(b => b.Id == id).ExecuteUpdateAsync(s => s.SetProperty(b => b.Queued, rows), ct);
        await AuditWriter.AppendAsync(db, SystemActor.Instance, clock,
            [new AuditDraft("broadcast-queued", nameof(Broadcast), id.ToString(), After: JsonSerializer.Serialize(new { rows }))], ct);
        await tx.CommitAsync(ct);
        return rows;
    }

    /// <summary>The one statement that writes the outbox; the benchmark times it beside the same SQL written by hand.</summary>
    internal static async Task<int> InsertAsync(AppDb db, int broadcastId, AudienceSpec spec, DateTime now, CancellationToken ct)
    {
        await using var insert = await Sql.CommandAsync(db, InsertSql(spec), ct, timeoutSeconds: 600);
        AudienceSql.Bind(insert, spec, now);
        Sql.Add(insert, "broadcast", broadcastId);
        return await insert.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// Opted-out people and those no channel reaches are left out; a second recipient on an address already queued
    /// (a family's shared phone) is skipped by the unique index rather than sent twice. "WHERE" before ON CONFLICT is
    /// SQLite's rule for an upsert from a SELECT.
    /// </summary>
    internal static string InsertSql(AudienceSpec spec, string table = "\"BroadcastMessages\"") => $"""
        INSERT INTO {table} ("BroadcastId", "RecipientKind", "RecipientId", "Channel", "Address", "Language", "Name", "UnitName", "PostName",
            "Status", "Attempts", "NextAttemptAt")
        SELECT @broadcast, q.kind, q.rid, q.channel, q.address, q.lang, COALESCE(q.name, ''), q.unit_name, q.post_name, 0, 0, @now
        FROM ({AudienceSql.Recipients(spec)}) q
        WHERE q.opted IS NULL AND q.channel IS NOT NULL
        ON CONFLICT DO NOTHING
        """;
}
