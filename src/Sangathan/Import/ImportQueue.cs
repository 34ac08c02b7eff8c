using System.Threading.Channels;

namespace Sangathan.Import;

/// <summary>Jobs waiting for the background worker; the database holds their state, so a restart loses nothing.</summary>
public sealed class ImportQueue
{
    readonly Channel<int> jobs = Channel.CreateUnbounded<int>();

    public void Enqueue(int jobId) => jobs.Writer.TryWrite(jobId);

    public IAsyncEnumerable<int> ReadAllAsync(CancellationToken ct) => jobs.Reader.ReadAllAsync(ct);
}
