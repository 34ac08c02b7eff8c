using System.Globalization;
using System.Security.Cryptography;
using Sangathan.Cards;

namespace Sangathan.Tests.Cards;

public sealed class CardCodeTests
{
    [Fact]
    public void TheCheckDigitCatchesEveryMistypedDigitAndEverySwapOfNeighbours()
    {
        for (var n = 0; n < 200; n++)
        {
            var number = MembershipNumber.New().ToString(CultureInfo.InvariantCulture);
            Assert.True(Verhoeff.IsValid(number));
            for (var i = 0; i < number.Length; i++)
            {
                for (var d = '0'; d <= '9'; d++)
                    if (d != number[i]) Assert.False(Verhoeff.IsValid(number[..i] + d + number[(i + 1)..]), $"{number}: digit {i} as {d}");
                if (i + 1 < number.Length && number[i] != number[i + 1])
                    Assert.False(Verhoeff.IsValid(number[..i] + number[i + 1] + number[i] + number[(i + 2)..]), $"{number}: swap at {i}");
            }
        }
    }

    [Fact]
    public void NumbersReadAsPeopleWriteThemAndShowInThreeGroups()
    {
        var number = MembershipNumber.New();
        var shown = MembershipNumber.Format(number);
        Assert.Matches("^[1-9][0-9]{2} [0-9]{3} [0-9]{4}$", shown);
        Assert.Equal(number, MembershipNumber.Parse(shown));
        Assert.Equal(number, MembershipNumber.Parse(shown.Replace(' ', '-')));
        var devanagari = string.Concat(number.ToString(CultureInfo.InvariantCulture).Select(c => (char)('\u0966' + c - '0')));
        Assert.Equal(number, MembershipNumber.Parse(devanagari));
        Assert.Null(MembershipNumber.Parse(shown[..^1] + (char)((shown[^1] - '0' + 1) % 10 + '0')));
        Assert.Null(MembershipNumber.Parse("12345"));
    }

    [Theory]
    [InlineData("AB", "BB8")]
    [InlineData("Hello!!", "%69 VD92EX0")]
    [InlineData("base-45", "UJCLQE7W581")]
    [InlineData("ietf!", "QED8WEX0")]
    public void Base45IsRfc9285s(string text, string encoded)
    {
        Assert.Equal(encoded, Base45.Encode(System.Text.Encoding.ASCII.GetBytes(text)));
        Assert.Equal(text, System.Text.Encoding.ASCII.GetString(Base45.Decode(encoded)!));
    }

    [Theory]
    [InlineData("GGW")] // 65535 + 1: more than two bytes
    [InlineData("ab")]  // not in the alphabet
    [InlineData("A")]   // a length Base45 never has
    public void NotBase45IsRefused(string text) => Assert.Null(Base45.Decode(text));

    [Fact]
    public void TheStatementReadsBackAsWrittenAndItsHindiTakesOneByteALetter()
    {
        var face = CardSamples.Face();
        var statement = face.Statement(7);
        var bytes = statement.ToBytes();
        var (read, length) = CardStatement.Read(bytes)!.Value;
        Assert.Equal(bytes.Length, length);
        Assert.Equal(statement, read);
        Assert.Equal(CardSamples.NameHi, read.NameHi);
        // 17 fixed bytes and four length bytes; every letter of the (cut) texts in one byte.
        Assert.Equal(17 + 4 + statement.NameHi.Length + statement.NameEn.Length + statement.UnitHi.Length + statement.UnitEn.Length, bytes.Length);
    }

    [Fact]
    public void ScriptsBeyondDevanagariAndAsciiFallBackToUtf8()
    {
        var statement = CardSamples.Face().Statement(1) with { NameEn = "Zoë O’Neill" };
        var (read, _) = CardStatement.Read(statement.ToBytes())!.Value;
        Assert.Equal("Zoë O’Neill", read.NameEn);
    }

    [Fact]
    public void AGenuineCodeVerifiesAndIsSmallEnoughForAVersion13Qr()
    {
        using var key = CardSamples.Key();
        var face = CardSamples.Face();
        var code = CardCode.Write(face.Statement(3), key);
        var (verdict, statement) = CardCode.Read(code, id => id == 3 ? key : null);
        Assert.Equal(CardVerdict.Genuine, verdict);
        Assert.Equal(face.Number, statement!.Number);
        // Long names at that: the typical card's code is shorter.
        Assert.True(code.Length <= 350, $"{code.Length} characters");
        Assert.True(QrModules.Of(code).Size <= 69 + 8, $"{QrModules.Of(code).Size} modules");
    }

    [Fact]
    public void ChangingAnyOneCharacterOfTheCodeFailsVerification()
    {
        using var key = CardSamples.Key();
        var code = CardCode.Write(CardSamples.Face().Statement(1), key);
        for (var i = 0; i < code.Length; i++)
        {
            var other = Base45.Alphabet[(Base45.Alphabet.IndexOf(code[i]) + 1) % Base45.Alphabet.Length];
            var altered = code[..i] + other + code[(i + 1)..];
            Assert.NotEqual(CardVerdict.Genuine, CardCode.Read(altered, _ => key).Verdict);
        }
    }

    [Fact]
    public void ChangingAnyOneByteOfTheSignedStatementIsCaughtAsForgedOrUnreadable()
    {
        using var key = CardSamples.Key();
        var code = CardCode.Write(CardSamples.Face().Statement(1), key);
        var bytes = Base45.Decode(code.AsSpan(CardCode.Prefix.Length))!;
        for (var i = 0; i < bytes.Length; i++)
        {
            var altered = (byte[])bytes.Clone();
            altered[i] ^= 0x01;
            var verdict = CardCode.Read(CardCode.Prefix + Base45.Encode(altered), _ => key).Verdict;
            Assert.Contains(verdict, new[] { CardVerdict.Forged, CardVerdict.Unreadable });
        }
    }

    [Fact]
    public void ACodeSignedWithAnotherKeyIsForgedAndOneNamingAnUnknownKeyIsNotTrusted()
    {
        using var party = CardSamples.Key();
        using var forger = CardSamples.Key();
        var statement = CardSamples.Face().Statement(1);
        Assert.Equal(CardVerdict.Forged, CardCode.Read(CardCode.Write(statement, forger), _ => party).Verdict);
        Assert.Equal(CardVerdict.UnknownKey, CardCode.Read(CardCode.Write(statement with { KeyId = 9 }, forger), id => id == 1 ? party : null).Verdict);
        Assert.Equal(CardVerdict.Unreadable, CardCode.Read("https://example.org/not-a-card", _ => party).Verdict);
        Assert.Equal(CardVerdict.Unreadable, CardCode.Read(CardCode.Prefix + new string('A', 5000), _ => party).Verdict);
    }

    [Fact]
    public void SignaturesAreTheRawSixtyFourBytesWebCryptoVerifies()
    {
        using var key = CardSamples.Key();
        var bytes = Base45.Decode(CardCode.Write(CardSamples.Face().Statement(1), key).AsSpan(CardCode.Prefix.Length))!;
        var length = CardStatement.Read(bytes)!.Value.Length;
        Assert.Equal(64, bytes.Length - length);
        Assert.True(key.VerifyData(bytes.AsSpan(0, length), bytes.AsSpan(length), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
    }
}
