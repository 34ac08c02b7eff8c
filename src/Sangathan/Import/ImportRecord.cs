namespace Sangathan.Import;

/// <summary>
/// A data row of an uploaded file, its cells keyed by the field each column was recognized or mapped as
/// (<see cref="Fields"/>); Columns gives each field's header as the file wrote it, for the report.
/// </summary>
public sealed record ImportRecord(string Sheet, int Number, IReadOnlyDictionary<string, string> Values,
    IReadOnlyDictionary<string, string> Columns)
{
    public string? this[string field] => Values.TryGetValue(field, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;

    public string Column(string field) => Columns.TryGetValue(field, out var c) ? c : field;
}

/// <summary>The keys of the fields an import knows. A unit's level key (district, block, ...) is a field too.</summary>
public static class Fields
{
    public const string UnitCode = "unit_code", UnitNameEn = "unit_name_en", UnitNameHi = "unit_name_hi", ParentCode = "parent_code";
    public const string Constituency = "assembly_constituency", PartNumber = "part_number", Post = "post", From = "from_date";
    public const string NameEn = "person_name_en", NameHi = "person_name_hi", Mobile = "mobile", Email = "email", Village = "village";
    public const string Jurisdiction = "jurisdiction", Facebook = "facebook", X = "x", Instagram = "instagram", YouTube = "youtube";
    public const string WhatsApp = "whatsapp", Gender = "gender", DateOfBirth = "date_of_birth", VoterId = "voter_id";
}
