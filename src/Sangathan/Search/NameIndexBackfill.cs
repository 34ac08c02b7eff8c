using Sangathan.Data;

namespace Sangathan.Search;

/// <summary>
/// At start, gives name words to people and members saved without them: everyone on record when the words came in
/// (a state's 600,000 people take a minute or so, during which search finds those done so far), and any row a
/// writer put in past them. Once all have words it is one query, and done.
/// </summary>
internal sealed partial class NameIndexBackfill(IServiceScopeFactory scopes, ILogger<NameIndexBackfill> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDb>();
            var indexed = await NameIndex.BackfillAsync(db, ct);
            if (indexed > 0) Indexed(logger, indexed);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            // Search then misses the names not yet indexed; the next start tries again.
            Failed(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Name words written for {Count} people and members saved without them.")]
    static partial void Indexed(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Writing name words for search failed; the next start tries again.")]
    static partial void Failed(ILogger logger, Exception e);
}
