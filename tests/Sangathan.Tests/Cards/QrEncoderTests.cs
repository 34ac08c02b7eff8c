using Sangathan.Cards;
using SkiaSharp;

namespace Sangathan.Tests.Cards;

/// <summary>Our QR encoder read back by zbarimg at sizes from the smallest to the largest, and its versions at their capacity's edges.</summary>
public sealed class QrEncoderTests
{
    static string Alphanumeric(int length, int seed)
    {
        var random = new Random(seed);
        return new string(Enumerable.Range(0, length).Select(_ => Base45.Alphabet[random.Next(Base45.Alphabet.Length)]).ToArray());
    }

    static byte[] Png(QrModules qr)
    {
        const int pixels = 3; // a module
        using var surface = SKSurface.Create(new SKImageInfo(qr.Size * pixels, qr.Size * pixels));
        surface.Canvas.Clear(SKColors.White);
        new QrMark(qr, SKRect.Create(0, 0, qr.Size * pixels, qr.Size * pixels), SKColors.Black).Draw(surface.Canvas, CardInk.Full);
        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }

    static int Version(QrModules qr) => (qr.Size - 8 - 17) / 4;

    [Theory]
    // Alphanumeric lengths that need versions from 1 to 40; a card's code needs about 13.
    [InlineData(16, 1)]
    [InlineData(29, 2)]
    [InlineData(47, 3)]
    [InlineData(87, 5)]
    [InlineData(125, 7)]
    [InlineData(200, 10)]
    [InlineData(300, 13)]
    [InlineData(500, 17)]
    [InlineData(800, 22)]
    [InlineData(1200, 28)]
    [InlineData(1700, 33)]
    [InlineData(2420, 40)]
    public void ZbarReadsCodesOfEverySize(int length, int version)
    {
        var text = Alphanumeric(length, length);
        var qr = QrModules.Of(text);
        Assert.Equal(version, Version(qr));
        Assert.Equal(text, Assert.Single(CardReaders.Qr(Png(qr))));
    }

    [Theory]
    [InlineData("https://sangathan.example.org/meetings/check-in/7Hq2kXw9?unit=42")] // bytes, Latin-1
    [InlineData("संगठन · Zoë O’Neill")] // bytes, UTF-8 after its ECI
    public void TextsBeyondTheAlphanumericSetGoAsBytes(string text)
    {
        Assert.Equal(text, Assert.Single(CardReaders.Qr(Png(QrModules.Of(text)))));
    }

    [Fact]
    public void EachVersionIsTheSmallestThatHoldsTheText()
    {
        // Level Q holds 16 alphanumeric characters at version 1 and 2,420 at version 40.
        Assert.Equal(1, Version(QrModules.Of(Alphanumeric(16, 1))));
        Assert.Equal(2, Version(QrModules.Of(Alphanumeric(17, 1))));
        Assert.Equal(40, Version(QrModules.Of(Alphanumeric(2420, 1))));
        Assert.Throws<ArgumentException>(() => QrModules.Of(Alphanumeric(2421, 1)));
    }

    [Fact]
    public void TheRectanglesCoverTheDarkModulesAndNothingElse()
    {
        var text = Alphanumeric(300, 7);
        var (dark, size) = QrEncoder.Encode(text);
        var qr = QrModules.Of(text);
        var covered = new bool[size * size];
        foreach (var r in qr.Rects)
            for (var y = (int)r.Top - 4; y < (int)r.Bottom - 4; y++)
                for (var x = (int)r.Left - 4; x < (int)r.Right - 4; x++)
                {
                    Assert.True(dark[y * size + x], $"light module at {x},{y} covered");
                    covered[y * size + x] = true;
                }
        Assert.Equal(dark, covered);
    }
}
