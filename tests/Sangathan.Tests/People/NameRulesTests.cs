using Sangathan.Import;
using Sangathan.People;
using Sangathan.Platform;
using Sangathan.Platform.Localization;
using Sangathan.Search;

namespace Sangathan.Tests.People;

/// <summary>The rules behind names across scripts and messy sheets, without a database.</summary>
public sealed class NameRulesTests
{
    [Theory]
    [InlineData("रमेश", "Ramesh")]
    [InlineData("गीता जाट", "Geeta Jat")]
    [InlineData("सुनीता मीणा", "Sunita Meena")]
    [InlineData("कमला देवी", "Kamla Devi")]
    [InlineData("अजमेर", "Ajmer")]
    [InlineData("जयपुर", "Jaipur")]
    [InlineData("भरत", "Bharat")]
    [InlineData("विजय सिंह", "Vijay Singh")]
    [InlineData("लक्ष्मी", "Lakshmi")]
    [InlineData("महेंद्र", "Mahendra")]
    [InlineData("जगदीश", "Jagdish")]
    [InlineData("पूजा", "Pooja")]
    [InlineData("श्याम सुंदर", "Shyam Sundar")]
    [InlineData("मेघवाल", "Meghwal")]
    [InlineData("चंपा", "Champa")]
    [InlineData("मोहन लाल", "Mohan Lal")]
    [InlineData("ગીતા જાટ", "Geeta Jat")]
    public void DevanagariIsWrittenInLatinAsPeopleWriteTheirNames(string indian, string latin) =>
        Assert.Equal(latin, NameScripts.ToLatin(indian));

    [Theory]
    [InlineData("Ramesh Kumar", "रमेश कुमार")]
    [InlineData("Sharma", "शर्मा")]
    [InlineData("Geeta", "गीता")]
    [InlineData("Vijay Singh", "विजय सिंह")]
    [InlineData("Pradeep Gupta", "प्रदीप गुप्ता")]
    [InlineData("Chandra", "चंद्र")]
    [InlineData("Ankit", "अंकित")]
    [InlineData("Kamla", "कमला")]
    public void LatinIsWrittenInDevanagariAsABestGuess(string latin, string devanagari) =>
        Assert.Equal(devanagari, NameScripts.ToDevanagari(latin));

    [Fact]
    public void TheMissingScriptIsGeneratedAndSwappedColumnsAreSortedOut()
    {
        Assert.Equal(("Geeta Jat", "गीता जाट"), NameScripts.Complete(null, "गीता जाट"));
        Assert.Equal(("Geeta Jat", "गीता जाट"), NameScripts.Complete("गीता जाट", null));
        Assert.Equal(("Vijay Singh", "विजय सिंह"), NameScripts.Complete("विजय सिंह", "Vijay Singh"));
        Assert.Equal(("Ram Lal", "राम लाल"), NameScripts.Complete("Ram Lal", ""));
        Assert.Equal("ગીતા જાટ", NameScripts.ToGujarati("गीता जाट"));
    }

    [Fact]
    public void SearchKeysFoldTheSpellingsOfHindiNamesAndKeepAPrefixAPrefix()
    {
        Assert.Equal(NameKeys.Key("Geeta"), NameKeys.Key("Gita"));
        Assert.Equal(NameKeys.Key("Shyam"), NameKeys.Key("Syam"));
        Assert.Equal(NameKeys.Key("Pawan"), NameKeys.Key("Pavan"));
        Assert.Equal(NameKeys.Key("Raamesh"), NameKeys.Key("Ramesh"));
        Assert.Equal(NameKeys.Key("Pooja"), NameKeys.Key("Puja"));
        Assert.Equal(NameKeys.Key("गीता"), NameKeys.Key("Geeta"));
        foreach (var name in new[] { "Geeta", "Shyam", "Pooja", "Siddharth", "Phoolchand", "Meena" })
            for (var typed = 1; typed <= name.Length; typed++)
                Assert.StartsWith(NameKeys.Key(name[..typed]), NameKeys.Key(name));
        Assert.Equal(["geeta", "jat"], NameKeys.Of("Geeta Jat", "गीता जाट"));
    }

