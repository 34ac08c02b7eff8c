using Sangathan.Cards;
using Sangathan.People;

namespace Sangathan.Tests.Cards;

/// <summary>A card in a third language (issue 23): Gujarati words and names in Gujarati letters, from the bundled font.</summary>
public sealed class CardLanguageTests
{
    static CardPrinter Gujarati() => new(new CardDesign(CardSamples.Brand(language: "gu", partyName: "સંગઠન ડેમો પાર્ટી")));

    [Fact]
    public void AGujaratiCardPrintsItsWordsAndNamesInGujaratiLetters()
    {
        using var key = CardSamples.Key();
        var face = CardSamples.Face();
        var code = CardCode.Write(face.Statement(1), key);
        var printer = Gujarati();
        using var output = new MemoryStream();
        printer.Pdf(face, code, output);
        var text = CardReaders.Text(output.ToArray());

        Assert.Contains(NameScripts.ToGujarati(CardSamples.NameHi), text[0]);
        Assert.Contains(CardSamples.NameEn, text[0]);
        Assert.Contains("સભ્યપદ નંબર · Membership no.", text[0]);
        Assert.Contains("ચકાસવા માટે સ્કૅન કરો", text[1]);
        Assert.Contains("સંગઠન ડેમો પાર્ટી", text[1]);
        // The QR still says the name as signed, in Devanagari: the script is only how the card shows it.
        Assert.Equal(CardVerdict.Genuine, CardCode.Read(Assert.Single(CardReaders.Qr(CardReaders.Pages(output.ToArray())[1])), _ => key).Verdict);

        // Every Gujarati letter has its glyph in the card's font (glyph 0 is the empty box of a missing one); the Hindi font has none.
        var words = NameScripts.ToGujarati(CardSamples.NameHi) + " સભ્યપદ નંબર ચકાસવા";
        Assert.DoesNotContain((ushort)0, CardFonts.For("gu").Regular.Shape(words, 4).Glyphs);
        Assert.DoesNotContain((ushort)0, CardFonts.For("gu").Bold.Shape(words + " Valid till", 4).Glyphs);
        Assert.Contains((ushort)0, CardFonts.For("hi").Regular.Shape(words, 4).Glyphs);

        var folder = Screenshots.Folder;
        File.WriteAllBytes(Path.Combine(folder, "card-front-gu.png"), printer.Png(face, code, front: true, back: false));
        File.WriteAllBytes(Path.Combine(folder, "card-back-gu.png"), printer.Png(face, code, front: false, back: true));
    }
}
