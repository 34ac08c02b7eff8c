using Microsoft.EntityFrameworkCore;
using Sangathan.Data;

namespace Sangathan.Audit;

public sealed record ChainReport(bool Intact, long Entries, long? BrokenAtSeq, string? Problem);

/// <summary>Walks the chain from the first entry and reports the first link that does not hold.</summary>
public sealed class VerifyAuditChain(AppDb db, AuditSealer sealer)
{
    public async Task<ChainReport> RunAsync(CancellationToken ct = default)
    {
        // What has committed is sealed first, so the check covers every entry up to now.
        await sealer.SealAllAsync(ct);
        var previous = AuditChain.Genesis;
        long expected = 1;
        // Closed before the head is read: PostgreSQL runs one query at a time on a connection.
        await using (var entries = db.Set<AuditEntry>().AsNoTracking().Where(a => a.Seq != null).OrderBy(a => a.Seq).AsAsyncEnumerable().GetAsyncEnumerator(ct))
        {
            while (true)
            {
                AuditEntry e;
                try
                {
                    if (!await entries.MoveNextAsync()) break;
                    e = entries.Current;
                }
                catch (Exception x) when (x is FormatException or InvalidCastException or OverflowException)
                {
                    // SQLite keeps times and numbers as text: one edited into nonsense cannot even be read back.
                    return Broken(expected - 1, expected, "it can no longer be read");
                }
                if (e.Seq != expected) return Broken(expected - 1, expected, $"entry {expected} is missing");
                if (e.PrevHash != previous) return Broken(expected - 1, expected, "it does not follow from the entry before it");
                if (AuditChain.HashOf(e) != e.Hash) return Broken(expected - 1, expected, "its content no longer matches its hash");
                previous = e.Hash;
                expected++;
            }
        }
        var head = await db.Set<AuditHead>().AsNoTracking().SingleAsync(h => h.Id == 1, ct);
        if (head.Count != expected - 1 || head.LastHash != previous)
            return Broken(expected - 1, expected, "the latest entries are missing");
        return new ChainReport(true, expected - 1, null, null);
    }

    static ChainReport Broken(long good, long seq, string problem) => new(false, good, seq, problem);
}
