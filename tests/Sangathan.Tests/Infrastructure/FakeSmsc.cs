using System.Text;
using System.Text.RegularExpressions;
using System.Web;

namespace Sangathan.Tests.Infrastructure;

/// <summary>One message as Kannel's fake SMSC received it: what a phone would have got.</summary>
/// <param name="Coding">fakesmsc's word for it: "text" (GSM 7-bit), "ucs-2", "data" (8-bit) or "udh" (a part of a longer message).</param>
/// <param name="Text">The text, decoded for "text" and "ucs-2"; for other codings, fakesmsc's url-encoded payload as it is.</param>
public sealed record ReceivedSms(string From, string To, string Coding, string Text);

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

    /// <summary>Every message fakesmsc has received so far, oldest first.</summary>
    public static IEnumerable<ReceivedSms> Received()
    {
        // fakesmsc keeps the file open for writing; share it.
        using var stream = new FileStream(KannelUnderTest.FakeSmscLog, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var messages = new List<ReceivedSms>();
        while (reader.ReadLine() is { } line)
            if (Line().Match(line) is { Success: true } m)
                messages.Add(new(m.Groups["from"].Value, m.Groups["to"].Value, m.Groups["coding"].Value,
                    Decode(m.Groups["coding"].Value, m.Groups["payload"].Value)));
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
}
