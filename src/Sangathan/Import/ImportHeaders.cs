using System.Security.Cryptography;
using System.Text;

namespace Sangathan.Import;

/// <summary>
/// Recognizes column headers as district offices write them, in English or Hindi, and finds the header row
/// below any title rows: the first of the top rows with the most recognized headers.
/// </summary>
public static class ImportHeaders
{
    static readonly Dictionary<string, string[]> Variants = new()
    {
        [Fields.UnitCode] = ["code", "unit code", "unitcode", "कोड", "इकाई कोड"],
        [Fields.UnitNameEn] = ["unit name", "name of unit", "unit name english", "इकाई का नाम अंग्रेजी", "booth name", "booth name english", "polling station", "polling station name"],
        [Fields.UnitNameHi] = ["unit name hindi", "इकाई का नाम", "इकाई का नाम हिंदी", "booth name hindi", "बूथ का नाम", "मतदान केंद्र", "मतदान केंद्र का नाम"],
        [Fields.ParentCode] = ["parent code", "parent unit code", "मूल इकाई कोड"],
        ["district"] = ["district", "district name", "dist", "जिला", "ज़िला", "जिले का नाम", "ज़िले का नाम", "जिला का नाम"],
        ["block"] = ["block", "block name", "ब्लॉक", "ब्लाक", "ब्लॉक का नाम", "प्रखंड"],
        ["mandal"] = ["mandal", "mandal name", "मंडल", "मण्डल", "मंडल का नाम"],
        ["booth"] = ["booth", "booth no", "booth number", "booth no.", "बूथ", "बूथ संख्या", "बूथ नंबर", "बूथ क्रमांक"],
        [Fields.Constituency] = ["ac", "ac no", "ac number", "assembly", "assembly constituency", "vidhan sabha", "विधानसभा", "विधानसभा क्षेत्र", "विधान सभा"],
        [Fields.PartNumber] = ["part no", "part number", "part", "polling station no", "भाग संख्या", "भाग सं", "मतदान केंद्र संख्या"],
        [Fields.Post] = ["post", "designation", "position", "पद", "पदनाम"],
        [Fields.NameEn] = ["name", "name english", "name in english", "full name", "president name", "office bearer", "नाम अंग्रेजी", "नाम अंग्रेज़ी"],
        [Fields.NameHi] = ["name hindi", "name in hindi", "नाम", "नाम हिंदी", "नाम हिन्दी", "अध्यक्ष का नाम", "पदाधिकारी का नाम"],
        [Fields.Mobile] = ["mobile", "mobile no", "mobile number", "mob", "mob no", "contact", "contact no", "phone", "मोबाइल", "मोबाइल नंबर", "मोबाइल न", "मो नं", "मोबाइल संख्या", "फोन"],
        [Fields.Email] = ["email", "e mail", "email id", "ईमेल", "ई मेल"],
        [Fields.Village] = ["village", "gram", "village name", "गांव", "गाँव", "ग्राम"],
        [Fields.Jurisdiction] = ["jurisdiction", "area", "कार्यक्षेत्र", "क्षेत्र"],
        [Fields.Facebook] = ["facebook", "fb", "फेसबुक"],
        [Fields.X] = ["x", "twitter", "ट्विटर"],
        [Fields.Instagram] = ["instagram", "insta", "इंस्टाग्राम"],
        [Fields.YouTube] = ["youtube", "यूट्यूब"],
        [Fields.WhatsApp] = ["whatsapp", "whatsapp no", "व्हाट्सएप", "व्हाट्सऐप"],
        [Fields.Gender] = ["gender", "sex", "लिंग"],
        [Fields.DateOfBirth] = ["date of birth", "dob", "birth date", "जन्म तिथि", "जन्मतिथि"],
        [Fields.From] = ["from", "appointed on", "since", "date of appointment", "नियुक्ति तिथि", "से"],
        [Fields.VoterId] = ["voter id", "epic", "epic no", "voter id no", "मतदाता पहचान पत्र", "वोटर आईडी"],
    };

    static readonly Dictionary<string, string> ByKey = Variants
        .SelectMany(v => v.Value.Append(v.Key).Select(text => (Key: Names.Key(text), Field: v.Key)))
        .GroupBy(x => x.Key).ToDictionary(g => g.Key, g => g.First().Field);

    public static IReadOnlyCollection<string> AllFields => Variants.Keys;

    /// <summary>The field a header names; a two-language header of our templates ("Mobile / मोबाइल") by either half.</summary>
    public static string? Recognize(string header) =>
        ByKey.GetValueOrDefault(Names.Key(header))
        ?? header.Split('/').Select(part => ByKey.GetValueOrDefault(Names.Key(part))).FirstOrDefault(f => f is not null);

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
            var count = row.Cells.Count(c => (remembered?.ContainsKey(Names.Key(c)) ?? false) || Recognize(c) is not null);
            if (count > bestCount) (best, bestCount) = (row, count);
        }
        if (best is null) return null;
        var used = new HashSet<string>();
        var columns = best.Cells.Select((header, i) =>
        {
            var field = remembered?.GetValueOrDefault(Names.Key(header)) ?? Recognize(header);
            // A field is read from one column: a second "Name" column is for the user to map.
            return new ImportColumn(i, header.Trim(), field is not null && used.Add(field) ? field : null);
        }).ToList();
        return new ImportLayout(best.Sheet, best.Number, columns);
    }

    /// <summary>Files of the same shape (the same headers in the same order) share a signature, and so a remembered mapping.</summary>
    public static string Signature(IEnumerable<string> headers) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\u001f", headers.Select(Names.Key)))));
}
