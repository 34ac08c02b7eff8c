using System.Security.Cryptography;
using System.Text;

namespace Sangathan.Import;

/// <summary>
/// Recognizes column headers as district offices write them, in English or Hindi, and finds the header row
/// below any title rows: the first of the top rows with the most recognized headers.
/// </summary>
public static class ImportHeaders
{
    // Written as offices write them; each is compared by Key, so case, spaces, abbreviation dots, the nukta, the
    // chandrabindu for the anusvara, a nasal letter for it (मण्डल, मंडल), long or short i and u, and digits in
    // either script do not count: "मोबाइल नं." is "मोबाइल न", "Mob. No." is "mob no".
    static readonly Dictionary<string, string[]> Variants = new()
    {
        [Fields.UnitCode] = ["code", "unit code", "unitcode", "कोड", "इकाई कोड"],
        [Fields.UnitNameEn] = ["unit name", "name of unit", "unit name english", "इकाई का नाम अंग्रेजी", "booth name", "booth name english", "polling station", "polling station name"],
        [Fields.UnitNameHi] = ["unit name hindi", "इकाई का नाम", "इकाई का नाम हिंदी", "booth name hindi", "बूथ का नाम", "मतदान केंद्र", "मतदान केंद्र का नाम"],
        [Fields.ParentCode] = ["parent code", "parent unit code", "मूल इकाई कोड"],
        ["district"] = ["district", "district name", "dist", "distt", "जिला", "जिले का नाम", "जिला का नाम", "जिला नाम", "जनपद"],
        ["block"] = ["block", "block name", "ब्लॉक", "ब्लाक", "ब्लॉक का नाम", "ब्लॉक नाम", "प्रखंड", "प्रखण्ड"],
        ["mandal"] = ["mandal", "mandal name", "मंडल", "मंडल का नाम", "मंडल नाम"],
        ["booth"] = ["booth", "booth no", "booth number", "बूथ", "बूथ संख्या", "बूथ सं", "बूथ नंबर", "बूथ नं", "बूथ क्रमांक", "बूथ क्र"],
        [Fields.Constituency] = ["ac", "ac no", "ac number", "ac name", "assembly", "assembly constituency", "vidhan sabha", "विधानसभा", "विधानसभा क्षेत्र", "विधान सभा", "विस", "विधानसभा सं"],
        [Fields.PartNumber] = ["part no", "part number", "part", "polling station no", "भाग संख्या", "भाग सं", "भाग नं", "मतदान केंद्र संख्या"],
        [Fields.Post] = ["post", "designation", "position", "post name", "पद", "पदनाम", "पद का नाम", "दायित्व"],
        [Fields.NameEn] = ["name", "name english", "name in english", "full name", "president name", "office bearer", "name of office bearer", "नाम अंग्रेजी", "नाम अंग्रेजी में"],
        [Fields.NameHi] = ["name hindi", "name in hindi", "नाम", "नाम हिंदी", "नाम हिंदी में", "अध्यक्ष का नाम", "पदाधिकारी का नाम", "पदाधिकारी", "कार्यकर्ता का नाम"],
        [Fields.Mobile] = ["mobile", "mobile no", "mobile number", "mob", "mob no", "contact", "contact no", "contact number", "phone", "phone no", "phone number", "cell", "cell no",
            "मोबाइल", "मोबाईल", "मोबाइल नंबर", "मोबाइल नम्बर", "मोबाईल नंबर", "मोबाइल न", "मोबाइल संख्या", "मो", "मो न", "मोबा", "फोन", "फोन न", "फोन नंबर", "संपर्क", "संपर्क सूत्र", "संपर्क नंबर", "दूरभाष"],
        [Fields.Email] = ["email", "e mail", "email id", "email address", "ईमेल", "ई मेल", "ईमेल आईडी", "ई मेल आईडी"],
        [Fields.Village] = ["village", "gram", "village name", "गांव", "ग्राम", "गांव का नाम", "ग्राम का नाम"],
        [Fields.Jurisdiction] = ["jurisdiction", "area", "कार्यक्षेत्र", "क्षेत्र"],
        [Fields.Facebook] = ["facebook", "fb", "facebook id", "फेसबुक"],
        [Fields.X] = ["x", "twitter", "ट्विटर"],
        [Fields.Instagram] = ["instagram", "insta", "इंस्टाग्राम"],
        [Fields.YouTube] = ["youtube", "यूट्यूब"],
        [Fields.WhatsApp] = ["whatsapp", "whatsapp no", "whatsapp number", "व्हाट्सएप", "व्हाट्सऐप", "व्हाट्सएप नंबर", "व्हाट्सएप न"],
        [Fields.Gender] = ["gender", "sex", "लिंग"],
        [Fields.DateOfBirth] = ["date of birth", "dob", "birth date", "जन्म तिथि", "जन्मतिथि", "जन्म दिनांक", "जन्म तारीख"],
        [Fields.From] = ["from", "appointed on", "since", "date of appointment", "नियुक्ति तिथि", "नियुक्ति दिनांक", "नियुक्ति की तिथि", "से"],
        [Fields.VoterId] = ["voter id", "epic", "epic no", "voter id no", "मतदाता पहचान पत्र", "मतदाता पहचान पत्र संख्या", "वोटर आईडी", "वोटर आईडी नं"],
    };

