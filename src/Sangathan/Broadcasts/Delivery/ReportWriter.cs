
using Sangathan.Data;

namespace Sangathan.Broadcasts;

/// <summary>
/// Applies delivery reports in groups: a broadcast brings two reports a message (taken by the operator, delivered),
/// thousands a second, and one transaction each would cost more than the sending. A report's request waits for the
/// commit of its group before it is answered, so a report answered 200 is on disk; one that fails is answered 503 and
/// the gateway sends it again.
/// </summary>
internal sealed partial class ReportWriter(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ReportWriter> log) : BackgroundService
{
    const int Group = 1_000;
    readonly System.Threading.Channels.Channel<(Report Report, TaskCompletionSource Done)> pending = System.Threading.Channels.Channel.CreateBounded<(Report, TaskCompletionSource)>(50_000);

    public async Task WriteAsync(Report report, CancellationToken ct)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await pending.Writer.WriteAsync((report, done), ct);
        await done.Task.WaitAsync(ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        var group = new List<(Report Report, TaskCompletionSource Done)>(Group);
        while (await pending.Reader.WaitToReadAsync(stopping))
        {
            while (group.Count < Group && pending.Reader.TryRead(out var item)) group.Add(item);
            try
            {
                using var scope = scopes.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<AppDb>();
                await using (var tx = await db.Database.BeginTransactionAsync(stopping))
                {
                    var failed = await Reports.ApplyAsync(db, group.Select(g => g.Report).ToList(), stopping);
                    await Rerouter.RunAsync(db, failed, Sql.Utc(clock), stopping);
                    await tx.CommitAsync(stopping);
                }
                foreach (var g in group) g.Done.TrySetResult();
            }
            catch (Exception e) when (e is not OperationCanceledException || !stopping.IsCancellationRequested)
            {
                Failed(log, e);
                foreach (var g in group) g.Done.TrySetException(e);
            }
            group.Clear();
        }
    }

    [LoggerMessage(LogLevel.Warning, "Writing delivery reports failed; the gateways will send them again")]
    static partial void Failed(ILogger logger, Exception e);
}
