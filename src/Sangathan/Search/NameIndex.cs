using Microsoft.EntityFrameworkCore;
using Sangathan.Data;

namespace Sangathan.Search;

/// <summary>
/// Keeps the name words (<see cref="PersonWord"/>, <see cref="MemberWord"/>) in step with the names, in the caller's
/// transaction: EF saves through <see cref="NameIndexInterceptor"/>, bulk writers (the import, enrollment, the demo
/// load) call it themselves for the rows they insert past EF.
/// </summary>
public static class NameIndex
{
    public static Task PeopleAsync(AppDb db, IReadOnlyCollection<(int Id, string En, string Hi)> people, bool replace, CancellationToken ct) =>
        WriteAsync(db, "PersonWords", "PersonId", people, replace, ct);

    public static Task MembersAsync(AppDb db, IReadOnlyCollection<(int Id, string En, string Hi)> members, bool replace, CancellationToken ct) =>
        WriteAsync(db, "MemberWords", "MemberId", members, replace, ct);

    /// <summary>The rows of one member's words, for a batch that inserts the member itself (enrollment).</summary>
    public static IEnumerable<string> Words(string en, string hi) => NameKeys.Of(en, hi);

    static async Task WriteAsync(AppDb db, string table, string owner, IReadOnlyCollection<(int Id, string En, string Hi)> rows,
        bool replace, CancellationToken ct)
    {
        if (rows.Count == 0) return;
        if (replace)
            foreach (var batch in rows.Select(r => r.Id).Distinct().Chunk(500))
            {
                // Only these fixed table and column names are spliced in.
                await using var delete = await Sql.CommandAsync(db, $"DELETE FROM \"{table}\" WHERE \"{owner}\" IN ({string.Join(", ", batch)})", ct);
                await delete.ExecuteNonQueryAsync(ct);
            }
        var words = rows.SelectMany(r => NameKeys.Of(r.En, r.Hi).Select(w => (r.Id, Word: w))).ToList();
        // Skipping words already there: the start-up backfill and a bench's may meet the same people at once.
        await Sql.InsertAsync(db, table, skipExisting: !replace, ct, ("Word", words.Select(w => w.Word).ToArray()), (owner, words.Select(w => w.Id).ToArray()));
    }

    /// <summary>
    /// Gives words to the people and members that have none, a batch at a time: rows saved before the words existed,
    /// or by a writer that went past them. Returns how many it indexed.
    /// </summary>
    public static async Task<int> BackfillAsync(AppDb db, CancellationToken ct, int batch = 5_000)
    {
        var (total, lastPerson, lastMember) = (0, 0, 0);
        while (true)
        {
            // Read and written in one transaction: on SQLite it holds the write lock, so no rename slips in between.
            await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
            var people = await db.People.Where(p => p.Id > lastPerson && !db.PersonWords.Any(w => w.PersonId == p.Id)).OrderBy(p => p.Id).Take(batch)
                .Select(p => new { p.Id, p.NameEn, p.NameHi }).ToListAsync(ct);
            var members = await db.Members.Where(m => m.Id > lastMember && !db.MemberWords.Any(w => w.MemberId == m.Id)).OrderBy(m => m.Id).Take(batch)
                .Select(m => new { m.Id, m.NameEn, m.NameHi }).ToListAsync(ct);
            if (people.Count + members.Count == 0) return total;
            await PeopleAsync(db, people.Select(p => (p.Id, p.NameEn, p.NameHi)).ToList(), replace: false, ct);
            await MembersAsync(db, members.Select(m => (m.Id, m.NameEn, m.NameHi)).ToList(), replace: false, ct);
            if (tx is not null) await tx.CommitAsync(ct);
            total += people.Count + members.Count;
            if (people.Count > 0) lastPerson = people[^1].Id;
            if (members.Count > 0) lastMember = members[^1].Id;
        }
    }
}
