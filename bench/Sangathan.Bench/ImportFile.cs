using Sangathan.Demo;
using Sangathan.Import;

namespace Sangathan.Bench;

/// <summary>
/// The file a war room would upload: every booth of a state with its president, 54,000 rows, nested as the
/// brief counts them (33 districts, 400 blocks, 2,200 mandals), with Hindi headers under a title row.
/// </summary>
internal static class ImportFile
{
    public const int Booths = 54_000, Blocks = 400, Mandals = 2_200;

    public static IEnumerable<string[]> Rows()
    {
        var districts = DemoSource.Districts();
        string[] headers =
        [
            "जिला", "ब्लॉक", "मंडल", "बूथ संख्या", "मतदान केंद्र", "Polling station", "पद", "नाम अंग्रेजी", "नाम हिंदी",
            "मोबाइल नंबर", "मतदाता पहचान पत्र", "गांव", "कार्यक्षेत्र", "ईमेल", "व्हाट्सएप", "फेसबुक", "ट्विटर", "इंस्टाग्राम",
            "लिंग", "जन्म तिथि",
        ];
        yield return ["राजस्थान प्रदेश कांग्रेस कमेटी — बूथ अध्यक्ष सूची", .. headers.Skip(1).Select(_ => "")];
        yield return headers;
        // Seeded, so every run uploads the same file; names, villages and handles drawn as the demo draws them keep
        // the file as varied (and as hard to compress) as a real one.
        var random = new Random(54_000);
        for (var i = 0; i < Booths; i++)
        {
            var mandal = (int)((long)i * Mandals / Booths);
            var block = mandal * Blocks / Mandals;
            var district = districts[block * districts.Count / Blocks];
            var handle = $"{Handle(random)}{random.Next(100, 9999)}";
            var mobile = (9_000_000_000L + i * 7L).ToString();
            var woman = random.Next(5) == 0;
            var given = woman ? PersonNames.Women[random.Next(PersonNames.Women.Length)] : PersonNames.Men[random.Next(PersonNames.Men.Length)];
            var surname = PersonNames.Surnames[random.Next(PersonNames.Surnames.Length)];
            var village = PlaceNames.Village(random);
            var building = PlaceNames.Building(random, urban: false);
            yield return
            [
                district.NameHi, $"Block {block + 1}", $"Mandal {mandal + 1}", (i + 1).ToString(),
                $"{building.Hi}, {village.Hi} (कक्ष {random.Next(1, 4)})", $"{building.En}, {village.En} (Room {random.Next(1, 4)})",
                "अध्यक्ष", $"{given.En} {surname.En}", $"{given.Hi} {surname.Hi}", mobile, VoterId(i), village.En,
                $"ग्राम पंचायत {village.Hi}, वार्ड {random.Next(1, 30)}", $"{handle}@gmail.com", mobile,
                $"https://www.facebook.com/{handle}", $"@{handle}", $"https://instagram.com/{handle}",
                woman ? "महिला" : "पुरुष", $"{random.Next(1, 29):00}-{random.Next(1, 13):00}-{random.Next(1955, 2000)}",
            ];
        }
    }

    /// <summary>A voter ID of its own for every row: 7919 is prime to 9,000,000, so the seven digits never repeat.</summary>
    static string VoterId(int i) => $"RJ{(char)('A' + i % 26)}{1_000_000 + (long)i * 7919 % 9_000_000}";

    static string Handle(Random random) =>
        string.Create(random.Next(5, 10), random, (chars, r) => { for (var i = 0; i < chars.Length; i++) chars[i] = (char)('a' + r.Next(26)); });

    public static async Task<byte[]> XlsxAsync()
    {
        using var buffer = new MemoryStream();
        await XlsxWriter.WriteAsync(buffer, "Booths", Rows().Select(r => (IReadOnlyList<string?>)r).ToAsyncEnumerable());
        return buffer.ToArray();
    }
}
