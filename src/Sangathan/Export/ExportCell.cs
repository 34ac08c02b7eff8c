using System.Globalization;

namespace Sangathan.Export;

/// <summary>
/// Formula injection: a spreadsheet opening a CSV runs a cell that starts with =, +, - or @ (or a tab or carriage
/// return before one) as a formula. Such a cell gets a leading apostrophe, as OWASP advises, so it is shown as text.
/// A mobile number ("+91 98290 12345": a plus, then digits and spaces) is left as it is: it can call nothing, and an
/// apostrophe in front of every mobile is what a war room had to clean out by hand. The .xlsx files need no such mark:
/// their text cells are never formulas.
/// </summary>
public static class ExportCell
{
    public static string Safe(string? value) =>
        value is { Length: > 0 } && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && !IsPhone(value) ? "'" + value : value ?? "";

    /// <summary>A cell as CSV text: numbers in invariant digits, dates as yyyy-MM-dd.</summary>
    public static string Text(object? value) => value switch
    {
        null => "",
        DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    static bool IsPhone(string value) =>
        value.Length > 1 && value[0] == '+' && char.IsAsciiDigit(value[1]) && value.Skip(1).All(c => char.IsAsciiDigit(c) || c == ' ');
}