    /// <summary>
    /// Columns an office sheet often has that hold nothing the import keeps (a serial number, a father's name,
    /// remarks): read as left out, so that they do not stop the file for someone to map them.
    /// </summary>
    static readonly HashSet<string> Ignored = new[]
    {
        "s no", "sno", "sr no", "sl no", "serial", "serial no", "serial number", "no", "क्र", "क्र सं", "क्रम सं", "क्रमांक", "क्रम संख्या", "सं", "संख्या",
        "father name", "father's name", "fathers name", "father husband name", "husband name", "पिता का नाम", "पिता पति का नाम", "पति का नाम", "पिता",
        "remarks", "remark", "comment", "comments", "टिप्पणी", "विशेष", "विवरण", "signature", "हस्ताक्षर", "age", "उम्र", "आयु", "caste", "जाति",
        "address", "पता", "photo", "फोटो", "qualification", "शैक्षणिक योग्यता", "योग्यता",
    }.Select(Key).ToHashSet();

    static readonly Dictionary<string, string> ByKey = Variants
        .SelectMany(v => v.Value.Append(v.Key).Select(text => (Key: Key(text), Field: v.Key)))
        .GroupBy(x => x.Key).ToDictionary(g => g.Key, g => g.First().Field);

    public static IReadOnlyCollection<string> AllFields => Variants.Keys;

    /// <summary>A header as compared: <see cref="Names.Key"/>, and in Devanagari the spelling variants folded as unit names are.</summary>
    public static string Key(string? header)
    {
        var key = Names.Key(header);
        return Names.IsDevanagari(key) ? UnitNameMatch.FoldDevanagari(key) : key;
    }

    /// <summary>The field a header names; a two-language header of our templates ("Mobile / मोबाइल") by either half.</summary>
    public static string? Recognize(string header) =>
        ByKey.GetValueOrDefault(Key(header))
        ?? header.Split('/').Select(part => ByKey.GetValueOrDefault(Key(part))).FirstOrDefault(f => f is not null);

    /// <summary>True for a column the import knowingly leaves out (<see cref="Ignored"/>).</summary>
    public static bool IsIgnored(string header) => Ignored.Contains(Key(header));

    /// <summary>How the templates head each field, in English and Hindi.</summary>
    public static readonly IReadOnlyDictionary<string, (string En, string Hi)> Labels = new Dictionary<string, (string, string)>
    {
        [Fields.UnitCode] = ("Unit code", "इकाई कोड"), [Fields.UnitNameEn] = ("Unit name English", "इकाई का नाम अंग्रेजी"),
        [Fields.UnitNameHi] = ("Unit name Hindi", "इकाई का नाम हिंदी"), [Fields.Constituency] = ("AC No", "विधानसभा क्षेत्र"),
        [Fields.PartNumber] = ("Part No", "भाग संख्या"), [Fields.Post] = ("Post", "पद"),
        [Fields.NameEn] = ("Name English", "नाम अंग्रेजी"), [Fields.NameHi] = ("Name Hindi", "नाम हिंदी"),
        [Fields.Mobile] = ("Mobile", "मोबाइल"), [Fields.Email] = ("Email", "ईमेल"), [Fields.Village] = ("Village", "गांव"),
        [Fields.Jurisdiction] = ("Jurisdiction", "कार्यक्षेत्र"), [Fields.Gender] = ("Gender", "लिंग"),
        [Fields.DateOfBirth] = ("Date of birth", "जन्म तिथि"), [Fields.From] = ("Date of appointment", "नियुक्ति तिथि"),
        [Fields.Facebook] = ("Facebook", "फेसबुक"), [Fields.X] = ("X", "ट्विटर"), [Fields.Instagram] = ("Instagram", "इंस्टाग्राम"),
        [Fields.YouTube] = ("YouTube", "यूट्यूब"), [Fields.WhatsApp] = ("WhatsApp", "व्हाट्सएप"),
        [Fields.VoterId] = ("Voter ID", "मतदाता पहचान पत्र"),
    };

    /// <summary>The header row among the first rows, or null when no row has two recognizable headers.</summary>
    public static ImportLayout? Find(IReadOnlyList<TableRow> top, IReadOnlyDictionary<string, string>? remembered = null)
    {
        TableRow? best = null;
        var bestCount = 1;
        foreach (var row in top)
        {
            var count = row.Cells.Count(c => (remembered?.ContainsKey(Key(c)) ?? false) || Recognize(c) is not null);
            if (count > bestCount) (best, bestCount) = (row, count);
        }
        if (best is null) return null;
        var used = new HashSet<string>();
        var columns = best.Cells.Select((header, i) =>
        {
            var field = remembered?.GetValueOrDefault(Key(header)) ?? Recognize(header);
            // A field is read from one column: a second "Name" column is for the user to map.
            return new ImportColumn(i, header.Trim(), field is not null && used.Add(field) ? field : null);
        }).ToList();
        return new ImportLayout(best.Sheet, best.Number, columns);
    }

    /// <summary>Files of the same shape (the same headers in the same order) share a signature, and so a remembered mapping.</summary>
    public static string Signature(IEnumerable<string> headers) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\u001f", headers.Select(Key)))));
}
