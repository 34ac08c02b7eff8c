using System.Globalization;
using Sangathan.Import;
using Sangathan.People;

namespace Sangathan.Geography;

/// <summary>One seat as the file gives it, with its member if the file names one.</summary>
public sealed record SeatRow(int Row, ConstituencyKind Kind, int Number, string NameEn, string? NameHi, string Reservation, string? District,
    int? ParentNumber, string? ParentEn, string? ParentHi, string? ParentReservation, IReadOnlyList<string> Blocks, MemberRow? Member);

/// <summary>The elected member of a seat, of whatever party.</summary>
public sealed record MemberRow(string NameEn, string? NameHi, string? Party, string? Mobile, DateOnly? From);

/// <summary>What is wrong with a row (0: the file), as an English template and its arguments, said in the reader's language.</summary>
public sealed record LoadProblem(int Row, string Template, params string[] Args)
{
    public string Message => Platform.Localization.Texts.T(Template, Args);
}

/// <summary>
/// Reads the official list of constituencies from a .csv or .xlsx: one row per assembly constituency (number, names in
/// both scripts, reservation, district, parliamentary seat, the blocks it covers, its member), or one per parliamentary
/// constituency when the file has no assembly numbers. Headers are matched loosely ("AC No", "ac_no", "Assembly no").
/// Rajasthan's own list (ac_no, ac_name, reservation, district_code) reads as it is.
/// </summary>
public static class ConstituencyFile
{
    static readonly Dictionary<string, string[]> Headers = new()
    {
        ["ac"] = ["ac_no", "ac_number", "ac", "assembly_no", "assembly_number", "constituency_no", "vidhan_sabha_no"],
        ["name"] = ["ac_name", "ac_name_en", "name", "name_en", "assembly_constituency", "constituency"],
        ["name_hi"] = ["ac_name_hi", "name_hi", "hindi_name", "ac_name_hindi"],
        ["reservation"] = ["reservation", "ac_reservation", "reserved", "category", "type"],
        ["district"] = ["district", "district_code", "district_name"],
        ["pc"] = ["pc_no", "pc_number", "pc", "parliamentary_no", "parliamentary_number", "lok_sabha_no"],
        ["pc_name"] = ["pc_name", "pc_name_en", "parliamentary_constituency", "lok_sabha"],
        ["pc_name_hi"] = ["pc_name_hi", "pc_hindi_name"],
        ["pc_reservation"] = ["pc_reservation", "pc_category"],
        ["blocks"] = ["blocks", "block", "block_codes", "blocks_covered"],
        ["member"] = ["member", "member_name", "mla", "mla_name", "mp", "mp_name", "representative", "elected"],
        ["member_hi"] = ["member_hi", "member_name_hi", "mla_name_hi", "mp_name_hi", "representative_hi"],
        ["party"] = ["party", "member_party", "mla_party", "mp_party"],
        ["mobile"] = ["mobile", "member_mobile", "mla_mobile", "mp_mobile"],
        ["since"] = ["since", "from", "elected_on", "member_since"],
    };

    public static (List<SeatRow> Seats, List<LoadProblem> Problems) Read(IEnumerable<TableRow> table)
    {
        var seats = new List<SeatRow>();
        var problems = new List<LoadProblem>();
        Dictionary<string, int>? columns = null;
        foreach (var row in table)
        {
            if (row.Cells.All(string.IsNullOrWhiteSpace)) continue;
            if (columns is null)
            {
                columns = Columns(row.Cells);
                if (!columns.ContainsKey("ac") && !columns.ContainsKey("pc") || !columns.ContainsKey("name") && !columns.ContainsKey("pc_name"))
                {
                    problems.Add(new(row.Number, "The first row must name the columns: at least the constituency's number (ac_no or pc_no) and name."));
                    return (seats, problems);
                }
                continue;
            }
            string? Cell(string field) => columns.TryGetValue(field, out var i) && i < row.Cells.Count
                && PersonRules.Clean(row.Cells[i]) is { Length: > 0 } v ? v : null;
            var seat = Seat(row.Number, Cell, columns.ContainsKey("ac"), problems);
            if (seat is not null) seats.Add(seat);
        }
        if (columns is null) problems.Add(new(0, "The file is empty."));
        foreach (var twice in seats.GroupBy(s => (s.Kind, s.Number)).Where(g => g.Count() > 1))
            problems.Add(new(twice.Skip(1).First().Row, "Constituency {0} is in the file twice.", twice.Key.Number.ToString(CultureInfo.InvariantCulture)));
        return (seats, problems);
    }

