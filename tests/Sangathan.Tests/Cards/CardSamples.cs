using System.Security.Cryptography;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Sangathan.Cards;
using Sangathan.Membership;
using SkiaSharp;

namespace Sangathan.Tests.Cards;

/// <summary>Cards made without the app: a face with long Hindi names, a portrait photo drawn on the spot, a brand, a key.</summary>
public static class CardSamples
{
    public const string NameHi = "श्रीमती क्षितिज त्रिपाठी";
    public const string NameEn = "Shrimati Kshitij Tripathi";

    public static CardFace Face(long? number = null, byte[]? photo = null) => new(1, number ?? MembershipNumber.New(), 1,
        new DateOnly(2026, 12, 1), new DateOnly(2029, 11, 30), NameHi, NameEn, 4242,
        "राजकीय उच्च माध्यमिक विद्यालय, रामनगर (कक्ष 2)", "Government Senior Secondary School, Ramnagar (Room 2)", 123,
        "रामनगर मंडल", "Ramnagar mandal", "जयपुर", "Jaipur", photo ?? Portrait());

    public static CardBrand Brand(string? logo = null, string language = "hi", string partyName = "संगठन डेमो पार्टी") => new(
        Options.Create(new CardOptions { PartyNameEn = "Sangathan Demo Party", PartyNameHi = partyName, Logo = logo ?? "", Language = language }),
        Options.Create(new MembershipOptions { PublicUrl = "https://sangathan.example.org" }), new Host());

    public static CardPrinter Printer() => new(new CardDesign(Brand()));

    public static ECDsa Key() => ECDsa.Create(ECCurve.NamedCurves.nistP256);

    /// <summary>A passport-style picture (a head and shoulders on a plain ground), as a camera JPEG.</summary>
    public static byte[] Portrait(int seed = 0)
    {
        using var surface = SKSurface.Create(new SKImageInfo(300, 375));
        var c = surface.Canvas;
        c.Clear(new SKColor(0xDD, 0xE6, 0xEE));
        var skin = seed % 2 == 0 ? new SKColor(0xC6, 0x8E, 0x64) : new SKColor(0xA8, 0x74, 0x4F);
        using var cloth = new SKPaint { Color = new SKColor(0x2F, 0x5D, 0x8A), IsAntialias = true };
        using var face = new SKPaint { Color = skin, IsAntialias = true };
        using var hair = new SKPaint { Color = new SKColor(0x22, 0x1B, 0x17), IsAntialias = true };
        c.DrawRoundRect(SKRect.Create(40, 270, 220, 160), 90, 90, cloth);
        c.DrawRect(SKRect.Create(125, 215, 50, 70), face);
        c.DrawOval(150, 150, 70, 88, hair);
        c.DrawOval(150, 165, 62, 78, face);
        using var image = surface.Snapshot();
        return image.Encode(SKEncodedImageFormat.Jpeg, 85).ToArray();
    }

    sealed class Host : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Test";
        public string ApplicationName { get; set; } = "Sangathan";
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
