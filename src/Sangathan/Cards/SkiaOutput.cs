namespace Sangathan.Cards;

/// <summary>
/// What Skia writes a PDF into. Skia calls back from native code, where a .NET exception would end the process, and
/// asks for the position after each write; so this stream counts what it was given, never throws, and keeps the first
/// failure of the stream below (a client gone away) for the drawing to see between cards and throw afterwards.
/// </summary>
public sealed class SkiaOutput(Stream inner) : Stream
{
    long written;

    public Exception? Failure { get; private set; }

    public void ThrowIfFailed()
    {
        if (Failure is not null) throw new IOException("The PDF could not be written out.", Failure);
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        written += buffer.Length;
        if (Failure is not null) return;
        try { inner.Write(buffer); }
        catch (Exception e) { Failure = e; }
    }

    public override void Flush()
    {
        if (Failure is not null) return;
        try { inner.Flush(); }
        catch (Exception e) { Failure = e; }
    }

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => written;
    public override long Position { get => written; set => throw new NotSupportedException(); }
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
