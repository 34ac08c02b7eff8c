using Sangathan.People;
using SkiaSharp;
using static Sangathan.Platform.Localization.Texts;

namespace Sangathan.Membership;

/// <summary>A member's photo as it is kept: a small JPEG re-encoded from the pixels, so nothing of the file but the picture survives.</summary>
public sealed record CheckedPhoto(byte[] Jpeg, long Hash);

/// <summary>
/// A member's photo through the one photo check (<see cref="PhotoCheck"/>), shrunk to a face's size, with its
/// perceptual hash, to find the same face enrolled twice. The enrollment page's already shrunk JPEG is kept as it
/// came, only its metadata cut away: the drive's surge rate depends on not re-encoding it.
/// </summary>
public static class MemberPhoto
{
    public const int MaxUploadBytes = PhotoCheck.MaxUploadBytes;
    public const int MaxSide = 480;

    /// <param name="maxSide">The longest side kept: a member's face needs 480 pixels, a photo of a meeting hall more.</param>
    public static (CheckedPhoto? Photo, string? Error) Check(byte[] upload, int maxSide = MaxSide)
    {
        if (upload.Length == 0) return (null, T("Take the member's photo."));
        using var codec = PhotoCheck.Open(upload, out var error);
        if (codec is null) return (null, error);

        var info = codec.Info;
        if (codec.EncodedFormat == SKEncodedImageFormat.Jpeg && Math.Max(info.Width, info.Height) <= maxSide
            && codec.EncodedOrigin == SKEncodedOrigin.TopLeft)
            return Small(codec, upload);

        using var small = PhotoCheck.Decode(codec, maxSide);
        if (small is null) return (null, PhotoCheck.NotAnImage);
        return (new CheckedPhoto(PhotoCheck.Jpeg(small, 75), DifferenceHash(small)), null);
    }

    /// <summary>
    /// The phone already shrank it and turned it upright (the enrollment page does): the picture is kept as it came,
    /// only its metadata cut away. It is still decoded, at an eighth of its size (cheap for a JPEG), to prove it is
    /// an image and to take its perceptual hash.
    /// </summary>
    static (CheckedPhoto?, string?) Small(SKCodec codec, byte[] upload)
    {
        var invalid = (default(CheckedPhoto), PhotoCheck.NotAnImage);
        var stripped = JpegSegments.Strip(upload);
        if (stripped is null) return invalid;
        var size = codec.GetScaledDimensions(0.125f);
        using var tiny = new SKBitmap(new SKImageInfo(Math.Max(1, size.Width), Math.Max(1, size.Height), SKColorType.Rgba8888, SKAlphaType.Premul));
        var result = codec.GetPixels(tiny.Info, tiny.GetPixels());
        if (result is not (SKCodecResult.Success or SKCodecResult.IncompleteInput)) return invalid;
        return (new CheckedPhoto(stripped, DifferenceHash(tiny)), null);
    }

    /// <summary>dHash: the photo in 9×8 greys, one bit per pair of neighbours. Near-identical photos differ in few bits.</summary>
    public static long DifferenceHash(SKBitmap bitmap)
    {
        using var tiny = bitmap.Resize(new SKImageInfo(9, 8, SKColorType.Gray8), new SKSamplingOptions(SKFilterMode.Linear));
        long hash = 0;
        for (var y = 0; y < 8; y++)
            for (var x = 0; x < 8; x++)
                hash = (hash << 1) | (tiny.GetPixel(x, y).Red > tiny.GetPixel(x + 1, y).Red ? 1L : 0L);
        return hash;
    }

    /// <inheritdoc cref="PhotoCheck.ReadUploadAsync"/>
    public static Task<byte[]?> ReadUploadAsync(IFormFile? file, CancellationToken ct) => PhotoCheck.ReadUploadAsync(file, ct);

    public static int Distance(long a, long b) => System.Numerics.BitOperations.PopCount((ulong)(a ^ b));
}
