using System.Buffers.Binary;

namespace Sangathan.Cards;

/// <summary>
/// A copy of a TrueType font for drawing glyphs already shaped: the same glyph ids, without the shaping tables
/// (GSUB, GPOS, GDEF), hinting or glyph names, and, when a set of glyphs is given, with every other glyph's outline
/// left empty. Skia's PDF writer cannot subset fonts in this build and embeds whatever font it is given, compressed
/// anew in every document; a card's few dozen glyphs make a font of a few kilobytes instead of 200.
/// </summary>
public static class FontPruning
{
    static readonly string[] Kept = ["OS/2", "cmap", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "name", "post"];

    public static byte[] Prune(byte[] font, IReadOnlySet<ushort>? glyphs = null)
    {
        var tables = Tables(font);
        var head = tables["head"].ToArray();
        var glyphCount = BinaryPrimitives.ReadUInt16BigEndian(tables["maxp"].Span[4..]);
        var shortOffsets = BinaryPrimitives.ReadInt16BigEndian(head.AsSpan(50)) == 0;
        var loca = tables["loca"].Span;
        var glyf = tables["glyf"].Span;

        var keep = new bool[glyphCount];
        if (glyphs is null) Array.Fill(keep, true);
        else
        {
            keep[0] = true; // .notdef
            var pending = new Stack<int>(glyphs.Where(g => g < glyphCount).Select(g => (int)g));
            while (pending.TryPop(out var g))
            {
                if (keep[g] && g != 0) continue;
                keep[g] = true;
                foreach (var part in Components(glyf[Offset(loca, shortOffsets, g)..Offset(loca, shortOffsets, g + 1)]))
                    if (part < glyphCount && !keep[part]) pending.Push(part);
            }
        }

        var newGlyf = new MemoryStream();
        var newLoca = new byte[(glyphCount + 1) * 4];
        for (var g = 0; g < glyphCount; g++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(newLoca.AsSpan(g * 4), (uint)newGlyf.Length);
            if (!keep[g]) continue;
            newGlyf.Write(glyf[Offset(loca, shortOffsets, g)..Offset(loca, shortOffsets, g + 1)]);
            while (newGlyf.Length % 4 != 0) newGlyf.WriteByte(0);
        }
        BinaryPrimitives.WriteUInt32BigEndian(newLoca.AsSpan(glyphCount * 4), (uint)newGlyf.Length);
        BinaryPrimitives.WriteInt16BigEndian(head.AsSpan(50), 1); // long offsets
        BinaryPrimitives.WriteUInt32BigEndian(head.AsSpan(8), 0);  // checkSumAdjustment, set below
        // Format 3: no glyph names.
        var post = tables["post"].Span[..32].ToArray();
        BinaryPrimitives.WriteUInt32BigEndian(post, 0x00030000);

        var output = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var tag in Kept)
            if (tables.TryGetValue(tag, out var table)) output[tag] = table.ToArray();
        output["head"] = head;
        output["glyf"] = newGlyf.ToArray();
        output["loca"] = newLoca;
        output["post"] = post;
        return Write(font.AsSpan(0, 4), output);
    }

    static int Offset(ReadOnlySpan<byte> loca, bool shortOffsets, int g) =>
        shortOffsets ? BinaryPrimitives.ReadUInt16BigEndian(loca[(g * 2)..]) * 2 : (int)BinaryPrimitives.ReadUInt32BigEndian(loca[(g * 4)..]);

    static Dictionary<string, ReadOnlyMemory<byte>> Tables(byte[] font)
    {
        var count = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(4));
        var tables = new Dictionary<string, ReadOnlyMemory<byte>>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var record = font.AsSpan(12 + i * 16, 16);
            var tag = System.Text.Encoding.ASCII.GetString(record[..4]);
            var offset = (int)BinaryPrimitives.ReadUInt32BigEndian(record[8..]);
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(record[12..]);
            tables[tag] = font.AsMemory(offset, length);
        }
        return tables;
    }

    /// <summary>The glyphs a composite glyph is built from (none for a simple one).</summary>
    static List<int> Components(ReadOnlySpan<byte> glyph)
    {
        var parts = new List<int>();
        if (glyph.Length < 10 || BinaryPrimitives.ReadInt16BigEndian(glyph) >= 0) return parts;
        var at = 10;
        while (at + 4 <= glyph.Length)
        {
            var flags = BinaryPrimitives.ReadUInt16BigEndian(glyph[at..]);
            parts.Add(BinaryPrimitives.ReadUInt16BigEndian(glyph[(at + 2)..]));
            at += 4 + ((flags & 0x0001) != 0 ? 4 : 2);
            at += (flags & 0x0008) != 0 ? 2 : (flags & 0x0040) != 0 ? 4 : (flags & 0x0080) != 0 ? 8 : 0;
            if ((flags & 0x0020) == 0) break;
        }
        return parts;
    }

    static byte[] Write(ReadOnlySpan<byte> version, Dictionary<string, byte[]> tables)
    {
        var tags = tables.Keys.Order(StringComparer.Ordinal).ToList();
        var n = tags.Count;
        var power = 1;
        var log = 0;
        while (power * 2 <= n) { power *= 2; log++; }
        var size = 12 + 16 * n + tables.Values.Sum(t => (t.Length + 3) & ~3);
        var file = new byte[size];
        version.CopyTo(file);
        BinaryPrimitives.WriteUInt16BigEndian(file.AsSpan(4), (ushort)n);
        BinaryPrimitives.WriteUInt16BigEndian(file.AsSpan(6), (ushort)(power * 16));
        BinaryPrimitives.WriteUInt16BigEndian(file.AsSpan(8), (ushort)log);
        BinaryPrimitives.WriteUInt16BigEndian(file.AsSpan(10), (ushort)(n * 16 - power * 16));
        var offset = 12 + 16 * n;
        var headAt = 0;
        for (var i = 0; i < n; i++)
        {
            var table = tables[tags[i]];
            var record = file.AsSpan(12 + i * 16, 16);
            System.Text.Encoding.ASCII.GetBytes(tags[i], record);
            BinaryPrimitives.WriteUInt32BigEndian(record[4..], Checksum(table));
            BinaryPrimitives.WriteUInt32BigEndian(record[8..], (uint)offset);
            BinaryPrimitives.WriteUInt32BigEndian(record[12..], (uint)table.Length);
            table.CopyTo(file, offset);
            if (tags[i] == "head") headAt = offset;
            offset += (table.Length + 3) & ~3;
        }
        BinaryPrimitives.WriteUInt32BigEndian(file.AsSpan(headAt + 8), 0xB1B0AFBA - Checksum(file));
        return file;
    }

    static uint Checksum(ReadOnlySpan<byte> data)
    {
        uint sum = 0;
        for (var i = 0; i < data.Length; i += 4)
        {
            uint word = 0;
            for (var k = 0; k < 4; k++) word = word << 8 | (i + k < data.Length ? data[i + k] : 0u);
            sum += word;
        }
        return sum;
    }
}