    [Theory]
    [InlineData("9.829012345E+09", "9829012345", false)]
    [InlineData("9829012345.0", "9829012345", false)]
    [InlineData("९८२९०१२३४५", "9829012345", false)]
    [InlineData("98,290 12345", "9829012345", false)]
    [InlineData("1.2E+01", "12", false)]
    [InlineData("9.829E+09", null, true)]
    [InlineData("9.8290E+09", null, true)]
    [InlineData("12.5", null, false)]
    [InlineData("abc", null, false)]
    public void ANumberIsReadInAnyNotationUnlessItLostDigits(string written, string? digits, bool rounded) =>
        Assert.Equal(new WholeNumber(digits, rounded), Numerals.Whole(written));

    [Theory]
    [InlineData("geeta.jat@gmail.com", "geeta.jat@gmail.com")]
    [InlineData("Suresh.Saini@Example.IN", "Suresh.Saini@example.in")]
    [InlineData("ram@gmail", null)]
    [InlineData("ram@gmail..com", null)]
    [InlineData("ram@gmail,com", null)]
    [InlineData(".ram@gmail.com", null)]
    [InlineData("ram@-gmail.com", null)]
    [InlineData("ram@gmail.c", null)]
    [InlineData("ram@@gmail.com", null)]
    [InlineData("\"ram\"@gmail.com", null)]
    [InlineData("ram@[10.0.0.1]", null)]
    public void AnEmailAddressIsOneAMailServerWouldDeliverTo(string written, string? address) =>
        Assert.Equal(address, EmailRules.Normalize(written));

    [Theory]
    [InlineData("मोबाइल नं.", "mobile")]
    [InlineData("मो. नं.", "mobile")]
    [InlineData("Mob. No.", "mobile")]
    [InlineData("ज़िला", "district")]
    [InlineData("मण्डल", "mandal")]
    [InlineData("गाँव", "village")]
    [InlineData("फ़ेसबुक", "facebook")]
    [InlineData("ई-मेल", "email")]
    [InlineData("बूथ नं.", "booth")]
    public void HeadersAreRecognizedWithTheirCommonVariants(string header, string field) =>
        Assert.Equal(field, ImportHeaders.Recognize(header));

    [Fact]
    public void ASerialNumberOrAFathersNameColumnIsLeftOutWithoutAsking()
    {
        Assert.True(ImportHeaders.IsIgnored("क्र.सं."));
        Assert.True(ImportHeaders.IsIgnored("पिता का नाम"));
        Assert.True(ImportHeaders.IsIgnored("S. No."));
        Assert.False(ImportHeaders.IsIgnored("मोबाइल"));
    }

    [Fact]
    public void ATranslatorsFileIsReadAsGettextReadsIt()
    {
        var po = """
            # Hindi
            msgid ""
            msgstr "Language: hi\n"

            #: Somewhere.cs
            #, csharp-format
            msgid "Row {0}"
            msgstr "पंक्ति {0}"

            msgid "A \"quoted\" "
            "word"
            msgstr "एक \"उद्धृत\" "
            "शब्द"

            #, fuzzy
            msgid "Guessed"
            msgstr "अनुमान"

            msgid "Untranslated"
            msgstr ""
            """;
        var texts = PoFile.Read(new StringReader(po));
        Assert.Equal("पंक्ति {0}", texts["Row {0}"]);
        Assert.Equal("एक \"उद्धृत\" शब्द", texts["A \"quoted\" word"]);
        Assert.False(texts.ContainsKey("Guessed"));
        Assert.False(texts.ContainsKey("Untranslated"));
        Assert.False(texts.ContainsKey(""));
    }

    [Fact]
    public void CleaningDropsJoinersToo()
    {
        Assert.Equal("गीता जाट", PersonRules.Clean("गीता जाट\u200D"));
        Assert.Equal("विजय", PersonRules.Clean("वि\u200Cजय"));
        Assert.Equal("Ram", PersonRules.Clean("\uFEFFRam\u00AD"));
    }
}
