namespace Sangathan.Data;

/// <summary>
/// A named lease in the database, so that a background job runs on one app server at a time whichever servers are up:
/// the holder renews it while it works; when its server dies the lease runs out and another server takes the job
/// over, with the mark the last holder left (how far it had got). Jobs keep their own row-level safety (claims, locks,
/// conditional updates) beside it: a holder stalled past its term could still finish a statement after another took
/// over, and such an overlap must cost at most some repeated work, never a wrong result.
/// </summary>
public sealed class Lease(string name, IServiceScopeFactory scopes, TimeProvider clock, TimeSpan? term = null, string? holder = null)
{
    /// <summary>This process, as lease holders are told apart: host, process id and a random part (pids are reused).</summary>
    public static string ThisServer { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    readonly TimeSpan term = term ?? TimeSpan.FromSeconds(30);
    readonly string holder = holder ?? ThisServer;
    DateTime heldUntil = DateTime.MinValue;

    public string Name => name;

    /// <summary>True when the last <see cref="HoldAsync"/> took the lease over rather than renewing it.</summary>
    public bool JustTaken { get; private set; }

    /// <summary>
    /// True when this server holds the lease, taking it (when free or run out) or renewing it as needed; a holder
    /// renews only once a third of the term has gone, so a job that looks every quarter second writes every ten.
    /// </summary>
    public async Task<bool> HoldAsync(CancellationToken ct)
    {
        var now = Sql.Utc(clock);
        JustTaken = false;
        if (heldUntil != DateTime.MinValue && now < heldUntil - term * 2 / 3) return true;
        var held = heldUntil > now;
        if (!await RenewAsync(now, ct)) return false;
        JustTaken = !held;
        return true;
    }

    /// <summary>
    /// Runs work that may outlast the term while holding the lease (call <see cref="HoldAsync"/> first): renewed
    /// every third of the term on a connection of its own; if another server took it meanwhile, the work's token is
    /// cancelled, so its open transaction rolls back.
    /// </summary>
    public async Task RunAsync(Func<CancellationToken, Task> work, CancellationToken ct)
    {
        using var lost = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var done = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var keeping = KeepAsync(lost, done.Token);
        try
        {
            await work(lost.Token);
        }
        finally
        {
            await done.CancelAsync();
            await keeping;
        }
        if (lost.IsCancellationRequested && !ct.IsCancellationRequested)
            throw new OperationCanceledException($"The lease '{name}' was taken by another server.");
    }

    async Task KeepAsync(CancellationTokenSource lost, CancellationToken done)
    {
        while (!done.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(term / 3, clock, done);
                if (!await RenewAsync(Sql.Utc(clock), done)) await lost.CancelAsync();
            }
            catch (OperationCanceledException) when (done.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is System.Data.Common.DbException or TimeoutException or InvalidOperationException)
            {
                // The database is out of reach for now: the work cannot commit either; it is lost once the term runs out.
                if (Sql.Utc(clock) >= heldUntil) await lost.CancelAsync();
            }
        }
    }

    /// <summary>What the last holder noted of its progress (null before any), read with the lease's row.</summary>
    public async Task<long?> MarkAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        await using var read = await Sql.CommandAsync(db, """SELECT "Mark" FROM "Leases" WHERE "Name" = @name""", ct);
        Sql.Add(read, "name", name);
        return await read.ExecuteScalarAsync(ct) is long mark ? mark : null;
    }

    /// <summary>Notes the holder's progress, for whoever holds the lease next; written only while this server holds it.</summary>
    public async Task<bool> SetMarkAsync(long mark, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        await using var write = await Sql.CommandAsync(db, """UPDATE "Leases" SET "Mark" = @mark WHERE "Name" = @name AND "Holder" = @holder""", ct);
        Sql.Add(write, "mark", mark);
        Sql.Add(write, "name", name);
        Sql.Add(write, "holder", holder);
        return await write.ExecuteNonQueryAsync(ct) == 1;
    }

    /// <summary>Gives the lease up at once (a server stopping), so that another takes the job without waiting out the term.</summary>
    public async Task ReleaseAsync(CancellationToken ct)
    {
        if (heldUntil == DateTime.MinValue) return;
        heldUntil = DateTime.MinValue;
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        await using var release = await Sql.CommandAsync(db,
            """UPDATE "Leases" SET "Until" = @past WHERE "Name" = @name AND "Holder" = @holder""", ct);
        Sql.Add(release, "past", DateTime.UnixEpoch);
        Sql.Add(release, "name", name);
        Sql.Add(release, "holder", holder);
        await release.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// One statement, the same on SQLite and PostgreSQL: the row is made, or renewed by its holder, or taken over once
    /// it has run out; otherwise it is left alone and no row is counted. The row's own lock makes two takers one.
    /// </summary>
    async Task<bool> RenewAsync(DateTime now, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var until = now + term;
        await using var take = await Sql.CommandAsync(db, """
            INSERT INTO "Leases" ("Name", "Holder", "Until") VALUES (@name, @holder, @until)
            ON CONFLICT ("Name") DO UPDATE SET "Holder" = excluded."Holder", "Until" = excluded."Until"
            WHERE "Leases"."Holder" = excluded."Holder" OR "Leases"."Until" <= @now
            """, ct);
        Sql.Add(take, "name", name);
        Sql.Add(take, "holder", holder);
        Sql.Add(take, "until", until);
        Sql.Add(take, "now", now);
        var won = await take.ExecuteNonQueryAsync(ct) == 1;
        heldUntil = won ? until : DateTime.MinValue;
        return won;
    }
}
