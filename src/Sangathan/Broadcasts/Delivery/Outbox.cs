using System.Data.Common;
using Sangathan.Data;

namespace Sangathan.Broadcasts;

/// <summary>
/// The outbox's statements. A claim takes queued rows of one broadcast and channel and marks them Sending under a lease
/// in one statement: FOR UPDATE SKIP LOCKED on PostgreSQL, so app servers claiming at once take different rows without
/// waiting on each other; on SQLite the single writer makes the one UPDATE ... RETURNING atomic by itself.
/// </summary>
internal static class Outbox
{
    public static async Task<List<Claimed>> ClaimAsync(AppDb db, int broadcastId, Channel channel, int limit, DateTime now, DateTime lease, CancellationToken ct)
    {
        var skipLocked = Sql.IsPostgres(db) ? " FOR UPDATE SKIP LOCKED" : "";
        await using var command = await Sql.CommandAsync(db, $"""
            UPDATE "BroadcastMessages" SET "Status" = 1, "LeaseUntil" = @lease, "Attempts" = "Attempts" + 1
            WHERE "Id" IN (SELECT "Id" FROM "BroadcastMessages"
                           WHERE "BroadcastId" = @broadcast AND "Status" = 0 AND "Channel" = @channel AND "NextAttemptAt" <= @now
                           ORDER BY "Id" LIMIT @limit{skipLocked})
            RETURNING "Id", "RecipientKind", "RecipientId", "Address", "Language", "Name", "UnitName", "PostName", "Attempts"
            """, ct);
        Sql.Add(command, "lease", lease);
        Sql.Add(command, "broadcast", broadcastId);
        Sql.Add(command, "channel", (int)channel);
        Sql.Add(command, "now", now);
        Sql.Add(command, "limit", limit);
        var claimed = new List<Claimed>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            claimed.Add(new Claimed(reader.GetInt64(0), (RecipientKind)Convert.ToInt16(reader.GetValue(1)), reader.GetInt32(2), reader.GetString(3),
                reader.GetString(4), reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetString(6), reader.IsDBNull(7) ? null : reader.GetString(7),
                Convert.ToInt16(reader.GetValue(8))));
        return claimed;
    }

    /// <summary>
    /// Writes what the gateway said, all rows of a batch in one statement. A row a delivery report has already moved
    /// on (delivered, failed: reports can beat the gateway's own answer) keeps that status; its gateway id is still kept.
    /// </summary>
    public static async Task RecordAsync(AppDb db, IReadOnlyList<Row> rows, CancellationToken ct)
    {
        if (rows.Count == 0) return;
        const string set = """
            "Status" = CASE WHEN "Status" = 1 THEN v.status ELSE "Status" END,
            "SentAt" = COALESCE("SentAt", v.sent_at), "GatewayId" = COALESCE("GatewayId", v.gateway_id),
            "Error" = COALESCE(v.error, "Error"), "NextAttemptAt" = COALESCE(v.next_at, "NextAttemptAt"),
            "LeaseUntil" = CASE WHEN "Status" = 1 THEN v.lease ELSE NULL END
            """;
        if (Sql.IsPostgres(db))
        {
            await using var command = await Sql.CommandAsync(db, $"""
                UPDATE "BroadcastMessages" SET {set}
                FROM unnest(@ids, @statuses, @sent, @gateway, @errors, @next, @leases) AS v(id, status, sent_at, gateway_id, error, next_at, lease)
                WHERE "Id" = v.id
                """, ct);
            Sql.Add(command, "ids", rows.Select(r => r.Id).ToArray());
            Sql.Add(command, "statuses", rows.Select(r => (short)r.Status).ToArray());
            Sql.Add(command, "sent", rows.Select(r => r.SentAt).ToArray());
            Sql.Add(command, "gateway", rows.Select(r => r.GatewayId).ToArray());
            Sql.Add(command, "errors", rows.Select(r => r.Error).ToArray());
            Sql.Add(command, "next", rows.Select(r => r.NextAt).ToArray());
            Sql.Add(command, "leases", rows.Select(r => r.Lease).ToArray());
            await command.ExecuteNonQueryAsync(ct);
            return;
        }
        // SQLite: one statement a row, prepared once, in the caller's transaction (one commit for the batch).
        await using var one = await Sql.CommandAsync(db, $"""
            UPDATE "BroadcastMessages" SET {set.Replace("v.", "@")}
            WHERE "Id" = @id
            """, ct);
        foreach (var name in new[] { "id", "status", "sent_at", "gateway_id", "error", "next_at", "lease" }) Sql.Add(one, name, null);
        foreach (var r in rows)
        {
            Set(one, r.Id, (short)r.Status, r.SentAt, r.GatewayId, r.Error, r.NextAt, r.Lease);
            await one.ExecuteNonQueryAsync(ct);
        }
    }

    static void Set(DbCommand c, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++) c.Parameters[i].Value = values[i] ?? DBNull.Value;
    }

    /// <summary>One row's new state. <see cref="Lease"/> matters only while it stays Sending (an unknown outcome).</summary>
    internal sealed record Row(long Id, MessageStatus Status, DateTime? SentAt, string? GatewayId, string? Error, DateTime? NextAt, DateTime? Lease);
}
