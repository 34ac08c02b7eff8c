using System.Collections.Concurrent;

namespace Sangathan.Data;

/// <summary>
/// Ids of new rows taken from PostgreSQL's sequence a block at a time, so that a hot insert knows its row's id before
/// it writes it and can send the rows that point at it in the same round trip. Ids a stopped process held are simply
/// never used, as with any sequence. One instance per process.
/// </summary>
public sealed class IdBlocks
{
    public const int BlockSize = 64;
    readonly ConcurrentDictionary<string, ConcurrentQueue<long>> free = new();
    readonly SemaphoreSlim refill = new(1, 1);

    public async Task<long> NextAsync(AppDb db, string table, CancellationToken ct)
    {
        var queue = free.GetOrAdd(table, _ => new ConcurrentQueue<long>());
        if (queue.TryDequeue(out var id)) return id;
        await refill.WaitAsync(ct);
        try
        {
            if (queue.TryDequeue(out id)) return id;
            // A sequence ignores rollbacks, so the block outlives whatever transaction the caller is in.
            await using var command = await Sql.CommandAsync(db,
                $"SELECT nextval(pg_get_serial_sequence('\"{table}\"', 'Id')) FROM generate_series(1, {BlockSize})", ct);
            await using var reader = await command.ExecuteReaderAsync(ct);
            var ids = new List<long>(BlockSize);
            while (await reader.ReadAsync(ct)) ids.Add(reader.GetInt64(0));
            for (var i = 1; i < ids.Count; i++) queue.Enqueue(ids[i]);
            return ids[0];
        }
        finally
        {
            refill.Release();
        }
    }
}
