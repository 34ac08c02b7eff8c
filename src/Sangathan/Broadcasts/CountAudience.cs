using Microsoft.EntityFrameworkCore;
using Sangathan.Access;
using Sangathan.Data;

namespace Sangathan.Broadcasts;

/// <summary>
/// Someone the broadcast cannot reach: the channels of it they opted out of (a STOP, an e-mail's link), or none when they
/// have no address on any of its channels.
/// </summary>
public sealed record Unreachable(string Kind, int Id, string Name, string? Unit, IReadOnlyList<Channel> OptedOutOf);

/// <summary>
/// The live count before sending: how many, by which channel first, who opted out of all broadcasts, who opted out of
/// every channel that would have reached them, who has no address on any; and the first of those last two, named.
/// </summary>
public sealed record AudienceCount(int Total, int Sms, int Email, int WhatsApp, int OptedOut, int OptedOutOfChannels, int NoChannel,
    IReadOnlyList<Unreachable> Unreachable)
{
    public int Reachable => Sms + Email + WhatsApp;
}

/// <summary>Counts an audience in one set-based query (never loading it), and lists the first people no channel reaches.</summary>
public sealed class CountAudience(AppDb db, Door door, TimeProvider clock)
{
    public const int ListedUnreachable = 100;

    /// <summary>Null when the caller may not message that part of the tree (or it does not exist).</summary>
    public async Task<AudienceCount?> RunAsync(AudienceChoice choice, CancellationToken ct)
    {
        if ((await door.UnitAsync(choice.UnitId, Operations.Message, ct)).Refused) return null;
        if (await choice.ResolveAsync(db, ct) is not { } spec) return null;
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
                COALESCE(SUM(CASE WHEN q.opted IS NULL AND q.channel IS NULL AND q.stopped > 0 THEN 1 ELSE 0 END), 0),
                COALESCE(SUM(CASE WHEN q.opted IS NULL AND q.channel IS NULL AND q.stopped = 0 THEN 1 ELSE 0 END), 0)
            FROM ({recipients}) q
            """, ct);
        AudienceSql.Bind(count, spec, now);
        var n = new int[7];
        await using (var reader = await count.ExecuteReaderAsync(ct))
        {
            await reader.ReadAsync(ct);
            for (var i = 0; i < n.Length; i++) n[i] = Convert.ToInt32(reader.GetValue(i));
        }
        var unreachable = new List<Unreachable>();
        if (n[5] + n[6] > 0)
        {
            await using var list = await Sql.CommandAsync(db,
                $"SELECT q.kind, q.rid, q.name, q.unit_name, q.stopped FROM ({recipients}) q WHERE q.opted IS NULL AND q.channel IS NULL ORDER BY q.kind, q.rid LIMIT {ListedUnreachable}", ct);
            AudienceSql.Bind(list, spec, now);
            await using var reader = await list.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var stopped = Convert.ToInt32(reader.GetValue(4));
                unreachable.Add(new Unreachable(Convert.ToInt32(reader.GetValue(0)) == 1 ? "person" : "member", Convert.ToInt32(reader.GetValue(1)),
                    reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3),
                    Enum.GetValues<Channel>().Where(c => (stopped & AudienceSql.Bit(c)) != 0).ToList()));
            }
        }
        return new AudienceCount(n[0], n[1], n[2], n[3], n[4], n[5], n[6], unreachable);
    }
}
