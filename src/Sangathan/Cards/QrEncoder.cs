using System.Text;

namespace Sangathan.Cards;

/// <summary>
/// QR codes as ISO/IEC 18004 makes them, at error correction level Q only (what the cards and meetings print), in one
/// segment: alphanumeric mode when every character allows it (a card's Base45 code does), bytes otherwise (Latin-1,
/// or UTF-8 after its ECI). Ours rather than QRCoder's because a card's QR was a fifth of its PDF's time there
/// (2 ms, its matrix a list of BitArrays), against a tenth of a millisecond on flat arrays.
/// </summary>
public static class QrEncoder
{
    // Level Q by version: error correction codewords per block, and blocks (ISO/IEC 18004, table 9).
    static readonly byte[] EcPerBlock = [0, 13, 22, 18, 26, 18, 24, 18, 22, 20, 24, 28, 26, 24, 20, 30, 24, 28, 28, 26, 30,
        28, 30, 30, 30, 30, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30];
    static readonly byte[] BlockCount = [0, 1, 1, 2, 2, 4, 4, 6, 6, 8, 8, 8, 10, 12, 16, 12, 17, 16, 18, 21, 20,
        23, 23, 25, 27, 29, 34, 34, 35, 38, 40, 43, 45, 48, 51, 53, 56, 59, 62, 65, 68];
    const int LevelQ = 0b11;

    /// <summary>The symbol's modules, row by row (true is dark), without the quiet zone; and its side in modules.</summary>
    public static (bool[] Dark, int Size) Encode(string text)
    {
        var (bits, version) = Data(text);
        var symbol = new QrSymbol(version);
        symbol.Place(Codewords(bits, version, RawModules(version) / 8));
        symbol.MaskBest(LevelQ);
        return (symbol.Dark, symbol.Size);
    }

    /// <summary>The segment's bits (mode, count, data) and the smallest version that holds them.</summary>
    static (QrBits Bits, int Version) Data(string text)
    {
        var alphanumeric = text.AsSpan().IndexOfAnyExcept(Base45.Alphabet) < 0;
        var utf8 = !alphanumeric && text.Any(c => c > '\u00FF');
        byte[] bytes = alphanumeric ? [] : utf8 ? Encoding.UTF8.GetBytes(text) : Encoding.Latin1.GetBytes(text);
        var payload = alphanumeric ? text.Length / 2 * 11 + text.Length % 2 * 6 : (utf8 ? 12 : 0) + bytes.Length * 8;
        var version = 1;
        while (4 + CountBits(alphanumeric, version) + payload > DataCodewords(version) * 8)
            if (++version > 40) throw new ArgumentException("The text is too long for a QR code at level Q.", nameof(text));
        var bits = new QrBits(DataCodewords(version));
        if (alphanumeric)
        {
            bits.Add(0b0010, 4);
            bits.Add(text.Length, CountBits(true, version));
            for (var i = 0; i < text.Length; i += 2)
                if (i + 1 < text.Length) bits.Add(Base45.Value(text[i]) * 45 + Base45.Value(text[i + 1]), 11);
                else bits.Add(Base45.Value(text[i]), 6);
        }
        else
        {
            if (utf8) bits.Add(0b0111_00011010, 12); // ECI 26: UTF-8
            bits.Add(0b0100, 4);
            bits.Add(bytes.Length, CountBits(false, version));
            foreach (var b in bytes) bits.Add(b, 8);
        }
        return (bits, version);
    }

    static int CountBits(bool alphanumeric, int version) =>
        alphanumeric ? (version < 10 ? 9 : version < 27 ? 11 : 13) : (version < 10 ? 8 : 16);

    static int DataCodewords(int version) => RawModules(version) / 8 - EcPerBlock[version] * BlockCount[version];

    /// <summary>Modules left for codewords once the finder, timing, alignment, format and version patterns are drawn.</summary>
    static int RawModules(int version)
    {
        var modules = (16 * version + 128) * version + 64;
        if (version < 2) return modules;
        var alignments = version / 7 + 2;
        modules -= (25 * alignments - 10) * alignments - 55;
        return version >= 7 ? modules - 36 : modules;
    }

