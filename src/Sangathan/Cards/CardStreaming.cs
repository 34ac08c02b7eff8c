using System.IO.Pipelines;

namespace Sangathan.Cards;

/// <summary>
/// Skia writes a PDF synchronously, and the server takes only asynchronous writes; so a batch is drawn on a thread of
/// its own into a pipe of a megabyte, which the request copies out to the client as it fills. Drawing waits while the
/// client is slow, so memory holds at most the pipe, whatever the batch's size.
/// </summary>
public static class CardStreaming
{
    public static async Task WriteAsync(Stream body, Action<Stream> draw, CancellationToken ct)
    {
        var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: 1 << 20, resumeWriterThreshold: 1 << 19, useSynchronizationContext: false));
        var drawing = Task.Factory.StartNew(() =>
        {
            try
            {
                using (var output = new BufferedStream(pipe.Writer.AsStream(leaveOpen: true), 1 << 16)) draw(output);
                pipe.Writer.Complete();
            }
            catch (Exception e)
            {
                pipe.Writer.Complete(e);
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            await pipe.Reader.CopyToAsync(body, ct);
        }
        finally
        {
            // A client gone away ends the drawing too: its next write finds the pipe closed.
            await pipe.Reader.CompleteAsync();
            await drawing;
        }
    }
}
