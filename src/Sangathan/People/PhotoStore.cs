using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Sangathan.Data;
using SkiaSharp;

namespace Sangathan.People;

/// <summary>A picture ready to store: already checked and re-encoded (<see cref="Check"/>, or a member's photo check).</summary>
public sealed record PhotoUpload(byte[] Content, string ContentType, byte[]? Thumbnail = null)
{
    /// <summary>
    /// An office bearer's photo keeps more than a member's 480: it is their public face, shown full width on a phone
    /// (360 CSS pixels at 2x) and printed in the party's lists and posters, and 800 pixels still make a JPEG of about
    /// 100 KB, a fifth of what phones upload.
    /// </summary>
    public const int MaxSide = 800;

    /// <summary>Avatars are 48 CSS pixels, so 96 pixels keeps them sharp on a 2x screen.</summary>
    public const int ThumbnailSide = 96;

    /// <summary>Reads a form's upload and checks it; no file is no photo, and no error.</summary>
    public static async Task<(PhotoUpload? Photo, string? Error)> Read(IFormFile? file, CancellationToken ct) =>
        await PhotoCheck.ReadUploadAsync(file, ct) is { } bytes ? Check(bytes) : (null, null);

    /// <summary>An office bearer's photo as members' are kept: decoded, upright, shrunk, re-encoded, with its thumbnail.</summary>
    public static (PhotoUpload? Photo, string? Error) Check(byte[] upload)
    {
        using var codec = PhotoCheck.Open(upload, out var error);
        if (codec is null) return (null, error);
        using var picture = PhotoCheck.Decode(codec, MaxSide);
        if (picture is null) return (null, PhotoCheck.NotAnImage);
        return (new PhotoUpload(PhotoCheck.Jpeg(picture, 80), "image/jpeg", ThumbnailOf(picture)), null);
    }

    public static byte[] ThumbnailOf(SKBitmap picture)
    {
        using var square = PhotoCheck.Square(picture, ThumbnailSide);
        return PhotoCheck.Jpeg(square, 75);
    }
}

public static class PhotoStore
{
    /// <summary>Stores the image once by its hash and returns its id.</summary>
    public static async Task<int> SaveAsync(AppDb db, PhotoUpload upload, CancellationToken ct)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(upload.Content));
        if (await IdOfAsync(db, hash, ct) is { } id) return id;
        var photo = new Photo { Sha256 = hash, ContentType = upload.ContentType, Content = upload.Content, Thumbnail = upload.Thumbnail };
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
            : (null, new Photo { Sha256 = hash, ContentType = upload.ContentType, Content = upload.Content, Thumbnail = upload.Thumbnail });
    }

    /// <summary>
    /// A photo's thumbnail, made on first request for photos stored before thumbnails were (and for members' photos,
    /// whose enrollment does not spend the time): a plain update on both databases, where a migration could not
    /// decode images. Null when there is no such photo, or it does not decode (one stored unchecked long ago).
    /// </summary>
    public static async Task<(byte[] Jpeg, string Sha256)?> ThumbnailAsync(AppDb db, int id, CancellationToken ct)
    {
        var stored = await db.Photos.Where(p => p.Id == id).Select(p => new { p.Thumbnail, p.Sha256 }).FirstOrDefaultAsync(ct);
        if (stored is null) return null;
        if (stored.Thumbnail is { } kept) return (kept, stored.Sha256);
        var content = await db.Photos.Where(p => p.Id == id).Select(p => p.Content).FirstOrDefaultAsync(ct);
        if (content is null) return null;
        using var codec = PhotoCheck.Open(content, out _);
        if (codec is null) return null;
        // Decoded no larger than needed: a JPEG decodes at an eighth of its size almost for free.
        using var picture = PhotoCheck.Decode(codec, PhotoUpload.ThumbnailSide * 2);
        if (picture is null) return null;
        var thumbnail = PhotoUpload.ThumbnailOf(picture);
        // Two first requests at once make the same bytes; the second finds the column filled and leaves it.
        await db.Photos.Where(p => p.Id == id && p.Thumbnail == null).ExecuteUpdateAsync(s => s.SetProperty(p => p.Thumbnail, thumbnail), ct);
        return (thumbnail, stored.Sha256);
    }

    static Task<int?> IdOfAsync(AppDb db, string hash, CancellationToken ct) =>
        db.Photos.Where(p => p.Sha256 == hash).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
}
