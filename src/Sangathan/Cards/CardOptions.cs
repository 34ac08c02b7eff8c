using System.ComponentModel.DataAnnotations;

namespace Sangathan.Cards;

/// <summary>The member card's settings ("Cards" in configuration): whose card it is and how long it holds.</summary>
public sealed class CardOptions
{
    public const string Section = "Cards";

    [Required, MaxLength(80)] public string PartyNameEn { get; set; } = "Party";
    [Required, MaxLength(80)] public string PartyNameHi { get; set; } = "पार्टी";

    /// <summary>
    /// The Indian language the card prints beside English: "hi" (Hindi, Devanagari) or "gu" (Gujarati). Its words come
    /// from Texts/{language}.po, its letters from its font in Cards/Fonts; names held in Devanagari print in its script.
    /// PartyNameHi is then the party's name in that language.
    /// </summary>
    [RegularExpression("^(hi|gu)$")] public string Language { get; set; } = "hi";

    /// <summary>A PNG or JPEG file (a path, or relative to the app's folder); empty draws the party's initials in a ring.</summary>
    public string Logo { get; set; } = "";

    /// <summary>The card's colour, as #RRGGBB.</summary>
    [RegularExpression("^#[0-9A-Fa-f]{6}$")] public string Colour { get; set; } = "#0E5A8A";

    /// <summary>A card is good for this many years from its issue.</summary>
    [Range(1, 20)] public int ValidYears { get; set; } = 3;

    /// <summary>
    /// Seals the signing keys' private halves in the database. Set it (the same on every server) in production;
    /// when empty, a random secret is kept in the data folder's card-keys.secret, which suits one server.
    /// </summary>
    public string KeySecret { get; set; } = "";

    /// <summary>How long the link sent to a member's mobile opens their card.</summary>
    [Range(1, 365)] public int LinkDays { get; set; } = 30;

    /// <summary>Card links a mobile may ask for a day, so that the page cannot be used to send anyone SMS at will.</summary>
    [Range(1, 20)] public int LinksPerMobilePerDay { get; set; } = 3;
}
