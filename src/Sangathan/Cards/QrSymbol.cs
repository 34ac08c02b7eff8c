namespace Sangathan.Cards;

/// <summary>
/// One QR symbol's square of modules (ISO/IEC 18004, section 7): its function patterns drawn first, then the
/// codewords placed in the two-module-wide zigzag, then the mask with the lowest penalty and its format bits.
/// </summary>
sealed class QrSymbol
{
    readonly int version;
    readonly bool[] function;

    public QrSymbol(int version)
    {
        this.version = version;
        Size = 17 + 4 * version;
        Dark = new bool[Size * Size];
        function = new bool[Size * Size];
        DrawFunctionPatterns();
    }

    public int Size { get; }
    public bool[] Dark { get; }

    void Set(int row, int col, bool dark)
    {
        Dark[row * Size + col] = dark;
        function[row * Size + col] = true;
    }

    void DrawFunctionPatterns()
    {
        for (var i = 0; i < Size; i++)
        {
            Set(6, i, i % 2 == 0);
            Set(i, 6, i % 2 == 0);
        }
        Finder(3, 3);
        Finder(3, Size - 4);
        Finder(Size - 4, 3);
        var centres = AlignmentCentres();
        foreach (var r in centres)
            foreach (var c in centres)
            {
                var corner = (r == 6 && c == 6) || (r == 6 && c == Size - 7) || (r == Size - 7 && c == 6);
                if (!corner) Alignment(r, c);
            }
        Format(0, 0); // reserved now, written with the mask
        if (version >= 7) Version();
    }

    /// <summary>The 7x7 finder with its light separator, centred on (row, col), cut at the symbol's edge.</summary>
    void Finder(int row, int col)
    {
        for (var dr = -4; dr <= 4; dr++)
            for (var dc = -4; dc <= 4; dc++)
            {
                var (r, c) = (row + dr, col + dc);
                if (r < 0 || r >= Size || c < 0 || c >= Size) continue;
                var ring = Math.Max(Math.Abs(dr), Math.Abs(dc));
                Set(r, c, ring != 2 && ring != 4);
            }
    }

    void Alignment(int row, int col)
    {
        for (var dr = -2; dr <= 2; dr++)
            for (var dc = -2; dc <= 2; dc++)
                Set(row + dr, col + dc, Math.Max(Math.Abs(dr), Math.Abs(dc)) != 1);
    }

    /// <summary>Rows (and columns) of the alignment patterns' centres: 6, then evenly spaced up to Size - 7.</summary>
    int[] AlignmentCentres()
    {
        if (version == 1) return [];
        var count = version / 7 + 2;
        var step = version == 32 ? 26 : (version * 4 + count * 2 + 1) / (count * 2 - 2) * 2;
        var centres = new int[count];
        centres[0] = 6;
        for (var i = count - 1; i >= 1; i--) centres[i] = Size - 7 - (count - 1 - i) * step;
        return centres;
    }

    /// <summary>The 15 format bits (level and mask, BCH-protected, XOR 0x5412) in both their places, and the dark module.</summary>
    void Format(int level, int mask)
    {
        var data = level << 3 | mask;
        var rem = data;
        for (var i = 0; i < 10; i++) rem = rem << 1 ^ (rem >> 9) * 0x537;
        var bits = (data << 10 | rem) ^ 0x5412;
        bool Bit(int i) => (bits >> i & 1) != 0;
        for (var i = 0; i <= 5; i++) Set(i, 8, Bit(i));
        Set(7, 8, Bit(6));
        Set(8, 8, Bit(7));
        Set(8, 7, Bit(8));
        for (var i = 9; i < 15; i++) Set(8, 14 - i, Bit(i));
        for (var i = 0; i < 8; i++) Set(8, Size - 1 - i, Bit(i));
        for (var i = 8; i < 15; i++) Set(Size - 15 + i, 8, Bit(i));
        Set(Size - 8, 8, true);
    }

    /// <summary>Versions 7 and up: the version number with its Golay check bits, in two 6x3 blocks.</summary>
    void Version()
    {
        var rem = version;
        for (var i = 0; i < 12; i++) rem = rem << 1 ^ (rem >> 11) * 0x1F25;
        var bits = version << 12 | rem;
        for (var i = 0; i < 18; i++)
        {
            var dark = (bits >> i & 1) != 0;
            var (a, b) = (Size - 11 + i % 3, i / 3);
            Set(b, a, dark);
            Set(a, b, dark);
        }
    }

