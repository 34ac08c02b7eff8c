using System.Globalization;
using System.Text;

namespace Sangathan.Cards;

/// <summary>
/// Names in one byte a letter: ASCII as itself and the whole Devanagari block (U+0900-U+097F) in the upper half, with
/// the zero-width joiners some Hindi names need on two unused control codes. UTF-8 spends three bytes on each
/// Devanagari letter, so this keeps a Hindi name's share of the QR at a third. Anything else falls back to UTF-8.
/// A field is one length byte (bit 7 set for UTF-8) and at most 127 bytes.
/// </summary>
public static class CompactText
{
    public const int MaxBytes = 127;
    const char Zwnj = '\u200C', Zwj = '\u200D';
    static readonly UTF8Encoding Strict = new(false, true);

    public static void Write(List<byte> to, string text)
    {
        var compact = TryCompact(text);
        var bytes = compact ?? Utf8Within(text);
        to.Add((byte)(bytes.Length | (compact is null ? 0x80 : 0)));
        to.AddRange(bytes);
    }

    /// <summary>The text at <paramref name="at"/>, moving past it; null when the bytes run out or are not text.</summary>
    public static string? Read(ReadOnlySpan<byte> data, ref int at)
    {
        if (at >= data.Length) return null;
        var header = data[at++];
        var length = header & 0x7F;
        if (at + length > data.Length) return null;
        var field = data.Slice(at, length);
        at += length;
        if ((header & 0x80) != 0)
        {
            try { return Strict.GetString(field); }
            catch (DecoderFallbackException) { return null; }
        }
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            var b = field[i];
            chars[i] = b switch { >= 0x80 => (char)(0x0900 + b - 0x80), 0x01 => Zwnj, 0x02 => Zwj, _ => (char)b };
        }
        return new string(chars);
    }

    /// <summary>The longest start of the text, in whole letters (grapheme clusters), that fits in a field.</summary>
    public static string Fit(string text, int maxLetters)
    {
        var e = StringInfo.GetTextElementEnumerator(text);
        var length = 0;
        for (var letters = 0; e.MoveNext() && letters < maxLetters; letters++)
        {
            var next = e.ElementIndex + e.GetTextElement().Length;
            if ((TryCompact(text[..next])?.Length ?? Encoding.UTF8.GetByteCount(text[..next])) > MaxBytes) break;
            length = next;
        }
        return text[..length].TrimEnd();
    }

    static byte[]? TryCompact(string text)
    {
        if (text.Length > MaxBytes) return null;
        var bytes = new byte[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is >= ' ' and <= '~') bytes[i] = (byte)c;
            else if (c is >= '\u0900' and <= '\u097F') bytes[i] = (byte)(c - 0x0900 + 0x80);
            else if (c == Zwnj) bytes[i] = 0x01;
            else if (c == Zwj) bytes[i] = 0x02;
            else return null;
        }
        return bytes;
    }

    static byte[] Utf8Within(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        if (bytes.Length <= MaxBytes) return bytes;
        // Cut on a character's first byte, never inside one.
        var end = MaxBytes;
        while (end > 0 && (bytes[end] & 0xC0) == 0x80) end--;
        return bytes[..end];
    }
}
