using System.Text;
using System.Text.RegularExpressions;
using System.Web;

namespace Sangathan.Tests.Infrastructure;

/// <summary>One message as Kannel's fake SMSC received it: what a phone would have got.</summary>
/// <param name="Coding">fakesmsc's word for it: "text" (GSM 7-bit), "ucs-2", "data" (8-bit) or "udh" (a part of a longer message).</param>
/// <param name="Text">The text, decoded for "text" and "ucs-2" and for a part of a longer message ("udh", whose body is
/// UTF-16BE unless fakesmsc says "text"); for "data", fakesmsc's url-encoded payload as it is.</param>
/// <param name="Udh">A part's user data header: 05 00 03, then the message's reference, its number of parts and this part's number.</param>
public sealed record ReceivedSms(string From, string To, string Coding, string Text, byte[]? Udh = null);

/// <summary>
/// Reads what fakesmsc logged. It logs each message it receives as one line (stderr, which scripts/test sends to
/// SANGATHAN_FAKESMSC_LOG):
/// <c>2026-11-24 18:23:27 [25601] [0] DEBUG: Got message 2: &lt;SNGTHN +919812345679 ucs-2 %09%06%09*...&gt;</c>,
/// the payload of "ucs-2" being UTF-16BE bytes url-encoded, and that of "text" the text itself.
/// </summary>
public static partial class FakeSmsc
{
    static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(10);

    /// <summary>The first message to <paramref name="to"/>, waiting for it to arrive; fails the test after the wait.</summary>
    public static async Task<ReceivedSms> WaitForAsync(string to, TimeSpan? wait = null)
    {
        var deadline = DateTime.UtcNow + (wait ?? DefaultWait);
        while (true)
        {
            if (Received().FirstOrDefault(m => m.To == to) is { } message) return message;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"fakesmsc got no message to {to} within {(wait ?? DefaultWait).TotalSeconds} s ({KannelUnderTest.FakeSmscLog}).");
            await Task.Delay(100);
        }
    }

    /// <summary>
    /// The first message to <paramref name="to"/> whole: a long one arrives as parts, each with a header saying which of how
    /// many it is; they are put together in order once all have come.
    /// </summary>
    public static async Task<string> WaitForWholeAsync(string to, TimeSpan? wait = null)
    {
        var deadline = DateTime.UtcNow + (wait ?? DefaultWait);
        var first = await WaitForAsync(to, wait);
        if (first.Udh is not { Length: 6 } header) return first.Text;
        while (true)
        {
            var parts = Received().Where(m => m.To == to && m.Udh is { Length: 6 } u && u[3] == header[3]).DistinctBy(m => m.Udh![5]).ToList();
            if (parts.Count == header[4]) return string.Concat(parts.OrderBy(m => m.Udh![5]).Select(m => m.Text));
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"fakesmsc got {parts.Count} of {header[4]} parts to {to}.");
            await Task.Delay(100);
        }
    }

    /// <summary>
    /// Every message to <paramref name="to"/> so far, oldest first, each whole: a longer one's parts (one reference in
    /// their headers) count once, put together in order; two messages alike in every letter still count twice.
    /// </summary>
    public static IReadOnlyList<string> WholeTo(string to) => Received().Where(m => m.To == to)
        .Select((m, i) => (m, i)).GroupBy(x => x.m.Udh is { Length: 6 } u ? -1 - u[3] : x.i)
        .Select(g => string.Concat(g.Select(x => x.m).DistinctBy(m => m.Udh?[5] ?? 0).OrderBy(m => m.Udh?[5] ?? 0).Select(m => m.Text)))
        .ToList();

    /// <summary>Every message fakesmsc has received so far, oldest first.</summary>
    public static IEnumerable<ReceivedSms> Received()
    {
        // fakesmsc keeps the file open for writing; share it.
        using var stream = new FileStream(KannelUnderTest.FakeSmscLog, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var messages = new List<ReceivedSms>();
        while (reader.ReadLine() is { } line)
            if (Line().Match(line) is { Success: true } m)
                messages.Add(m.Groups["coding"].Value == "udh" && Part().Match(m.Groups["payload"].Value) is { Success: true } part
                    ? new(m.Groups["from"].Value, m.Groups["to"].Value, "udh",
                        Decode(part.Groups["inner"].Value == "text" ? "text" : "ucs-2", part.Groups["body"].Value), HttpUtility.UrlDecodeToBytes(part.Groups["udh"].Value))
                    : new(m.Groups["from"].Value, m.Groups["to"].Value, m.Groups["coding"].Value, Decode(m.Groups["coding"].Value, m.Groups["payload"].Value)));
        return messages;
    }

    static string Decode(string coding, string payload) => coding switch
    {
        "text" => payload,
        // '+' is the byte 0x20 here, as in a query string.
        "ucs-2" => Encoding.BigEndianUnicode.GetString(HttpUtility.UrlDecodeToBytes(payload)),
        _ => payload,
    };

    [GeneratedRegex(@"Got message \d+: <(?<from>\S+) (?<to>\S+) (?<coding>\S+) (?<payload>.*)>$")]
    private static partial Regex Line();

    // A part of a longer message: "<udh> data <body>", both url-encoded.
    [GeneratedRegex(@"^(?<udh>\S+) (?<inner>\S+) (?<body>.*)$")]
    private static partial Regex Part();
}
