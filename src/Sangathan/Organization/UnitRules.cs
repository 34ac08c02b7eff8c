namespace Sangathan.Organization;

public static class UnitRules
{
    public const int MaxCode = 32;
    public const int MaxName = 150;

    public static string PathOf(string parentPath, int id) => $"{parentPath}{id}/";

    /// <summary>Ids on a path, root first, the unit itself last.</summary>
    public static int[] IdsOn(string path) =>
        path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToArray();

    /// <summary>The region (district by default) is the unit one step below the root on the path.</summary>
    public static int? RegionOn(string path)
    {
        var ids = IdsOn(path);
        return ids.Length >= 2 ? ids[1] : null;
    }

    /// <summary>The path of the region (district) a unit lies in, or the unit's own path above the regions.</summary>
    public static string RegionPathOf(string path)
    {
        var ids = IdsOn(path);
        return ids.Length >= 2 ? $"/{ids[0]}/{ids[1]}/" : path;
    }

    public static int Percent(int part, int whole) => whole == 0 ? 0 : (int)Math.Round(100.0 * part / whole);
}
