using Sangathan.Data;

namespace Sangathan.Broadcasts;

/// <summary>
/// The statement that applies a group of reports to the outbox. A report moves a row on from Sending, Sent or Uncertain
/// (a late report settles an uncertain row), and from Queued too: a row queued again whose report then comes after all
/// was sent, and must not go a second time. Delivered and failed rows stay as they are; an "accepted" report never
/// moves a delivered row back.
/// </summary>
internal static class Reports
{
    /// <summary>Applies the reports, in the caller's transaction; returns the rows that failed by them, to be rerouted in it.</summary>
    public static async Task<List<long>> ApplyAsync(AppDb db, IReadOnlyList<Report> reports, CancellationToken ct)
    {
        // Reports about one row in a group apply in order: the last one wins, as if they had come one by one.
        const string set = """
            "Status" = CASE
                WHEN "Status" NOT IN (0, 1, 2, 5) THEN "Status"
                WHEN v.kind = 2 THEN 3 WHEN v.kind = 3 THEN 4 WHEN v.kind = 1 THEN 2
                WHEN "Status" IN (0, 5) THEN 2 ELSE "Status" END,
            "SentAt" = COALESCE("SentAt", v.at), "ReportedAt" = v.at, "LeaseUntil" = NULL,
            "GatewayId" = COALESCE(NULLIF(v.gateway_id, ''), "GatewayId"),
            "Error" = CASE WHEN v.kind = 3 THEN v.detail ELSE "Error" END
            """;
        var failed = new List<long>();
        if (Sql.IsPostgres(db))
        {
            // Two reports on one row in one UPDATE would touch it twice, which PostgreSQL applies only once: the most final
            // one wins here (delivered or failed over taken), the later of two alike.
            var last = reports.GroupBy(r => r.MessageId)
                .Select(g => g.OrderBy(r => r.Kind is ReportKind.Delivered or ReportKind.Failed ? 1 : 0).Last()).ToList();
            await using var command = await Sql.CommandAsync(db, $"""
                UPDATE "BroadcastMessages" SET {set}
                FROM unnest(@ids, @kinds, @details, @gateway, @at) AS v(id, kind, detail, gateway_id, at)
                WHERE "Id" = v.id
                RETURNING "Id", "Status"
                """, ct);
            Sql.Add(command, "ids", last.Select(r => r.MessageId).ToArray());
            Sql.Add(command, "kinds", last.Select(r => (int)r.Kind).ToArray());
            Sql.Add(command, "details", last.Select(r => Trim(r.Detail)).ToArray());
            Sql.Add(command, "gateway", last.Select(r => Trim(r.GatewayId, 128)).ToArray());
            Sql.Add(command, "at", last.Select(r => r.At).ToArray());
            var failing = last.Where(r => r.Kind == ReportKind.Failed).Select(r => r.MessageId).ToHashSet();
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                if (Convert.ToInt16(reader.GetValue(1)) == (short)MessageStatus.Failed && failing.Contains(reader.GetInt64(0))) failed.Add(reader.GetInt64(0));
            return failed;
        }
        await using (var one = await Sql.CommandAsync(db, $"""UPDATE "BroadcastMessages" SET {set.Replace("v.", "@")} WHERE "Id" = @id""", ct))
        {
            foreach (var name in new[] { "id", "kind", "detail", "gateway_id", "at" }) Sql.Add(one, name, null);
            foreach (var r in reports)
            {
                one.Parameters[0].Value = r.MessageId;
                one.Parameters[1].Value = (int)r.Kind;
                one.Parameters[2].Value = (object?)Trim(r.Detail) ?? DBNull.Value;
                one.Parameters[3].Value = (object?)Trim(r.GatewayId, 128) ?? DBNull.Value;
                one.Parameters[4].Value = r.At;
                await one.ExecuteNonQueryAsync(ct);
            }
        }
        return reports.Where(r => r.Kind == ReportKind.Failed).Select(r => r.MessageId).Distinct().ToList();
    }

    static string? Trim(string? s, int max = 300) => s is null ? null : s.Length <= max ? s : s[..max];
}
