using Sangathan.Messaging;

namespace Sangathan.Broadcasts;

/// <summary>
/// How many SMS a text takes, as the operator bills it. GSM 7-bit: 160 characters in one, 153 in each part of a longer
/// one (the rest is the concatenation header), the extension characters (€, [, ...) counting two. UCS-2, which any
/// Hindi letter forces: 70 in one, 67 per part.
/// </summary>
public static class SmsSegments
{
    public static (int Segments, bool Unicode, int Length) Count(string text)
    {
        if (SmsCoding.For(text) == SmsCoding.Ucs2)
        {
            // UTF-16 code units: a letter outside the Basic Multilingual Plane takes two.
            var units = text.Length;
            return (units <= 70 ? 1 : (units + 66) / 67, true, units);
        }
        var septets = text.Sum(c => "\f^{}\\[~]|€".Contains(c) ? 2 : 1);
        return (septets <= 160 ? 1 : (septets + 152) / 153, false, septets);
    }
}
