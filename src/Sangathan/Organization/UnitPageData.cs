namespace Sangathan.Organization;

public sealed record UnitRef(int Id, string Code, string NameEn, string NameHi);

public sealed record LevelRef(int Id, string Key, string NameEn, string NameHi, int Depth);

public sealed record OfficeBearer(
    int AppointmentId, int PersonId, string PostKey, string PostEn, string PostHi, int PostRank,
    string NameEn, string NameHi, string? Mobile, string? Email, string? WhatsApp, int? PhotoId, string? Village,
    DateOnly From, bool ContactsMasked = false);

public sealed record PostSeats(int PostId, string Key, string NameEn, string NameHi, int Seats, int Filled)
{
    public int Vacant => Math.Max(0, Seats - Filled);
}

/// <param name="Party">Their party, as the result lists it: a seat's member may be of any party.</param>
public sealed record ElectedRepresentative(
    int PersonId, string NameEn, string NameHi, string Kind, int ConstituencyNumber,
    string ConstituencyEn, string ConstituencyHi, int? PhotoId, string? Mobile, bool MobileMasked, string? Party = null);

public sealed record ChildUnit(
    int Id, string Code, string NameEn, string NameHi, int SubtreeSeats, int SubtreeFilled,
    int? PresidentId, string? PresidentEn, string? PresidentHi, string? PresidentMobile)
{
    public int Percent => UnitRules.Percent(SubtreeFilled, SubtreeSeats);
}

public sealed record UnitPageData(
    UnitRef Unit, LevelRef Level, int? ParentId, int? AssemblyConstituencyId, string? AssemblyConstituencyEn, string? AssemblyConstituencyHi,
    int? PartNumber, int Seats, int SeatsFilled, int SubtreeSeats, int SubtreeFilled,
    IReadOnlyList<UnitRef> Breadcrumbs, IReadOnlyList<OfficeBearer> OfficeBearers, IReadOnlyList<PostSeats> Posts,
    IReadOnlyList<ElectedRepresentative> Representatives, LevelRef? ChildLevel, IReadOnlyList<ChildUnit> Children,
    int ChildCount, int ChildPage, int ChildPageSize, bool CanEdit, bool CanExport, DateOnly? EndedOn = null)
{
    public int Percent => UnitRules.Percent(SubtreeFilled, SubtreeSeats);
}
