using Sangathan.People;

namespace Sangathan.Demo;

/// <summary>How likely a person is to have each detail on record; office bearers higher up are better documented.</summary>
internal sealed record DetailOdds(double Photo, double NoMobile, double Email, double BirthDate, double Facebook,
    double X, double Instagram, double YouTube, double WhatsApp);

/// <summary>The demo's silhouette photos, split so that a person's avatar matches their gender.</summary>
internal sealed record PhotoSet(int[] Men, int[] Women);

/// <summary>Makes people with matching English and Hindi names, a unique valid mobile and plausible details.</summary>
internal sealed class PersonFactory(Random rng, PhotoSet photos, int firstId)
{
    static readonly DetailOdds[] ByDepth =
    [
        new(0.95, 0.00, 0.80, 0.90, 0.90, 0.70, 0.60, 0.20, 0.50),
        new(0.85, 0.02, 0.65, 0.80, 0.70, 0.40, 0.40, 0.08, 0.40),
        new(0.72, 0.04, 0.45, 0.60, 0.45, 0.15, 0.20, 0.03, 0.30),
        new(0.62, 0.06, 0.35, 0.45, 0.30, 0.06, 0.12, 0.01, 0.25),
        new(0.54, 0.085, 0.28, 0.30, 0.18, 0.03, 0.08, 0.005, 0.20),
    ];

    public static readonly DetailOdds Elected = new(1.0, 0.0, 0.9, 1.0, 0.95, 0.9, 0.8, 0.4, 0.6);

    static readonly string[] MailDomains = ["gmail.com", "gmail.com", "gmail.com", "gmail.com", "yahoo.co.in", "rediffmail.com", "outlook.com"];
    static readonly long[] MobileStarts = [9, 9, 9, 9, 8, 8, 7, 7, 7, 6, 6];

    readonly HashSet<long> mobiles = [];
    int nextId = firstId;

    public int Created { get; private set; }

    public Person Create(int depth, string districtCode, string village, string jurisdiction) =>
        Create(ByDepth[Math.Clamp(depth, 0, ByDepth.Length - 1)], districtCode, village, jurisdiction);

    public Person Create(DetailOdds odds, string districtCode, string village, string jurisdiction)
    {
        Created++;
        var female = rng.NextDouble() < 0.2;
        var (first, name) = NameFor(female, districtCode);
        var person = new Person
        {
            Id = nextId++, NameEn = name.En, NameHi = name.Hi, NameKey = PersonRules.KeyOf(name.En),
            Gender = female ? Gender.Female : Gender.Male, Village = village, Jurisdiction = jurisdiction,
            Mobile = Chance(odds.NoMobile) ? null : NewMobile(),
        };
        var photoPool = female ? photos.Women : photos.Men;
        if (photoPool.Length > 0 && Chance(odds.Photo)) person.PhotoId = photoPool[rng.Next(photoPool.Length)];
        if (Chance(odds.BirthDate)) person.DateOfBirth = new DateOnly(1953, 1, 1).AddDays(rng.Next(47 * 365));
        var handle = $"{first.En.Replace(" ", "").ToLowerInvariant()}.{name.En[(name.En.LastIndexOf(' ') + 1)..].ToLowerInvariant()}";
        var tag = rng.Next(10, 1000);
        if (Chance(odds.Email)) person.Email = $"{handle}{tag}@{MailDomains[rng.Next(MailDomains.Length)]}";
        if (Chance(odds.Facebook)) person.Facebook = $"https://www.facebook.com/{handle}.{tag}";
        if (Chance(odds.X)) person.X = $"https://x.com/{handle.Replace('.', '_')}{tag}";
        if (Chance(odds.Instagram)) person.Instagram = $"https://www.instagram.com/{handle}{tag}";
        if (Chance(odds.YouTube)) person.YouTube = $"https://www.youtube.com/@{handle.Replace(".", "")}{tag}";
        if (person.Mobile is { } m && Chance(odds.WhatsApp)) person.WhatsApp = $"https://wa.me/{m[1..]}";
        return person;
    }

    (Spelling First, Spelling Full) NameFor(bool female, string districtCode)
    {
        var roll = rng.NextDouble();
        if (districtCode is "GNG" or "HMH" && roll < 0.2)
        {
            var sikh = Any(female ? PersonNames.SikhWomen : PersonNames.SikhMen);
            return (sikh, Join(sikh, female ? new("Kaur", "कौर") : new("Singh", "सिंह"), Any(PersonNames.SikhSurnames)));
        }
        if (roll > 0.93)
        {
            var muslim = Any(female ? PersonNames.MuslimWomen : PersonNames.MuslimMen);
            return (muslim, Join(muslim, null, Any(PersonNames.MuslimSurnames)));
        }
        var first = Any(female ? PersonNames.Women : PersonNames.Men);
        var rajput = rng.NextDouble() < 0.12;
        var local = PersonNames.LocalTo(districtCode);
        var surname = rajput ? Any(PersonNames.Rajputs)
            : local.Length > 0 && rng.Next(2) == 0 ? Any(local) : Any(PersonNames.Surnames);
        return (first, Join(first, first.En.Contains(' ') ? null : Middle(female, rajput), surname));
    }

    Spelling? Middle(bool female, bool rajput)
    {
        var roll = rng.NextDouble();
        if (rajput) return female ? (roll < 0.6 ? new("Kanwar", "कंवर") : null) : (roll < 0.85 ? new("Singh", "सिंह") : null);
        if (female) return roll < 0.18 ? new("Devi", "देवी") : roll < 0.25 ? new("Kumari", "कुमारी") : null;
        return roll < 0.2 ? new("Kumar", "कुमार") : roll < 0.25 ? new("Singh", "सिंह") : null;
    }

    static Spelling Join(Spelling first, Spelling? middle, Spelling last) => middle is { } m
        ? new($"{first.En} {m.En} {last.En}", $"{first.Hi} {m.Hi} {last.Hi}")
        : new($"{first.En} {last.En}", $"{first.Hi} {last.Hi}");

    /// <summary>A random ten-digit Indian mobile, never handed out twice, that the app's own rules accept.</summary>
    string NewMobile()
    {
        while (true)
        {
            var number = MobileStarts[rng.Next(MobileStarts.Length)] * 1_000_000_000L + rng.NextInt64(1_000_000_000L);
            if (!mobiles.Add(number)) continue;
            var text = $"+91{number}";
            if (PersonRules.NormalizeMobile(text) == text) return text;
        }
    }

    Spelling Any(Spelling[] list) => list[rng.Next(list.Length)];

    bool Chance(double p) => rng.NextDouble() < p;
}
