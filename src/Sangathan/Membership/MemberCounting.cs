using Sangathan.Data;

namespace Sangathan.Membership;

/// <summary>
/// Every change to a member's status or category goes through here, adding count changes to the same save:
/// the member leaves its old count and joins its new one. The tallies catch up in the background.
/// </summary>
public static class MemberCounting
{
    public static void Joined(AppDb db, Member member, DateOnly day) =>
        db.MemberCountChanges.Add(Change(member, member.Status, day, +1));

    public static void Moved(AppDb db, Member member, MemberStatus from, DateOnly day)
    {
        if (from == member.Status) return;
        db.MemberCountChanges.Add(Change(member, from, day, -1));
        db.MemberCountChanges.Add(Change(member, member.Status, day, +1));
    }

    /// <summary>The member was flagged for scrutiny for the first time: the flagged rate counts them once.</summary>
    public static MemberCountChange Flagged(int boothId, MemberStatus status, string category, People.Gender gender, int? enrollerId, DateOnly day) =>
        new() { BoothId = boothId, Status = status, Category = category, Gender = gender, EnrollerId = enrollerId, Day = day, Flagged = 1 };

    static MemberCountChange Change(Member member, MemberStatus status, DateOnly day, int delta) => new()
    {
        BoothId = member.BoothId, Status = status, Category = member.Category, Gender = member.Gender,
        EnrollerId = member.EnrolledById, Day = day, Delta = delta,
    };
}
