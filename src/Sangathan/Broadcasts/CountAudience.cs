using Microsoft.EntityFrameworkCore;
using Sangathan.Access;
using Sangathan.Data;

namespace Sangathan.Broadcasts;

/// <summary>Someone the broadcast cannot reach: no address on any of its channels.</summary>
public sealed record Unreachable(string Kind, int Id, string Name, string? Unit);

/// <summary>The live count before sending: how many, by which channel first, who opted out, who cannot be reached.</summary>
public sealed record AudienceCount(int Total, int Sms, int Email, int WhatsApp, int OptedOut, int NoChannel, IReadOnlyList<Unreachable> Unreachable)
{
    public int Reachable => Sms + Email + WhatsApp;
}

/// <summary>Counts an audience in one set-based query (never loading it), and lists the first people no channel reaches.</summary>
public sealed class CountAudience(AppDb db, Jurisdiction jurisdiction, TimeProvider clock)
{
    public const int ListedUnreachable = 100;

    /// <summary>Null when the caller may not message that part of the tree (or it does not exist).</summary>
    public async Task<AudienceCount?> RunAsync(AudienceChoice choice, CancellationToken ct)
    {
        var access = await jurisdiction.GetAsync(ct);
        var spec = await choice.ResolveAsync(db, ct);
        if (spec is null || !access.CanBroadcast(spec.UnitPath)) return null;
        return await CountAsync(db, spec, Sql.Utc(clock), ct);
    }

    internal static async Task<AudienceCount> CountAsync(AppDb db, AudienceSpec spec, DateTime now, CancellationToken ct)
    {
        var recipients = AudienceSql.Recipients(spec);
        await using var count = await Sql.CommandAsync(db, $"""
            SELECT COUNT(*),
                COALESCE(SUM(CASE WHEN q.opted IS NULL AND q.channel = 1 THEN 1 ELSE 0 END), 0),
                COALESCE(SUM(CASE WHEN q.opted IS NULL AND q.channel = 2 THEN 1 ELSE 0 END), 0),
                COALESCE(SUM(CASE WHEN q.opted IS NULL AND q.channel = 3 THEN 1 ELSE 0 END), 0),
                COALESCE(SUM(CASE WHEN q.opted IS NOT NULL THEN 1 ELSE 0 END), 0),
                COALESCE(SUM(CASE WHEN q.opted IS NULL AND q.channel IS NULL THEN 1 ELSE 0 END), 0)
            FROM ({recipients}) q
            """, ct);
        AudienceSql.Bind(count, spec, now);
        int total, sms, email, wa, opted, none;
        await using (var reader = await count.ExecuteReaderAsync(ct))
        {
            await reader.ReadAsync(ct);
            (total, sms, email, wa, opted, none) = (Convert.ToInt32(reader.GetValue(0)), Convert.ToInt32(reader.GetValue(1)),
                Convert.ToInt32(reader.GetValue(2)), Convert.ToInt32(reader.GetValue(3)), Convert.ToInt32(reader.GetValue(4)), Convert.ToInt32(reader.GetValue(5)));
        }
        var unreachable = new List<Unreachable>();
        if (none > 0)
        {
            await using var list = await Sql.CommandAsync(db,
                $"SELECT q.kind, q.rid, q.name, q.unit_name FROM ({recipients}) q WHERE q.opted IS NULL AND q.channel IS NULL ORDER BY q.kind, q.rid LIMIT {ListedUnreachable}", ct);
            AudienceSql.Bind(list, spec, now);
            await using var reader = await list.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                unreachable.Add(new Unreachable(Convert.ToInt32(reader.GetValue(0)) == 1 ? "person" : "member", Convert.ToInt32(reader.GetValue(1)),
                    reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3)));
        }
        return new AudienceCount(total, sms, email, wa, opted, none, unreachable);
    }
}
