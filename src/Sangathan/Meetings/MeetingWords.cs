using static Sangathan.Platform.Localization.Texts;

namespace Sangathan.Meetings;

/// <summary>The words for a meeting's states, for its pages and exports, in the reader's language.</summary>
public static class MeetingWords
{
    public static string? Answer(Answer? answer) => answer switch
    {
        Meetings.Answer.Coming => T("Coming"),
        Meetings.Answer.NotComing => T("Not coming"),
        _ => null,
    };

    public static string? How(MarkedHow? how) => how switch
    {
        MarkedHow.Card => T("Card scanned"),
        MarkedHow.CheckIn => T("Checked in"),
        MarkedHow.Manual => T("By hand"),
        _ => null,
    };
}
