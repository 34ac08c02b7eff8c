using Sangathan.Import;

namespace Sangathan.Tests.Import;

public sealed class UnitNameMatchTests
{
    [Theory]
    [InlineData("Jhunjhunu", "Jhunjhunun")]
    [InlineData("Chittorgarh", "Chittaurgarh")]
    [InlineData("Dholpur", "Dhaulpur")]
    [InlineData("Karauli", "Karoli")]
    [InlineData("Jalore", "Jalor")]
    [InlineData("Sri Ganganagar", "Shri Ganganagar")]
    [InlineData("Sri Ganganagar", "Ganganagar")]
    [InlineData("Udaipur", "Udaypur")]
    [InlineData("Sanganer", "SAANGANER")]
    [InlineData("झुंझुनूं", "झुंझुनू")]
    [InlineData("चित्तौड़गढ़", "चित्तोडगढ")]
    [InlineData("बाड़मेर", "बाडमेर")]
    [InlineData("श्रीगंगानगर", "गंगानगर")]
    public void SpellingsOfOneNameShareAKey(string name, string spelled) =>
        Assert.Equal(UnitNameMatch.SpellingKey(name), UnitNameMatch.SpellingKey(spelled));

    [Theory]
    [InlineData("Mandal 12", "Mandal 13")]
    [InlineData("Jaipur", "Jodhpur")]
    [InlineData("Bundi", "Bandi")]
    [InlineData("Kota", "Tonk")]
    public void DifferentNamesKeepDifferentKeys(string name, string other) =>
        Assert.NotEqual(UnitNameMatch.SpellingKey(name), UnitNameMatch.SpellingKey(other));

    [Theory]
    [InlineData("jalavar", "jalavad", true)]
    [InlineData("barmer", "badmer", true)]
    [InlineData("barmer", "barmr", true)]
    [InlineData("barmer", "barmerr", true)]
    [InlineData("barmer", "bamrer", false)]
    [InlineData("jaipur", "jodpur", false)]
    public void OneEditApartIsNear(string a, string b, bool near) => Assert.Equal(near, UnitNameMatch.WithinOneEdit(a, b));
}