    /// <summary>The codewords' bits, most significant first, up and down the column pairs from the right (column 6 is timing).</summary>
    public void Place(byte[] codewords)
    {
        var bit = 0;
        var total = codewords.Length * 8;
        var upwards = true;
        for (var right = Size - 1; right >= 1; right -= 2, upwards = !upwards)
        {
            if (right == 6) right = 5;
            for (var step = 0; step < Size; step++)
            {
                var row = upwards ? Size - 1 - step : step;
                for (var col = right; col >= right - 1; col--)
                {
                    var at = row * Size + col;
                    if (function[at]) continue;
                    // Remainder bits past the last codeword stay light.
                    if (bit < total) Dark[at] = (codewords[bit >> 3] >> (7 - (bit & 7)) & 1) != 0;
                    bit++;
                }
            }
        }
    }

    public void MaskBest(int level)
    {
        var (best, lowest) = (0, int.MaxValue);
        for (var mask = 0; mask < 8; mask++)
        {
            Apply(mask);
            Format(level, mask);
            var penalty = QrPenalty.Of(Dark, Size);
            if (penalty < lowest) (best, lowest) = (mask, penalty);
            Apply(mask); // undone
        }
        Apply(best);
        Format(level, best);
    }

    void Apply(int mask)
    {
        for (var r = 0; r < Size; r++)
            for (var c = 0; c < Size; c++)
            {
                var at = r * Size + c;
                var flip = mask switch
                {
                    0 => (r + c) % 2 == 0,
                    1 => r % 2 == 0,
                    2 => c % 3 == 0,
                    3 => (r + c) % 3 == 0,
                    4 => (r / 2 + c / 3) % 2 == 0,
                    5 => r * c % 2 + r * c % 3 == 0,
                    6 => (r * c % 2 + r * c % 3) % 2 == 0,
                    _ => ((r + c) % 2 + r * c % 3) % 2 == 0,
                };
                // Without branches, which a random pattern would mispredict half the time.
                Dark[at] ^= flip & !function[at];
            }
    }
}

/// <summary>
/// The four penalty rules a mask is chosen by (ISO/IEC 18004, section 7.8.3), inside the symbol. Eight masks are
/// scored a code, so the loops look up tables instead of branching on modules, which are random by design.
/// </summary>
static class QrPenalty
{
    static readonly int[] RunPenalty = [0, 0, 0, 0, 0, 3, 1]; // by run length, 6 standing for longer: 3 at five, 1 a module more
    static readonly int[] BlockPenalty = [3, 0, 0, 0, 3];     // by dark modules in a 2x2 block

    public static int Of(bool[] dark, int size)
    {
        var penalty = 0;
        for (var i = 0; i < size; i++)
        {
            penalty += Line(dark, i * size, 1, size);
            penalty += Line(dark, i, size, size);
        }
        var count = 0;
        for (var r = 0; r + 1 < size; r++)
        {
            var at = r * size;
            var left = Of(dark[at]) + Of(dark[at + size]);
            count += Of(dark[at]);
            for (var c = 1; c < size; c++)
            {
                var right = Of(dark[at + c]) + Of(dark[at + size + c]);
                penalty += BlockPenalty[left + right];
                count += Of(dark[at + c]);
                left = right;
            }
        }
        for (var c = 0; c < size; c++) count += Of(dark[(size - 1) * size + c]);
        var total = size * size;
        // 10 for each full 5% the dark share is away from half.
        return penalty + Math.Abs(20 * count - 10 * total) / total * 10;
    }

    static int Of(bool dark) => dark ? 1 : 0;

    /// <summary>One row or column: runs of five or more alike, and finder-like 1011101 beside four light (40).</summary>
    static int Line(bool[] dark, int start, int stride, int size)
    {
        var penalty = 0;
        var run = 0;
        var previous = -1;
        var window = 0; // the last 11 modules, newest lowest
        for (var i = 0; i < size; i++)
        {
            var d = Of(dark[start + i * stride]);
            run = run * (d == previous ? 1 : 0) + 1;
            penalty += RunPenalty[Math.Min(run, 6)];
            previous = d;
            window = (window << 1 | d) & 0x7FF;
            if (window is 0b101_1101_0000 or 0b000_0101_1101 && i >= 10) penalty += 40;
        }
        return penalty;
    }
}
