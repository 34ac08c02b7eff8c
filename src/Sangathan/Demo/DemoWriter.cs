using Sangathan.Data;
using Sangathan.People;

namespace Sangathan.Demo;

/// <summary>
/// Buffers rows and writes them in batches through <see cref="BulkInsert"/>, so memory stays flat at half a
/// million people. People go before the rows that refer to them, as the foreign keys want.
/// </summary>
internal sealed class DemoWriter(AppDb db, int batchSize)
{
    readonly List<Person> people = [];
    readonly List<object> dependents = [];

    public int Written { get; private set; }

    public Task AddAsync(Person person, CancellationToken ct)
    {
        people.Add(person);
        return Full ? FlushAsync(ct) : Task.CompletedTask;
    }

    public Task AddAsync(object dependent, CancellationToken ct)
    {
        dependents.Add(dependent);
        return Full ? FlushAsync(ct) : Task.CompletedTask;
    }

    bool Full => people.Count + dependents.Count >= batchSize;

    public async Task FlushAsync(CancellationToken ct)
    {
        await SaveAsync(people, ct);
        await SaveAsync(dependents, ct);
    }

    public static async Task<int> InsertAllAsync(AppDb db, IEnumerable<object> rows, int batchSize, CancellationToken ct)
    {
        var writer = new DemoWriter(db, batchSize);
        foreach (var row in rows) await writer.AddAsync(row, ct);
        await writer.FlushAsync(ct);
        return writer.Written;
    }

    async Task SaveAsync<T>(List<T> rows, CancellationToken ct) where T : class
    {
        foreach (var ofType in rows.GroupBy(r => r.GetType()))
            await BulkInsert.WriteAsync(db, ofType.ToList(), ct);
        Written += rows.Count;
        rows.Clear();
    }
}
