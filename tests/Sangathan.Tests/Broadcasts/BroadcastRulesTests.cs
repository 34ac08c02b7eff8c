using Sangathan.Broadcasts;

namespace Sangathan.Tests.Broadcasts;

/// <summary>The rules under a broadcast's words and routes: SMS parts, fields, the order of channels, reports.</summary>
public sealed class BroadcastRulesTests
{
    [Theory]
    [InlineData(160, 'a', 1, false)]
    [InlineData(161, 'a', 2, false)]
    [InlineData(306, 'a', 2, false)]
    [InlineData(307, 'a', 3, false)]
    [InlineData(70, 'क', 1, true)]
    [InlineData(71, 'क', 2, true)]
    [InlineData(134, 'क', 2, true)]
    [InlineData(135, 'क', 3, true)]
    public void SmsPartsAreCountedAsOperatorsBillThem(int length, char letter, int parts, bool unicode)
    {
        var (segments, isUnicode, _) = SmsSegments.Count(new string(letter, length));
        Assert.Equal((parts, unicode), (segments, isUnicode));
    }

    [Fact]
    public void TheEuroSignTakesTwoSeptetsAndStaysGsm()
    {
        Assert.Equal((1, false, 160), SmsSegments.Count(new string('a', 158) + "€"));
        Assert.Equal((2, false, 161), SmsSegments.Count(new string('a', 159) + "€"));
    }

    [Fact]
    public void FieldsAreFilledAndUnknownOnesFound()
    {
        Assert.Equal("नमस्ते राम, जयपुर के अध्यक्ष", MessageText.Render("नमस्ते {name}, {unit} के {post}", "राम", "जयपुर", "अध्यक्ष"));
        Assert.Equal(["{naam}"], MessageText.UnknownFields("Hi {naam} of {unit}"));
        Assert.Empty(MessageText.UnknownFields("Hi {name}, {post} of {unit}"));
        Assert.Equal("<!DOCTYPE html><html lang=\"hi\"><body style=\"font-family:sans-serif\"><p>a &lt;b&gt;<br>c</p><p>d</p></body></html>",
            MessageText.Html("a <b>\nc\n\nd", "hi"));
    }

    [Fact]
    public void ThePreferredChannelComesFirstThenSmsThenEmailAndWhatsAppOnlyForThoseWhoChoseIt()
    {
        var all = new HashSet<Channel> { Channel.Sms, Channel.Email, Channel.WhatsApp };
        Assert.Equal([Channel.WhatsApp, Channel.Sms, Channel.Email], ChannelOrder.For(Channel.WhatsApp, all));
        Assert.Equal([Channel.Email, Channel.Sms], ChannelOrder.For(Channel.Email, all));
        Assert.Equal([Channel.Sms, Channel.Email], ChannelOrder.For(null, all));
        Assert.Equal([Channel.Sms], ChannelOrder.For(Channel.WhatsApp, new HashSet<Channel> { Channel.Sms }));
        // The next one the person has an address for.
        Assert.Equal(Channel.Email, ChannelOrder.Next(Channel.WhatsApp, Channel.WhatsApp, all, c => c == Channel.Sms ? null : "x"));
        Assert.Null(ChannelOrder.Next(Channel.Email, null, all, _ => "x"));
    }

    [Fact]
    public void KannelAndWhatsAppReportWordsMeanTheSame()
    {
        Assert.Equal([ReportKind.Delivered, ReportKind.Failed, ReportKind.Buffered, ReportKind.Accepted, ReportKind.Failed],
            new[] { 1, 2, 4, 8, 16 }.Select(s => Report.FromKannel(s)!.Value));
        Assert.Null(Report.FromKannel(3));
        Assert.Equal([ReportKind.Accepted, ReportKind.Delivered, ReportKind.Delivered, ReportKind.Failed],
            new[] { "sent", "delivered", "read", "failed" }.Select(s => Report.FromWhatsApp(s)!.Value));
    }
}
