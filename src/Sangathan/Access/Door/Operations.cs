using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace Sangathan.Access;

/// <summary>
/// What a caller may ask to do to a record, by name: the requirements of ASP.NET Core's resource-based authorization.
/// Each kind of record has one handler (<see cref="UnitAuthorization"/>, <see cref="PersonAuthorization"/> ...) that
/// decides them from the caller's <see cref="Access"/>; <see cref="Door"/> asks them, and answers a record the caller
/// may not read as one that does not exist.
/// </summary>
public static class Operations
{
    /// <summary>See the record at all. Refused, the record is answered as missing (404), never as forbidden.</summary>
    public static readonly OperationAuthorizationRequirement Read = New("read");
    public static readonly OperationAuthorizationRequirement Edit = New("edit");
    /// <summary>See a person's mobile and e-mail as they are, without an audited reveal.</summary>
    public static readonly OperationAuthorizationRequirement SeeContacts = New("see-contacts");
    /// <summary>See masked personal data in full, for a reason written to the audit log.</summary>
    public static readonly OperationAuthorizationRequirement Reveal = New("reveal");
    /// <summary>Download a subtree's people in bulk (spreadsheets, contact cards, meeting reports).</summary>
    public static readonly OperationAuthorizationRequirement Export = New("export");
    /// <summary>Message a unit's subtree; follow, approve and cancel the broadcasts sent there.</summary>
    public static readonly OperationAuthorizationRequirement Message = New("message");
    /// <summary>Call a meeting at a unit; change or cancel it.</summary>
    public static readonly OperationAuthorizationRequirement CallMeeting = New("call-meeting");
    /// <summary>Keep a meeting's register and minutes.</summary>
    public static readonly OperationAuthorizationRequirement RecordMeeting = New("record-meeting");
    /// <summary>Print members' cards (a unit's batch, or one member's).</summary>
    public static readonly OperationAuthorizationRequirement PrintCards = New("print-cards");
    /// <summary>Replace a lost or damaged card.</summary>
    public static readonly OperationAuthorizationRequirement ReplaceCard = New("replace-card");
    /// <summary>End a membership's card for good (expulsion): the district's decision, as scrutiny is.</summary>
    public static readonly OperationAuthorizationRequirement EndCard = New("end-card");
    /// <summary>Verify new members: approve, send back, reject.</summary>
    public static readonly OperationAuthorizationRequirement Scrutinize = New("scrutinize");
    /// <summary>Enroll members in a unit (a grant of one's own covers it).</summary>
    public static readonly OperationAuthorizationRequirement Enroll = New("enroll");
    /// <summary>Authorize others to enroll in a unit, or revoke them.</summary>
    public static readonly OperationAuthorizationRequirement Grant = New("grant");

    static OperationAuthorizationRequirement New(string name) => new() { Name = name };
}
