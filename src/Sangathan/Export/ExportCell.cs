namespace Sangathan.Export;

/// <summary>
/// Formula injection: a spreadsheet opening a CSV runs a cell that starts with =, +, - or @ (or a tab or carriage
/// return before one) as a formula. Such a cell gets a leading apostrophe, as OWASP advises, so it is shown as text.
/// The .xlsx files need no such mark: their cells are written as text, never as formulas.
/// </summary>
public static class ExportCell
{
    public static string Safe(string? value) =>
        value is { Length: > 0 } && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value ?? "";
}
