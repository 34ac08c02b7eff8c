namespace Sangathan.Demo;

internal sealed record DistrictRow(string Code, string NameEn, string NameHi);

internal sealed record AssemblyRow(int Number, string NameEn, string Reservation, string DistrictCode);

/// <summary>Reads Rajasthan's districts and assembly seats from the CSV files shipped beside the app.</summary>
internal static class DemoSource
{
    static string Folder => Path.Combine(AppContext.BaseDirectory, "DemoData");

    public static List<DistrictRow> Districts() =>
        Rows("rajasthan_districts.csv", 3).Select(f => new DistrictRow(f[0], f[1], f[2])).ToList();

    public static List<AssemblyRow> Assemblies() =>
        Rows("rajasthan_assembly_constituencies.csv", 4)
            .Select(f => new AssemblyRow(int.Parse(f[0]), f[1], f[2], f[3])).OrderBy(a => a.Number).ToList();

    // The files are ours and hold no quoted commas, so a plain split reads them.
    static IEnumerable<string[]> Rows(string file, int columns)
    {
        var path = Path.Combine(Folder, file);
        if (!File.Exists(path)) throw new FileNotFoundException($"Demo data file not found: {path}", path);
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            var fields = line.Split(',').Select(f => f.Trim()).ToArray();
            if (fields.Length != columns) throw new FormatException($"{file}: expected {columns} columns in \"{line}\".");
            yield return fields;
        }
    }
}
