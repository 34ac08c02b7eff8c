using Microsoft.Extensions.Options;
using Sangathan.Membership;
using SkiaSharp;

namespace Sangathan.Cards;

/// <summary>The party's side of the card, from configuration: its names, colour and logo, and where cards are checked.</summary>
public sealed class CardBrand
{
    public CardBrand(IOptions<CardOptions> cards, IOptions<MembershipOptions> membership, IHostEnvironment host)
    {
        var o = cards.Value;
        NameEn = o.PartyNameEn;
        NameHi = o.PartyNameHi;
        Language = o.Language;
        Fonts = CardFonts.For(o.Language);
        Colour = SKColor.Parse(o.Colour);
        if (o.Logo.Length > 0)
        {
            var file = Path.IsPathRooted(o.Logo) ? o.Logo : Path.Combine(host.ContentRootPath, o.Logo);
            Logo = SKImage.FromEncodedData(File.ReadAllBytes(file))
                ?? throw new InvalidOperationException($"Cards:Logo ({file}) is not a PNG or JPEG image.");
        }
        var url = membership.Value.PublicUrl.TrimEnd('/');
        VerifyUrl = url + "/verify";
        VerifyAddress = VerifyUrl[(url.IndexOf("://", StringComparison.Ordinal) is var i && i >= 0 ? i + 3 : 0)..];
    }

    public string NameEn { get; }
    public string NameHi { get; }

    /// <summary>The Indian language printed beside English, and the fonts its letters need.</summary>
    public string Language { get; }
    public CardFonts Fonts { get; }
    public SKColor Colour { get; }
    public SKImage? Logo { get; }
    public string VerifyUrl { get; }
    /// <summary>The verification page's address as printed, without "https://".</summary>
    public string VerifyAddress { get; }

    /// <summary>Up to two initials of the party's English name, drawn in a ring when no logo is configured.</summary>
    public string Initials => string.Concat(NameEn.Split(' ', StringSplitOptions.RemoveEmptyEntries)
        .Where(w => char.IsLetter(w[0])).Take(2).Select(w => char.ToUpperInvariant(w[0])));
}
