namespace Sangathan.Import;

/// <summary>Stops reading once more bytes came out than the zip entry declared: declared sizes can lie.</summary>
internal sealed class CountingStream(Stream inner, long limit) : Stream
{
    long read;

    public override int Read(byte[] buffer, int offset, int count)
    {
        var n = inner.Read(buffer, offset, count);
        read += n;
        if (read > limit) throw new ImportFileException("The Excel file unpacks to far more than its size (a \"zip bomb\"), so it was not opened.");
        return n;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => read; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }
}
