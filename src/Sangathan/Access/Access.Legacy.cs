using Sangathan.Organization;

namespace Sangathan.Access;

// The per-feature checks from before the door, kept only while the feature folders move to Door and Reach.
// This file goes once nothing calls them.
public sealed partial record Access
{
    public bool EditsAnywhere => ReachesAnywhere(Operations.Edit);
    public bool CanExport(string unitPath) => Reaches(Operations.Export, unitPath);
    public bool CanScrutinize(string districtPath) => Reaches(Operations.Scrutinize, districtPath);
    public IReadOnlyList<string>? ScrutinyPaths => Tops(Operations.Scrutinize);
    public bool CanBroadcast(string unitPath) => Reaches(Operations.Message, unitPath);
    public bool BroadcastsAnywhere => ReachesAnywhere(Operations.Message);
    public bool CanPrintCards(string unitPath) => Reaches(Operations.PrintCards, unitPath);
    public bool CanPrintCard(string boothPath, int? enrolledById) => CanPrintCards(boothPath) || (PersonId is { } me && me == enrolledById);
    public bool CanEndCard(string boothPath, bool forGood) => forGood ? Reaches(Operations.Scrutinize, boothPath) : CanPrintCards(boothPath);
    public bool CanCallMeeting(string unitPath) => Reaches(Operations.CallMeeting, unitPath);
    public bool CallsMeetingsAnywhere => ReachesAnywhere(Operations.CallMeeting);
    public bool CanRecordMeeting(string unitPath, int unitId) => CanCallMeeting(unitPath) || Scopes.Any(s => s.UnitId == unitId);
    public bool CanReadMeetings(string unitPath) => CanRead(unitPath);
    public bool CanRead(string unitPath) => Reaches(Operations.Read, unitPath);
    public bool CanEdit(string unitPath) => Reaches(Operations.Edit, unitPath);
    public IQueryable<Unit> Units(IQueryable<Unit> units) => Units(units, Operations.Read);
    public IQueryable<Unit> BroadcastUnits(IQueryable<Unit> units) => Units(units, Operations.Message);
}
