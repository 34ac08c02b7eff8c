using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Sangathan.Data;
using static Sangathan.Platform.Localization.Texts;

namespace Sangathan.People;

/// <summary>An uploaded image, already checked by <see cref="PhotoUpload.Read"/>.</summary>
public sealed record PhotoUpload(byte[] Content, string ContentType)
{
    public const int MaxBytes = 2 * 1024 * 1024;

    /// <summary>Reads an upload and accepts it only if its bytes are a JPEG, PNG or WebP image of sane size.</summary>
    public static async Task<(PhotoUpload? Photo, string? Error)> Read(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0) return (null, null);
        if (file.Length > MaxBytes) return (null, T("The photo is too large: at most 2 MB."));
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        var bytes = buffer.ToArray();
        var type = Sniff(bytes);
        return type is null ? (null, T("The photo must be a JPEG, PNG or WebP image.")) : (new PhotoUpload(bytes, type), null);
    }

    // The browser's claimed content type is not trusted: the first bytes say what the file really is.
    static string? Sniff(byte[] b) =>
        b.Length > 12 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF ? "image/jpeg"
        : b.Length > 12 && b.AsSpan(0, 8).SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }) ? "image/png"
        : b.Length > 12 && b.AsSpan(0, 4).SequenceEqual("RIFF"u8) && b.AsSpan(8, 4).SequenceEqual("WEBP"u8) ? "image/webp"
        : null;
}

public static class PhotoStore
{
    /// <summary>Stores the image once by its hash and returns its id.</summary>
    public static async Task<int> SaveAsync(AppDb db, PhotoUpload upload, CancellationToken ct)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(upload.Content));
        if (await IdOfAsync(db, hash, ct) is { } id) return id;
        var photo = new Photo { Sha256 = hash, ContentType = upload.ContentType, Content = upload.Content };
        db.Photos.Add(photo);
        try
        {
            await db.SaveChangesAsync(ct);
            return photo.Id;
        }
        catch (DbUpdateException)
        {
            // The same picture sent twice at once (a phone retrying): the other request stored it first. EF has rolled
            // back to the savepoint it took before the save (or its own transaction), so the caller's work goes on.
            db.Entry(photo).State = EntityState.Detached;
            return await IdOfAsync(db, hash, ct) ?? throw new InvalidOperationException("A photo clashed with one that is not there.");
        }
    }

    /// <summary>
    /// For a save that writes the owner in the same batch: the stored picture's id, or a new photo for the owner's
    /// navigation. Two first sends of one picture at once then clash on its hash, and the owner's save fails whole.
    /// </summary>
    public static async Task<(int? Id, Photo? New)> FindOrMakeAsync(AppDb db, PhotoUpload upload, CancellationToken ct)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(upload.Content));
        return await IdOfAsync(db, hash, ct) is { } id
            ? (id, null)
            : (null, new Photo { Sha256 = hash, ContentType = upload.ContentType, Content = upload.Content });
    }

    static Task<int?> IdOfAsync(AppDb db, string hash, CancellationToken ct) =>
        db.Photos.Where(p => p.Sha256 == hash).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
}
