namespace Sangathan.Meetings;

/// <summary>A meeting as its page and the API show it. No mobiles, no voter IDs: names, posts and booths only.</summary>
public sealed record MeetingView(int Id, int UnitId, string UnitEn, string UnitHi, string Title, string? Agenda, DateTime StartsAt, DateTime EndsAt,
    string? Place, string? VideoLink, MeetingStatus Status, bool OfficeBearers, string? LevelKeys, string? PostKeys, bool Members, string? Category,
    bool Sms, bool Email, bool WhatsApp, int? NoticeId, int? ReminderId, string? Notes, string? Decisions, DateTime? MinutesAt, string CreatedBy,
    MeetingCounts Counts, IReadOnlyList<int> PhotoIds, bool MayChange, bool MayRecord, Answer? MyAnswer, bool IAmInvited);

/// <summary>Per meeting: invited, came (of them, and uninvited), late, absent, and the answers.</summary>
public sealed record MeetingCounts(int Invited, int Came, int CameInvited, int Late, int Absent, int Coming, int NotComing, int NoAnswer)
{
    public int? Rate => MeetingRules.Rate(CameInvited, Invited);
}

/// <summary>One person or member at a meeting.</summary>
public sealed record AttendeeView(long Id, string Kind, int RecipientId, string NameEn, string NameHi, string? Post, bool Invited, Answer? Answer,
    DateTime? ArrivedAt, bool Late, MarkedHow? How, string? Reason);

public sealed record AttendeePage(IReadOnlyList<AttendeeView> Items, long? Next);

public sealed record MeetingSummary(int Id, string Title, DateTime StartsAt, string? Place, bool Online, MeetingStatus Status, int Invited, int Came, int Late);

/// <summary>A person's or member's meetings: each with their answer and whether they came; the rate over meetings held.</summary>
public sealed record HistoryRow(int MeetingId, string Title, string UnitEn, string UnitHi, DateTime StartsAt, bool Invited, Answer? Answer,
    DateTime? ArrivedAt, bool Late, bool Held);

public sealed record AttendanceHistory(string Kind, int Id, string NameEn, string NameHi, int Invited, int Came, int Late, int? Rate,
    IReadOnlyList<HistoryRow> Meetings);

/// <summary>The per-unit report: the subtree's meetings by month, and each unit under it, for the year to this month.</summary>
public sealed record UnitReport(int UnitId, string UnitEn, string UnitHi, int ThisMonth, IReadOnlyList<MonthRow> Months, IReadOnlyList<UnitRow> Units,
    int WithoutMeeting);

public sealed record MonthRow(int Month, int Meetings, int Invited, int Came)
{
    public int? Rate => MeetingRules.Rate(Came, Invited);
}

/// <summary>One unit of the subtree: meetings held this month and in the year, average attendance, when it last met.</summary>
public sealed record UnitRow(int Id, string NameEn, string NameHi, string LevelEn, string LevelHi, int Depth, int ThisMonth, int Year, int Invited,
    int Came, DateTime? Last)
{
    public int? Rate => MeetingRules.Rate(Came, Invited);
    public double? Average => Year == 0 ? null : Math.Round((double)Came / Year, 1);
}
