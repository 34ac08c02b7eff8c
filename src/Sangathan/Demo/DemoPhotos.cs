using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Sangathan.Data;
using Sangathan.People;

namespace Sangathan.Demo;

/// <summary>
/// Eight head-and-shoulders silhouettes on different colours, four with long hair, stored once and shared:
/// the demo shows where photos are and where they are missing without shipping anyone's face.
/// </summary>
internal static class DemoPhotos
{
    const int Size = 96;

    static readonly (byte R, byte G, byte B)[] Backgrounds =
    [
        (0x4F, 0x7C, 0xAC), (0x5B, 0x8C, 0x5A), (0xC0, 0x7A, 0x3A), (0x8E, 0x5B, 0x9E),
        (0x3E, 0x8E, 0x8E), (0xB0, 0x50, 0x50), (0x6D, 0x6D, 0x8A), (0x9A, 0x8A, 0x3E),
    ];

    public static async Task<PhotoSet> InsertAsync(AppDb db, CancellationToken ct)
    {
        var images = Backgrounds.Select((bg, i) => (LongHair: i % 2 == 1, Bytes: Paint(bg, i % 2 == 1))).ToList();
        var hashes = images.Select(i => Convert.ToHexStringLower(SHA256.HashData(i.Bytes))).ToList();
        // Content-addressed: a photo with the same bytes already stored is reused, never duplicated.
        var stored = await db.Photos.Where(p => hashes.Contains(p.Sha256)).ToDictionaryAsync(p => p.Sha256, p => p.Id, ct);
        var added = images.Select((image, i) => (image.LongHair, Photo: stored.ContainsKey(hashes[i]) ? null
            : new Photo { Sha256 = hashes[i], ContentType = "image/png", Content = image.Bytes })).ToList();
        db.Photos.AddRange(added.Where(a => a.Photo is not null).Select(a => a.Photo!));
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        var ids = added.Select((a, i) => (a.LongHair, Id: a.Photo?.Id ?? stored[hashes[i]])).ToList();
        return new PhotoSet(ids.Where(x => !x.LongHair).Select(x => x.Id).ToArray(),
            ids.Where(x => x.LongHair).Select(x => x.Id).ToArray());
    }

    /// <summary>Draws at 4x4 samples per pixel so the edges come out smooth.</summary>
    static byte[] Paint((byte R, byte G, byte B) bg, bool longHair)
    {
        var rgb = new byte[Size * Size * 3];
        (double R, double G, double B) fg = (0xF4, 0xF1, 0xEA);
        for (var y = 0; y < Size; y++)
            for (var x = 0; x < Size; x++)
            {
                var hits = 0;
                for (var sy = 0; sy < 4; sy++)
                    for (var sx = 0; sx < 4; sx++)
                        if (Inside(x + (sx + 0.5) / 4, y + (sy + 0.5) / 4, longHair)) hits++;
                var a = hits / 16.0;
                var o = (y * Size + x) * 3;
                rgb[o] = (byte)Math.Round(bg.R + (fg.R - bg.R) * a);
                rgb[o + 1] = (byte)Math.Round(bg.G + (fg.G - bg.G) * a);
                rgb[o + 2] = (byte)Math.Round(bg.B + (fg.B - bg.B) * a);
            }
        return Png.Encode(Size, Size, rgb);
    }

    static bool Inside(double x, double y, bool longHair) =>
        Ellipse(x, y, 48, 38, 17, 19)                      // head
        || (x >= 41 && x <= 55 && y >= 50 && y <= 72)      // neck
        || Ellipse(x, y, 48, 100, 38, 32)                  // shoulders
        || (longHair && (Ellipse(x, y, 48, 36, 21, 22) || Ellipse(x, y, 48, 54, 19, 16)));

    static bool Ellipse(double x, double y, double cx, double cy, double rx, double ry) =>
        (x - cx) * (x - cx) / (rx * rx) + (y - cy) * (y - cy) / (ry * ry) <= 1;
}
