using System.Collections.Concurrent;

namespace Sangathan.Data;

/// <summary>
/// Ids for single new rows on a hot path, so that the row's id is known before it is written and the rows that point
/// at it go in the same round trip. On PostgreSQL they come from the table's sequence a block at a time (ids a
/// stopped process held are never used, as with any sequence); on SQLite from <see cref="Sql.NextIdsAsync"/>, in the
/// caller's write transaction. One instance per process.
/// </summary>
public sealed class IdBlocks
{
    public const int BlockSize = 64;
    readonly ConcurrentDictionary<string, ConcurrentQueue<int>> free = new();
    readonly SemaphoreSlim refill = new(1, 1);

    /// <summary>The next id of <paramref name="table"/>; call it inside the transaction that inserts the row.</summary>
    public async Task<int> NextAsync(AppDb db, string table, CancellationToken ct)
    {
        if (!Sql.IsPostgres(db)) return (await Sql.NextIdsAsync(db, table, 1, ct))[0];
        var queue = free.GetOrAdd(table, _ => new ConcurrentQueue<int>());
        if (queue.TryDequeue(out var id)) return id;
        await refill.WaitAsync(ct);
        try
        {
            if (queue.TryDequeue(out id)) return id;
            var block = await Sql.SequenceIdsAsync(db, table, BlockSize, ct);
            foreach (var next in block.Skip(1)) queue.Enqueue(next);
            return block[0];
        }
        finally
        {
            refill.Release();
        }
    }
}
