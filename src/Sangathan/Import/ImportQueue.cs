using System.Threading.Channels;

namespace Sangathan.Import;

/// <summary>
/// A nudge to this server's import worker that a job is waiting, so an upload is checked at once rather than at the
/// next look; the jobs themselves are the database's (state Checking or Committing), which every server's worker reads.
/// </summary>
public sealed class ImportQueue
{
    readonly Channel<int> jobs = Channel.CreateUnbounded<int>();

    public void Enqueue(int jobId) => jobs.Writer.TryWrite(jobId);

    /// <summary>Waits for a nudge, or for <paramref name="most"/> at most; the nudges so far are used up.</summary>
    public async Task WaitAsync(TimeSpan most, CancellationToken ct)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct);
        wait.CancelAfter(most);
        try
        {
            await jobs.Reader.WaitToReadAsync(wait.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested) { }
        while (jobs.Reader.TryRead(out _)) { }
    }
}
