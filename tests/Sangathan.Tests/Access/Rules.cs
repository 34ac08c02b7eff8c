namespace Sangathan.Tests.Access;

/// <summary>
/// The access rules as the issue states them, written out by hand so the matrix checks the app against the
/// specification rather than against itself: war-room administrators and data-entry operators reach the whole
/// tree; office bearers reach the units under their posts, presidents editing and secretaries only viewing;
/// auditors read the audit log and nothing of the tree; only administrators reveal masked data.
/// </summary>
public static class Rules
{
    public static bool Allows(Need need, Caller caller, Side side)
    {
        var warRoom = caller is Caller.Admin or Caller.DataEntry;
        var inside = side == Side.Inside;
        return need switch
        {
            Need.Public => true,
            Need.SignedIn => caller != Caller.Anonymous,
            // A worker reads where they work (the inside mandal) while they may enroll there.
            Need.ReadBooth => warRoom || (inside && caller is Caller.DistrictPresident or Caller.DistrictSecretary or Caller.BoothPresident or Caller.Worker),
            Need.EditBooth => warRoom || (inside && caller is Caller.DistrictPresident or Caller.BoothPresident),
            // The booth's president holds nothing above the booth, so the mandal is beyond them.
            Need.EditMandal => warRoom || (inside && caller is Caller.DistrictPresident),
            Need.EditsSomewhere => warRoom || caller is Caller.DistrictPresident or Caller.BoothPresident,
            Need.ReadsAll or Need.WarRoom => warRoom,
            Need.Audit => caller is Caller.Admin or Caller.Auditor,
            Need.Reveal => caller == Caller.Admin,
            // The members' own: enrollers are people (office bearers, workers), so the war room's staff have no list or cash book of their own.
            Need.OfficeBearer => caller is Caller.DistrictPresident or Caller.DistrictSecretary or Caller.BoothPresident or Caller.Worker,
            // The district president holds a grant (the war room's, over his district), and the worker one under it over the inside mandal.
            Need.EnrollBooth => inside && caller is Caller.DistrictPresident or Caller.Worker,
            // New members are verified by those who edit their district: not by a booth's president, not by a secretary.
            Need.Scrutinize => warRoom || (inside && caller == Caller.DistrictPresident),
            // Data-entry operators edit but do not export.
            Need.Export => caller == Caller.Admin || (inside && caller is Caller.DistrictPresident or Caller.BoothPresident),
            // Membership: grants. The war room's administrators grant anywhere; of the rest, only the inside district's
            // president holds a grant a post carries (the matrix gives him one), and only such a grant lets a person grant or
            // revoke below it: the worker's grant lets them enroll, not authorize.
            Need.Grant => caller == Caller.Admin || (inside && caller == Caller.DistrictPresident),
            // Broadcasts: the state administrator anywhere; office bearers where they edit (a secretary views, so does not message).
            Need.Broadcast => caller == Caller.Admin || (inside && caller is Caller.DistrictPresident or Caller.BoothPresident),
            // Member cards: the keys they are signed with are the state administrator's alone.
            Need.CardKeys => caller == Caller.Admin,
            // The party's levels and posts, and the war room's own accounts: the state administrator's alone.
            Need.StateAdmin => caller == Caller.Admin,
            _ => throw new ArgumentOutOfRangeException(nameof(need)),
        };
    }
}
