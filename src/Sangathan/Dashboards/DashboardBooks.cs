using Sangathan.Import;
using static Sangathan.Platform.Localization.Texts;

namespace Sangathan.Dashboards;

/// <summary>The dashboards as workbooks, in the reader's language: one sheet per table the page shows, numbers as numbers.</summary>
public static class DashboardBooks
{
    public static IReadOnlyList<XlsxSheet> Drive(DriveData d)
    {
        var name = Name(d.Place.NameEn, d.Place.NameHi);
        List<XlsxSheet> sheets =
        [
            new(T("Summary"), [T("Figure"), name], [36, 16],
            [
                [T("Members"), d.Figures.Members], [T("Joined"), d.Figures.Joined], [T("Verified"), d.Figures.Verified],
                [T("Turned down"), d.Figures.Rejected], [T("Flagged for scrutiny"), d.Figures.Flagged],
                [T("Flagged rate (%)"), d.Figures.FlaggedPercent],
                [T("Target"), d.Goal.Members], [T("First day"), d.Goal.From], [T("Last day"), d.Goal.Until],
                [T("Expected by today"), d.Goal.HasTarget ? d.ExpectedToday : null],
                [T("Share of target (%)"), d.Goal.HasTarget ? d.TargetPercent : null],
            ]),
            new(T("Per day"), [T("Day"), T("Joined"), T("Verified at day's end")], [14, 12, 20],
                d.Days.Select(x => (IReadOnlyList<object?>)[x.Day, x.Joined, x.Verified])),
            new(T("By status"), [T("Status"), T("Members")], [30, 12], d.ByStatus.Select(x => (IReadOnlyList<object?>)[Name(x.NameEn, x.NameHi), x.Count])),
            new(T("By category"), [T("Category"), T("Members"), T("Verified")], [24, 12, 12],
                d.ByCategory.Select(x => (IReadOnlyList<object?>)[Name(x.NameEn, x.NameHi), x.Count, x.Verified])),
            new(T("By gender"), [T("Gender"), T("Members"), T("Verified")], [16, 12, 12],
                d.ByGender.Select(x => (IReadOnlyList<object?>)[Name(x.NameEn, x.NameHi), x.Count, x.Verified])),
        ];
        if (d.Below.Count > 0) sheets.Add(BelowSheet(d.BelowLevel is { } l ? Name(l.NameEn, l.NameHi) : T("Units below"), d.Below));
        if (d.Constituencies.Count > 0) sheets.Add(BelowSheet(T("Assembly constituencies"), d.Constituencies));
        sheets.Add(new(T("Enrollers"), [T("Rank"), T("Enroller"), T("Members"), T("Confirmed (%)"), T("Verified (%)"), T("Flagged (%)")],
            [8, 30, 12, 14, 14, 14],
            d.Enrollers.Select((e, i) => (IReadOnlyList<object?>)[i + 1, Name(e.NameEn, e.NameHi), e.Joined, e.ConfirmedPercent, e.VerifiedPercent, e.FlaggedPercent])));
        return sheets;
    }

    static XlsxSheet BelowSheet(string title, IReadOnlyList<BelowRow> rows) =>
        new(title, [T("Rank"), T("Name"), T("Members"), T("Verified"), T("Flagged"), T("Target"), T("Share of target (%)")],
            [8, 34, 12, 12, 12, 12, 18],
            rows.Select((r, i) => (IReadOnlyList<object?>)[i + 1, Name(r.NameEn, r.NameHi), r.Figures.Members, r.Figures.Verified, r.Figures.Flagged, r.Target, r.Percent]));

    public static IReadOnlyList<XlsxSheet> Coverage(CoverageData d) =>
    [
        new(T("Booth coverage"),
            [T("Name"), T("Booths on record"), T("Booths expected"), T("Full committee"), T("Full committee (%)"),
             T("At least one office bearer"), T("At least one office bearer (%)"), T("Verified members"),
             T("With {0} or more verified members", d.VerifiedPerBooth), T("Covered by members (%)")],
            [34, 14, 14, 14, 14, 18, 18, 14, 22, 18],
            d.Rows.Append(d.Total).Select(r => (IReadOnlyList<object?>)[Name(r.NameEn, r.NameHi), r.Booths, r.Of, r.Full, r.FullPercent,
                r.WithBearer, r.WithBearerPercent, r.Verified, r.Covered, r.CoveredPercent])),
    ];
}
