namespace Sangathan.Export;

public enum ExportKind { OfficeBearers, Vacancies, Completeness, Contacts }

public enum ExportFormat { Xlsx, Csv, VCard }

/// <summary>What a download's file name asks for: "office-bearers.xlsx", "vacancies.csv", "contacts.vcf"...</summary>
public sealed record ExportFile(ExportKind Kind, ExportFormat Format)
{
    public static ExportFile? Parse(string name) => name switch
    {
        "office-bearers.xlsx" => new(ExportKind.OfficeBearers, ExportFormat.Xlsx),
        "office-bearers.csv" => new(ExportKind.OfficeBearers, ExportFormat.Csv),
        "vacancies.xlsx" => new(ExportKind.Vacancies, ExportFormat.Xlsx),
        "vacancies.csv" => new(ExportKind.Vacancies, ExportFormat.Csv),
        "completeness.xlsx" => new(ExportKind.Completeness, ExportFormat.Xlsx),
        "completeness.csv" => new(ExportKind.Completeness, ExportFormat.Csv),
        "contacts.vcf" => new(ExportKind.Contacts, ExportFormat.VCard),
        _ => null,
    };

    public static readonly string[] Names =
        ["office-bearers.xlsx", "office-bearers.csv", "vacancies.xlsx", "vacancies.csv", "completeness.xlsx", "completeness.csv", "contacts.vcf"];

    public string ContentType => Format switch
    {
        ExportFormat.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ExportFormat.Csv => "text/csv; charset=utf-8",
        _ => "text/vcard; charset=utf-8",
    };
}
