using Sangathan.People;

namespace Sangathan.Membership;

/// <summary>
/// A member as their enroller sees them once saved (the field layer): voter ID and mobile masked, with the outcome
/// of scrutiny.
/// </summary>
public sealed record EnrolledMember(
    int Id, string VoterId, string NameEn, string NameHi, string Mobile, string Category, int BoothId,
    MemberStatus Status, FeeState Fee, DateTime CreatedAt, string? DecisionNote)
{
    public static EnrolledMember Of(Member m) => new(m.Id, PersonRules.MaskVoterId(m.VoterId), m.NameEn, m.NameHi,
        PersonRules.Mask(m.Mobile), m.Category, m.BoothId, m.Status, m.Fee, m.CreatedAt, m.DecisionNote);
}
