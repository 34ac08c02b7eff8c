using System.Data.Common;
using System.Linq.Expressions;
using Sangathan.Data;
using Sangathan.Organization;

namespace Sangathan.Access;

/// <summary>
/// The one rule of the tree: a unit's path lists its ancestors' ids and its own ("/1/7/42/"), so the units under a unit
/// are those whose path starts with its path. It is written here once in each form the code needs: in memory, as a
/// filter EF turns into an index range on Units.Path, and as SQL for the statements written by hand.
/// </summary>
public static class Subtree
{
    /// <summary>Whether the unit at <paramref name="path"/> lies under <paramref name="top"/> (or is it).</summary>
    public static bool Holds(string top, string path) => path.StartsWith(top, StringComparison.Ordinal);

    /// <summary>The subtree's range ends where the paths starting with <paramref name="top"/> end.</summary>
    static string End(string top) => PrefixRange.End(top);

    /// <summary>The units under <paramref name="top"/>, itself included.</summary>
    public static IQueryable<Unit> Under(this IQueryable<Unit> units, string top) => units.UnderAny([top]);

    /// <summary>The units under any of <paramref name="tops"/>; none when there are none.</summary>
    public static IQueryable<Unit> UnderAny(this IQueryable<Unit> units, IEnumerable<string> tops) => units.Where(UnderAny(tops));

    /// <summary>
    /// A unit's path once the subtree at <paramref name="oldTop"/> stands at <paramref name="newTop"/> (a unit moved, a
    /// level put in between): for an update of the units under <paramref name="oldTop"/>, in one statement.
    /// </summary>
    public static Expression<Func<Unit, string>> Moved(string oldTop, string newTop)
    {
        var cut = oldTop.Length;
        return u => newTop + u.Path.Substring(cut);
    }

    /// <summary>The filter itself, for queries that join units rather than start from them.</summary>
    public static Expression<Func<Unit, bool>> UnderAny(IEnumerable<string> tops)
    {
        var u = Expression.Parameter(typeof(Unit), "u");
        var path = Expression.Property(u, nameof(Unit.Path));
        var compare = typeof(string).GetMethod(nameof(string.CompareTo), [typeof(string)])!;
        Expression any = Expression.Constant(false);
        foreach (var top in tops.Distinct())
        {
            var from = Expression.GreaterThanOrEqual(Expression.Call(path, compare, Expression.Constant(top)), Expression.Constant(0));
            var to = Expression.LessThan(Expression.Call(path, compare, Expression.Constant(End(top))), Expression.Constant(0));
            any = Expression.OrElse(any, Expression.AndAlso(from, to));
        }
        return Expression.Lambda<Func<Unit, bool>>(any, u);
    }

    /// <summary>
    /// SQL: the path column <paramref name="column"/> lies under the path given as parameter @<paramref name="name"/>;
    /// <see cref="Bind"/> sets it and its bound.
    /// </summary>
    public static string Sql(string column, string name = "path") => $"{column} >= @{name} AND {column} < @{name}End";

    public static void Bind(DbCommand command, string top, string name = "path")
    {
        Data.Sql.Add(command, name, top);
        Data.Sql.Add(command, name + "End", End(top));
    }

    /// <summary>
    /// SQL: the path column <paramref name="column"/> lies under the path column <paramref name="topColumn"/> of another
    /// row (a join, where no parameter holds the top). A prefix comparison: no index range, so only for a handful of rows.
    /// </summary>
    public static string SqlJoin(string column, string topColumn) => $"substr({column}, 1, length({topColumn})) = {topColumn}";
}
