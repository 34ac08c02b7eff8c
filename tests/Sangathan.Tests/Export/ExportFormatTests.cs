using System.Text;
using Sangathan.Export;

namespace Sangathan.Tests.Export;

public sealed class ExportFormatTests
{
    [Theory]
    [InlineData("=SUM(A1:A9)", "'=SUM(A1:A9)")]
    [InlineData("+91 98290 12345", "+91 98290 12345")] // a mobile calls nothing: no apostrophe for a war room to clean out
    [InlineData("+919829012345", "+919829012345")]
    [InlineData("+91 =cmd", "'+91 =cmd")]
    [InlineData("+", "'+")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@cmd", "'@cmd")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("Ram Lal", "Ram Lal")]
    [InlineData("", "")]
    public void CellsASpreadsheetWouldRunAreMarkedAsText(string value, string written) => Assert.Equal(written, ExportCell.Safe(value));

    [Fact]
    public async Task CsvIsUtf8WithBomQuotedWhereNeededWithCrlf()
    {
        using var output = new MemoryStream();
        var rows = new List<IReadOnlyList<string?>> { new[] { "नाम", "a,b", "say \"hi\"", null }, new[] { "=1+1", "line\nbreak", "x", "y" } };
        var n = await CsvWriter.WriteAsync(output, rows.ToAsyncEnumerable(), default);
        var bytes = output.ToArray();
        Assert.Equal(2, n);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Equal("नाम,\"a,b\",\"say \"\"hi\"\"\",\r\n'=1+1,\"line\nbreak\",x,y\r\n", Encoding.UTF8.GetString(bytes[3..]));
    }

    [Fact]
    public void VCardsAreEscapedAndFoldedAt75OctetsWithoutSplittingALetter()
    {
        var longHindi = string.Concat(Enumerable.Repeat("प्रदेश कांग्रेस कमेटी ", 4));
        var card = VCardWriter.Card(new Contact("Lal, Ram; Jr.", "राम लाल", "+919829012345", "ram@example.org", "President", longHindi));
        Assert.StartsWith("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Lal\\, Ram\\; Jr.\r\n", card);
        Assert.Contains("TEL;TYPE=CELL:+919829012345\r\n", card);
        Assert.EndsWith("END:VCARD\r\n", card);
        var lines = card.Split("\r\n");
        Assert.All(lines, l => Assert.True(Encoding.UTF8.GetByteCount(l) <= 75, $"{Encoding.UTF8.GetByteCount(l)} octets: {l}"));
        Assert.Contains(lines, l => l.StartsWith(' '));
        // Unfolded, the unit reads whole again.
        Assert.Contains("ORG:" + longHindi, card.Replace("\r\n ", ""));
        Assert.DoesNotContain('\uFFFD', card);
    }
}
