using System.Text.RegularExpressions;
using Sangathan.Access;
using Sangathan.Organization;
using Sangathan.People;
using Sangathan.Platform.Localization;

namespace Sangathan.Tests.Platform;

public sealed partial class RulesTests
{
    [Theory]
    [InlineData("98290 12345", "+919829012345")]
    [InlineData("+91-98290-12345", "+919829012345")]
    [InlineData("09829012345", "+919829012345")]
    [InlineData("919829012345", "+919829012345")]
    [InlineData("(982) 901-2345", "+919829012345")]
    public void AnIndianMobileIsReadHoweverItIsWritten(string input, string e164) =>
        Assert.Equal(e164, PersonRules.NormalizeMobile(input));

    [Theory]
    [InlineData("12345")]
    [InlineData("0141 2222222")]
    [InlineData("+1 415 555 0100")]
    [InlineData("abcdefghij")]
    [InlineData("")]
    [InlineData(null)]
    public void WhatIsNotAnIndianMobileIsRefused(string? input) => Assert.Null(PersonRules.NormalizeMobile(input));

    [Theory]
    [InlineData("ABC1234567", "ABC1234567")]
    [InlineData(" abc 123 4567 ", "ABC1234567")]
    [InlineData("RJ/1234567", null)]
    [InlineData("AB12345678", null)]
    [InlineData("ABC123456", null)]
    [InlineData("ABC12345678", null)]
    [InlineData("ABCD234567", null)]
    [InlineData("", null)]
    public void AVoterIdIsThreeLettersAndSevenDigits(string input, string? epic)
    {
        Assert.Equal(epic, PersonRules.NormalizeVoterId(input));
        if (epic is not null) Assert.Equal("ABC•••••67", PersonRules.MaskVoterId(epic));
    }

    [Fact]
    public void CleaningTrimsFoldsSpacesDropsInvisiblesAndComposes()
    {
        Assert.Equal("Ram Lal", PersonRules.Clean("  Ram\u200B \t Lal\u00A0 "));
        // "क़" typed as one code point or as क + nukta is the same name once cleaned.
        Assert.Equal(PersonRules.Clean("\u0915\u093C"), PersonRules.Clean("\u0958"));
        Assert.Equal("\u0928\u093F", PersonRules.Clean("\u0928\u093F"));
    }

    [Fact]
    public void PathsGiveAncestorsRegionAndContainment()
    {
        Assert.Equal([1, 7, 42], UnitRules.IdsOn("/1/7/42/"));
        Assert.Equal(7, UnitRules.RegionOn("/1/7/42/"));
        Assert.Null(UnitRules.RegionOn("/1/"));
        Assert.True(Subtree.Holds("/1/7/", "/1/7/42/"));
        Assert.False(Subtree.Holds("/1/7/", "/1/70/"));
        Assert.Equal(0, UnitRules.Percent(5, 0));
        Assert.Equal(33, UnitRules.Percent(1, 3));
    }

    static readonly string Source = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../src/Sangathan"));

    /// <summary>
    /// Every phrase the code passes to T("...") has its Hindi in the translators' file (Texts/hi.po), so no Hindi page
    /// shows stray English. The file read is the one the app reads, as the build copied it beside the app.
    /// </summary>
    [Fact]
    public void EveryPhraseTheAppShowsHasItsHindi()
    {
        var hindi = TextCatalog.Load(Path.Combine(AppContext.BaseDirectory, "Texts")).Of("hi");
        Assert.True(hindi.Count > 500, "Texts/hi.po was not read");
        var missing = Phrases(Source).Where(p => !hindi.ContainsKey(p)).ToList();
        Assert.Empty(missing);
    }

    /// <summary>
    /// The consent notice is a constant passed to T(), which the phrase finder cannot read: its Hindi was lost once when
    /// the texts moved to hi.po, and Hindi enrollers were shown (and members recorded as agreeing to) the English.
    /// </summary>
    [Fact]
    public void TheConsentNoticeHasItsHindi()
    {
        var hindi = TextCatalog.Load(Path.Combine(AppContext.BaseDirectory, "Texts")).Of("hi");
        Assert.True(hindi.TryGetValue(Sangathan.Membership.ConsentNotices.English, out var notice) && notice.Contains("सहमति"));
    }

    /// <summary>
    /// The third language covers at least the field pages: an enroller's day (signing in, enrolling, their members, the
    /// cards) and a person joining or checking a card, with every message those pages and their use cases can show.
    /// </summary>
    [Fact]
    public void TheFieldPagesHaveTheirGujarati()
    {
        var gujarati = TextCatalog.Load(Path.Combine(AppContext.BaseDirectory, "Texts")).Of("gu");
        string[] field = ["Pages/Membership/Enroll.cshtml", "Pages/Membership/Enroll.cshtml.cs", "Pages/Membership/_MemberFields.cshtml",
            "Pages/Membership/Join.cshtml", "Pages/Membership/Join.cshtml.cs", "Pages/Membership/Joined.cshtml", "Pages/Membership/_MemberStatus.cshtml",
            "Pages/Membership/Confirm.cshtml", "Pages/Account/SignIn.cshtml", "Pages/Account/SignIn.cshtml.cs", "Pages/Cards/Verify.cshtml",
            "Pages/Cards/Own.cshtml", "Pages/Cards/Ask.cshtml", "Pages/Shared/_Layout.cshtml", "Membership/MemberValidation.cs",
            "Membership/Enrollment/EnrollMember.cs", "Access/CodeSignIn.cs", "Membership/Enrollment/ConfirmationLink.cs"];
        var missing = field.SelectMany(f => Phrases(Path.Combine(Source, f))).Distinct().Where(p => !gujarati.ContainsKey(p)).ToList();
        Assert.Empty(missing);
    }

    /// <summary>The phrases of the code under a folder, or of one file.</summary>
    static IEnumerable<string> Phrases(string path) =>
        (File.Exists(path) ? new[] { path } : System.IO.Directory.EnumerateFiles(path, "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cs") || f.EndsWith(".cshtml")) && !f.Contains("/obj/") && !f.Contains("/bin/")))
        .SelectMany(f => Phrase().Matches(File.ReadAllText(f)).Select(m => Regex.Unescape(m.Groups[1].Value)))
        .Distinct();

    // T("..."), Texts.In(language, "..."), the card's Local("...") and Both("..."), and the messages kept as templates and translated when shown (import
    // problems, file errors). tools/texts/texts.py finds phrases for the translators' files with the same pattern.
    [GeneratedRegex("""(?:\bT\(|\b(?:Local|Both)\(|\bIn\([^,()]+, |ImportFileException\(|\.Problem\([^,()]+, |(?<!AuthenticateResult\.)\bFail\()"((?:[^"\\]|\\.)*)"[,)]""")]
    private static partial Regex Phrase();
}
