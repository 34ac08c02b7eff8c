using Sangathan.Messaging;

namespace Sangathan.Tests.Messaging;

public sealed class SmsCodingTests
{
    [Theory]
    [InlineData("Your Sangathan sign-in code is 123456. Do not share it.")]
    [InlineData("£ € @ $ ¥ è é Ä Ö Ñ Ü ß Δ Ω {} [] ~ | \\ ^ _ ¿ ¡ §")]
    [InlineData("Two\nlines")]
    public void GsmTextGoesAsSevenBit(string text) => Assert.Equal(SmsCoding.Gsm7, SmsCoding.For(text));

    [Theory]
    [InlineData("आपका कोड 123456 है")]
    [InlineData("Code 123456 - संगठन")]
    [InlineData("Fee ₹100")] // the rupee sign is not in the GSM alphabet
    [InlineData("Welcome 🙏")]
    public void AnythingOutsideGsmSendsTheWholeMessageAsUcs2(string text) => Assert.Equal(SmsCoding.Ucs2, SmsCoding.For(text));
}
