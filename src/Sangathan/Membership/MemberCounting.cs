using Sangathan.Data;

namespace Sangathan.Membership;

/// <summary>
/// Every change to a member's status, category or gender goes through here, adding count changes to the same save:
/// the member leaves its old count and joins its new one. The tallies catch up in the background.
/// </summary>
public static class MemberCounting
{
    public static void Joined(AppDb db, Member member, DateOnly day) =>
        db.MemberCountChanges.Add(Change(member, member.Status, member.Category, member.Gender, day, +1));

    public static void Moved(AppDb db, Member member, MemberStatus from, DateOnly day) => Moved(db, member, from, member.Category, member.Gender, day);

    /// <summary>A corrected member may change category or gender as well as status: they leave the count they were in.</summary>
    public static void Moved(AppDb db, Member member, MemberStatus from, string fromCategory, People.Gender fromGender, DateOnly day)
    {
        if (from == member.Status && fromCategory == member.Category && fromGender == member.Gender) return;
        db.MemberCountChanges.Add(Change(member, from, fromCategory, fromGender, day, -1));
        db.MemberCountChanges.Add(Change(member, member.Status, member.Category, member.Gender, day, +1));
    }

    /// <summary>The member was flagged for scrutiny for the first time: the flagged rate counts them once.</summary>
    public static MemberCountChange Flagged(int boothId, MemberStatus status, string category, People.Gender gender, int? enrollerId, DateOnly day) =>
        new() { BoothId = boothId, Status = status, Category = category, Gender = gender, EnrollerId = enrollerId, Day = day, Flagged = 1 };

    static MemberCountChange Change(Member member, MemberStatus status, string category, People.Gender gender, DateOnly day, int delta) => new()
    {
        BoothId = member.BoothId, Status = status, Category = category, Gender = gender,
        EnrollerId = member.EnrolledById, Day = day, Delta = delta,
    };
}
