namespace Sangathan.Membership;

/// <summary>
/// Rewrites a JPEG without what rides along with the picture: EXIF and XMP (APP1: GPS position, phone model, time),
/// other application blocks, comments, and anything appended after the image's end. The compressed picture itself
/// is copied byte for byte, so nothing is decoded or re-encoded.
/// </summary>
public static class JpegSegments
{
    /// <summary>The stripped JPEG, or null when the bytes do not hold a well-formed one.</summary>
    public static byte[]? Strip(ReadOnlySpan<byte> jpeg)
    {
        if (jpeg.Length < 4 || jpeg[0] != 0xFF || jpeg[1] != 0xD8) return null;
        using var output = new MemoryStream(jpeg.Length);
        output.Write([0xFF, 0xD8]);
        var i = 2;
        while (i + 4 <= jpeg.Length)
        {
            if (jpeg[i] != 0xFF) return null;
            var marker = jpeg[i + 1];
            if (marker == 0xFF) { i++; continue; } // fill byte
            var length = (jpeg[i + 2] << 8) | jpeg[i + 3];
            if (length < 2 || i + 2 + length > jpeg.Length) return null;
            var segment = jpeg.Slice(i, 2 + length);
            if (marker == 0xDA)
            {
                // Start of scan: the entropy-coded picture runs to the end-of-image marker.
                var end = EndOfImage(jpeg, i + 2 + length);
                if (end < 0) return null;
                output.Write(jpeg[i..end]);
                return output.ToArray();
            }
            var dropped = marker is >= 0xE1 and <= 0xEF or 0xFE;
            if (!dropped) output.Write(segment);
            i += 2 + length;
        }
        return null;
    }

    /// <summary>
    /// The index just past the first end-of-image marker, or -1. Inside compressed data a 0xFF byte is always
    /// followed by 0x00 or a restart marker, so the first 0xFF 0xD9 is the real end; whatever follows is dropped.
    /// </summary>
    static int EndOfImage(ReadOnlySpan<byte> jpeg, int from)
    {
        for (var i = from; i + 1 < jpeg.Length; i++)
            if (jpeg[i] == 0xFF && jpeg[i + 1] == 0xD9) return i + 2;
        return -1;
    }
}
