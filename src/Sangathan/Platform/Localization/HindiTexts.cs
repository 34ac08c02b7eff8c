namespace Sangathan.Platform.Localization;

/// <summary>Hindi for every English phrase the app shows; a phrase missing here shows in English.</summary>
internal static class HindiTexts
{
    public static readonly Dictionary<string, string> Words = new()
    {
        ["This field is required."] = "यह भरना ज़रूरी है।",
    };
}
