using System.Buffers;

namespace Sangathan.Messaging;

/// <summary>The data coding an SMS text needs, in the numbers of Kannel's sendsms "coding" parameter.</summary>
internal static class SmsCoding
{
    public const int Gsm7 = 0;
    public const int Ucs2 = 2;

    // GSM 03.38: the default alphabet, then its extension table (two septets each, but still 7-bit). Anything else,
    // Devanagari above all, would reach the phone as '?' unless the whole message goes as UCS-2.
    const string DefaultAlphabet =
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    const string ExtensionTable = "\f^{}\\[~]|€";
    static readonly SearchValues<char> Gsm = SearchValues.Create(DefaultAlphabet + ExtensionTable);

    public static int For(string text) => text.AsSpan().ContainsAnyExcept(Gsm) ? Ucs2 : Gsm7;
}