    static SeatRow? Seat(int rowNumber, Func<string, string?> cell, bool assembly, List<LoadProblem> problems)
    {
        var before = problems.Count;
        void Problem(string message) => problems.Add(new(rowNumber, message));
        var number = Number(cell(assembly ? "ac" : "pc"));
        if (number is null) Problem("The constituency's number is missing or not a number from 1 to 9999.");
        var nameEn = assembly ? cell("name") : cell("pc_name") ?? cell("name");
        if (nameEn is null) Problem("The constituency's name is missing.");
        var nameHi = assembly ? cell("name_hi") : cell("pc_name_hi") ?? cell("name_hi");
        var reservation = Reservation(cell(assembly ? "reservation" : "pc_reservation") ?? cell("reservation"));
        if (reservation is null) Problem("The reservation must be GEN, SC or ST.");
        var parent = assembly ? Number(cell("pc")) : null;
        if (assembly && cell("pc") is not null && parent is null) Problem("The parliamentary constituency's number is not a number from 1 to 9999.");
        var parentReservation = Reservation(cell("pc_reservation"));
        var blocks = (cell("blocks") ?? "").Split([';', '|', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        MemberRow? member = null;
        if (cell("member") is { } who)
        {
            var mobile = cell("mobile") is { } m ? PersonRules.NormalizeMobile(m) : null;
            if (cell("mobile") is not null && mobile is null) Problem("The member's mobile number is not a valid Indian mobile number.");
            DateOnly? since = null;
            if (cell("since") is { } s)
            {
                if (DateOnly.TryParse(s, CultureInfo.InvariantCulture, out var d) || DateOnly.TryParseExact(s, "dd-MM-yyyy", out d)) since = d;
                else Problem("The member's date is not a date (2023-12-03).");
            }
            member = new MemberRow(who, cell("member_hi"), cell("party"), mobile, since);
        }
        if (problems.Count > before) return null;
        return new SeatRow(rowNumber, assembly ? ConstituencyKind.Assembly : ConstituencyKind.Parliamentary, number!.Value, nameEn!, nameHi,
            reservation!, cell("district"), parent, assembly ? cell("pc_name") : null, assembly ? cell("pc_name_hi") : null,
            parentReservation, blocks, member);
    }

    static Dictionary<string, int> Columns(IReadOnlyList<string> cells)
    {
        var found = new Dictionary<string, int>();
        for (var i = 0; i < cells.Count; i++)
        {
            var header = string.Join('_', PersonRules.Clean(cells[i]).ToLowerInvariant()
                .Split([' ', '_', '-', '.'], StringSplitOptions.RemoveEmptyEntries));
            foreach (var (field, names) in Headers)
                if (names.Contains(header)) found.TryAdd(field, i);
        }
        return found;
    }

    static int? Number(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 9999 ? n : null;

    /// <summary>GEN, SC or ST as the Election Commission writes them; blank is an unreserved seat.</summary>
    static string? Reservation(string? text) => (text ?? "").ToUpperInvariant() switch
    {
        "" or "GEN" or "GENERAL" or "UR" or "NONE" => "GEN",
        "SC" => "SC",
        "ST" => "ST",
        _ => null,
    };
}
