using Sangathan.Membership;
using Sangathan.People;

namespace Sangathan.Demo;

/// <summary>
/// One believable member at a time: a Rajasthani name in both scripts, a voter ID and request key made from the id
/// (unique without a look-up), a day in the drive's last <c>days</c> (more of them lately, as a drive gathers pace),
/// and where they stand now: the older the enrollment, the likelier it is verified.
/// </summary>
internal sealed class MemberMaker(Random rng, int consentId, DateOnly today, int days)
{
    static readonly (string Key, double Share)[] Categories = [("general", 0.38), ("obc", 0.36), ("sc", 0.14), ("st", 0.10), ("minority", 0.02)];

    public (Member Member, bool Flagged) Make(int id, int boothId, int? enroller, int? grant)
    {
        var female = rng.NextDouble() < 0.38;
        var first = female ? PersonNames.Women[rng.Next(PersonNames.Women.Length)] : PersonNames.Men[rng.Next(PersonNames.Men.Length)];
        var last = PersonNames.Surnames[rng.Next(PersonNames.Surnames.Length)];
        // Later days weigh more: the square root of a uniform draw leans towards 1.
        var ago = (int)(days * (1 - Math.Sqrt(rng.NextDouble())));
        var day = today.AddDays(-Math.Min(days - 1, ago));
        var created = day.ToDateTime(new TimeOnly(rng.Next(7, 21), rng.Next(60)), DateTimeKind.Utc);
        var online = enroller is null || rng.NextDouble() < 0.1;
        var status = StatusFor(today.DayNumber - day.DayNumber, online);
        var member = new Member
        {
            Id = id, VoterId = VoterId(id), NameEn = $"{first.En} {last.En}", NameHi = $"{first.Hi} {last.Hi}",
            Mobile = "+91" + (6 + rng.Next(4)) + rng.NextInt64(100_000_000, 999_999_999), Category = Category(),
            Gender = female ? Gender.Female : rng.NextDouble() < 0.005 ? Gender.Other : Gender.Male, Age = 18 + rng.Next(60),
            BoothId = boothId, Source = online ? MemberSource.Online : MemberSource.Field, Status = status,
            Fee = status is MemberStatus.Unconfirmed or MemberStatus.AwaitingPayment ? FeeState.Due : online ? FeeState.Online : FeeState.Cash,
            EnrolledById = online ? null : enroller, GrantId = online ? null : grant, RequestKey = $"demo-member-{id}",
            DeviceId = online ? null : $"demo-phone-{enroller}", ConsentNoticeId = consentId, ConsentAt = created, CreatedAt = created,
            MobileConfirmedAt = status is MemberStatus.Unconfirmed ? null : created.AddMinutes(5),
            DecidedAt = status is MemberStatus.Verified or MemberStatus.Rejected or MemberStatus.SentBack ? created.AddDays(2) : null,
        };
        return (member, rng.NextDouble() < 0.03);
    }

    MemberStatus StatusFor(int age, bool online)
    {
        var r = rng.NextDouble();
        if (r < (age < 2 ? 0.30 : 0.06)) return online ? (rng.NextDouble() < 0.5 ? MemberStatus.AwaitingPayment : MemberStatus.Unconfirmed) : MemberStatus.Unconfirmed;
        r = rng.NextDouble();
        if (r < (age < 3 ? 0.8 : age < 10 ? 0.25 : 0.06)) return MemberStatus.Pending;
        r = rng.NextDouble();
        return r < 0.03 ? MemberStatus.Rejected : r < 0.05 ? MemberStatus.SentBack : MemberStatus.Verified;
    }

    string Category()
    {
        var r = rng.NextDouble();
        foreach (var (key, share) in Categories)
            if ((r -= share) < 0) return key;
        return Categories[0].Key;
    }

    /// <summary>Three letters and seven digits, as an EPIC: "DM" and a letter for each crore, then the id.</summary>
    static string VoterId(int id) => $"D{(char)('A' + id / 10_000_000 % 26)}{(char)('A' + id / 260_000_000 % 26)}{id % 10_000_000:D7}";
}
