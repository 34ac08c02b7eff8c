using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Sangathan.Data;
using Sangathan.Membership;
using Sangathan.People;

namespace Sangathan.Search;

/// <summary>
/// Writes the name words of every person and member EF adds or renames, right after the save and in its
/// transaction (the audit interceptor's, when the save had none): the words are an index of the names, kept as a
/// database keeps its own indexes, by whoever writes the row, so no form or use case can forget them.
/// One per context (scoped), so its state is that save's.
/// </summary>
public sealed class NameIndexInterceptor : SaveChangesInterceptor
{
    List<Person>? people;
    List<Member>? members;

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData data, InterceptionResult<int> result,
        CancellationToken ct = default)
    {
        people = null;
        members = null;
        if (data.Context is not AppDb db) return ValueTask.FromResult(result);
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified) || entry.Entity is not (Person or Member)) continue;
            var renamed = entry.State == EntityState.Added || entry.Property("NameEn").IsModified || entry.Property("NameHi").IsModified;
            if (!renamed) continue;
            if (entry.Entity is Person p) (people ??= []).Add(p);
            else if (entry.Entity is Member m) (members ??= []).Add(m);
        }
        return ValueTask.FromResult(result);
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData data, int result, CancellationToken ct = default)
    {
        if (data.Context is not AppDb db) return result;
        var (p, m) = (people, members);
        (people, members) = (null, null);
        if (p is not null) await NameIndex.PeopleAsync(db, p.Select(x => (x.Id, x.NameEn, x.NameHi)).ToList(), replace: true, ct);
        if (m is not null) await NameIndex.MembersAsync(db, m.Select(x => (x.Id, x.NameEn, x.NameHi)).ToList(), replace: true, ct);
        return result;
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData data, CancellationToken ct = default)
    {
        (people, members) = (null, null);
        return Task.CompletedTask;
    }
}
