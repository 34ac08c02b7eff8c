namespace Sangathan.Cards;

/// <summary>
/// RFC 9285's Base45, as the EU's digital COVID certificate uses it: bytes as characters of the QR code's
/// alphanumeric mode, which stores 5.5 bits a character, so the code holds 97% of what raw bytes would while every
/// scanner reads it back as plain text.
/// </summary>
public static class Base45
{
    public const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";

    public static string Encode(ReadOnlySpan<byte> data)
    {
        var chars = new char[data.Length / 2 * 3 + data.Length % 2 * 2];
        var o = 0;
        for (var i = 0; i + 1 < data.Length; i += 2)
        {
            var n = data[i] * 256 + data[i + 1];
            chars[o++] = Alphabet[n % 45];
            chars[o++] = Alphabet[n / 45 % 45];
            chars[o++] = Alphabet[n / 2025];
        }
        if (data.Length % 2 == 1)
        {
            var n = data[^1];
            chars[o++] = Alphabet[n % 45];
            chars[o] = Alphabet[n / 45];
        }
        return new string(chars);
    }

    /// <summary>The bytes, or null when the text is not Base45 (a character outside the alphabet, a bad length or value).</summary>
    public static byte[]? Decode(ReadOnlySpan<char> text)
    {
        if (text.Length % 3 == 1) return null;
        var bytes = new byte[text.Length / 3 * 2 + (text.Length % 3 == 2 ? 1 : 0)];
        var o = 0;
        for (var i = 0; i < text.Length; i += 3)
        {
            var left = text.Length - i;
            int a = Value(text[i]), b = Value(text[i + 1]), c = left >= 3 ? Value(text[i + 2]) : 0;
            if (a < 0 || b < 0 || c < 0) return null;
            var n = a + b * 45 + c * 2025;
            if (left >= 3)
            {
                if (n > 0xFFFF) return null;
                bytes[o++] = (byte)(n >> 8);
                bytes[o++] = (byte)n;
            }
            else
            {
                if (n > 0xFF) return null;
                bytes[o++] = (byte)n;
            }
        }
        return bytes;
    }

    /// <summary>A character's place in the alphabet (also its value in a QR code's alphanumeric mode), or -1.</summary>
    public static int Value(char c) => c < Values.Length ? Values[c] : -1;

    // A table rather than a search: every verification decodes some 300 characters.
    static readonly sbyte[] Values = MakeValues();

    static sbyte[] MakeValues()
    {
        var values = new sbyte[128];
        Array.Fill(values, (sbyte)-1);
        for (var i = 0; i < Alphabet.Length; i++) values[Alphabet[i]] = (sbyte)i;
        return values;
    }
}