    /// <summary>Data padded to its codewords, split into blocks, each followed by its Reed-Solomon codewords, interleaved.</summary>
    static byte[] Codewords(QrBits bits, int version, int total)
    {
        var ec = EcPerBlock[version];
        var blocks = BlockCount[version];
        var dataLength = total - ec * blocks;
        bits.Add(0, Math.Min(4, dataLength * 8 - bits.Count));
        bits.Add(0, (8 - bits.Count % 8) % 8);
        var data = bits.Bytes;
        for (var i = bits.Count / 8; i < dataLength; i++) data[i] = (i - bits.Count / 8) % 2 == 0 ? (byte)0xEC : (byte)0x11;

        // Short blocks first; the long ones carry one data codeword more.
        var shortLength = dataLength / blocks;
        var longBlocks = dataLength % blocks;
        var generator = ReedSolomon.Generator(ec);
        var result = new byte[total];
        var at = 0;
        var starts = new int[blocks];
        for (var b = 0; b < blocks; b++) starts[b] = b * shortLength + Math.Max(0, b - (blocks - longBlocks));
        for (var i = 0; i <= shortLength; i++)
            for (var b = 0; b < blocks; b++)
                if (i < shortLength || b >= blocks - longBlocks) result[at++] = data[starts[b] + i];
        var remainders = new byte[blocks][];
        for (var b = 0; b < blocks; b++)
            remainders[b] = ReedSolomon.Remainder(data.AsSpan(starts[b], shortLength + (b >= blocks - longBlocks ? 1 : 0)), generator);
        for (var i = 0; i < ec; i++)
            for (var b = 0; b < blocks; b++) result[at++] = remainders[b][i];
        return result;
    }
}

/// <summary>Bits written most significant first into a fixed number of bytes.</summary>
sealed class QrBits(int bytes)
{
    public byte[] Bytes { get; } = new byte[bytes];
    public int Count { get; private set; }

    public void Add(int value, int length)
    {
        for (var i = length - 1; i >= 0; i--, Count++)
            if ((value >> i & 1) != 0) Bytes[Count >> 3] |= (byte)(0x80 >> (Count & 7));
    }
}

/// <summary>Reed-Solomon over GF(256) with the QR's polynomial x^8 + x^4 + x^3 + x^2 + 1.</summary>
static class ReedSolomon
{
    static readonly byte[] Exp = new byte[510], Log = new byte[256];
    static readonly byte[]?[] Generators = new byte[31][];

    static ReedSolomon()
    {
        var x = 1;
        for (var i = 0; i < 255; i++)
        {
            Exp[i] = Exp[i + 255] = (byte)x;
            Log[x] = (byte)i;
            x <<= 1;
            if (x > 0xFF) x ^= 0x11D;
        }
        for (var degree = 1; degree < Generators.Length; degree++) Generators[degree] = Make(degree);
    }

    static byte Multiply(byte a, byte b) => a == 0 || b == 0 ? (byte)0 : Exp[Log[a] + Log[b]];

    /// <summary>The product of (x - 2^i) for i below <paramref name="degree"/>, highest power first, its leading 1 left out.</summary>
    public static byte[] Generator(int degree) => Generators[degree]!;

    static byte[] Make(int degree)
    {
        var g = new byte[degree + 1];
        g[0] = 1;
        for (var i = 0; i < degree; i++)
        {
            var root = Exp[i];
            for (var k = i + 1; k > 0; k--) g[k] = (byte)(g[k - 1] ^ Multiply(g[k], root));
            g[0] = Multiply(g[0], root);
        }
        // g holds the coefficients lowest power first; reversed, without the leading 1.
        var result = new byte[degree];
        for (var k = 0; k < degree; k++) result[k] = g[degree - 1 - k];
        return result;
    }

    public static byte[] Remainder(ReadOnlySpan<byte> data, byte[] generator)
    {
        var r = new byte[generator.Length];
        foreach (var d in data)
        {
            var factor = (byte)(d ^ r[0]);
            Array.Copy(r, 1, r, 0, r.Length - 1);
            r[^1] = 0;
            if (factor == 0) continue;
            for (var i = 0; i < r.Length; i++) r[i] ^= Multiply(generator[i], factor);
        }
        return r;
    }
}
