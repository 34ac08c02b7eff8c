using System.Globalization;
using System.Net;
using System.Text;

namespace Sangathan.Dashboards;

/// <summary>
/// A bar chart drawn on the server as SVG: members joined per day, with the target's daily pace as a line. Written by
/// hand because no maintained .NET chart library is served to this project (the SVG packages there render SVG, they
/// do not draw charts, and Plotly's image export needs a browser); a few rectangles need no more. No inline style (the
/// content security policy allows none): classes only, coloured by the site's CSS, and a table beside it says the same.
/// </summary>
public static class DayChart
{
    const double Width = 320, Height = 150, Left = 34, Right = 4, Top = 8, Bottom = 20;

    public static string Svg(IReadOnlyList<DayFigure> days, double pace, string label, string paceLabel)
    {
        var svg = new StringBuilder();
        var max = Math.Max(1, Math.Max(days.Count == 0 ? 0 : days.Max(d => d.Joined), pace));
        var scale = NiceCeiling(max);
        var plotW = Width - Left - Right;
        var plotH = Height - Top - Bottom;
        string N(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" viewBox=\"0 0 {N(Width)} {N(Height)}\" role=\"img\" aria-label=\"{Encode(label)}\">");
        // Grid lines at a quarter of the scale each, labelled on the left.
        for (var i = 0; i <= 4; i++)
        {
            var y = Top + plotH - plotH * i / 4;
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"grid\" x1=\"{N(Left)}\" y1=\"{N(y)}\" x2=\"{N(Width - Right)}\" y2=\"{N(y)}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"axis\" x=\"{N(Left - 3)}\" y=\"{N(y + 3)}\" text-anchor=\"end\">{Short(scale * i / 4)}</text>");
        }
        var step = days.Count == 0 ? plotW : plotW / days.Count;
        for (var i = 0; i < days.Count; i++)
        {
            var h = plotH * days[i].Joined / scale;
            var x = Left + i * step;
            var cls = pace > 0 && days[i].Joined < pace ? "day behind" : "day";
            svg.Append(CultureInfo.InvariantCulture,
                $"<rect class=\"{cls}\" x=\"{N(x + step * 0.12)}\" y=\"{N(Top + plotH - h)}\" width=\"{N(Math.Max(0.5, step * 0.76))}\" height=\"{N(h)}\"><title>{days[i].Day:dd MMM}: {days[i].Joined:N0}</title></rect>");
        }
        if (pace > 0)
        {
            var y = Top + plotH - plotH * pace / scale;
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"pace\" x1=\"{N(Left)}\" y1=\"{N(y)}\" x2=\"{N(Width - Right)}\" y2=\"{N(y)}\"><title>{Encode(paceLabel)}</title></line>");
        }
        if (days.Count > 0)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"axis\" x=\"{N(Left)}\" y=\"{N(Height - 5)}\">{days[0].Day.ToString("d MMM", CultureInfo.CurrentCulture)}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"axis\" x=\"{N(Width - Right)}\" y=\"{N(Height - 5)}\" text-anchor=\"end\">{days[^1].Day.ToString("d MMM", CultureInfo.CurrentCulture)}</text>");
        }
        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>1, 2 or 5 times a power of ten, at or above <paramref name="max"/>: the chart's top line.</summary>
    public static double NiceCeiling(double max)
    {
        var power = Math.Pow(10, Math.Floor(Math.Log10(max)));
        foreach (var m in new[] { 1, 2, 2.5, 5, 10 })
            if (m * power >= max) return m * power;
        return 10 * power;
    }

    /// <summary>Indian short numbers: 1.2 lakh, 3.4 crore (the app's readers count in lakhs and crores).</summary>
    public static string Short(double v) => v switch
    {
        >= 10_000_000 => (v / 10_000_000).ToString("0.#", CultureInfo.InvariantCulture) + (Platform.Localization.Texts.IsHindi ? " क." : " cr"),
        >= 100_000 => (v / 100_000).ToString("0.#", CultureInfo.InvariantCulture) + (Platform.Localization.Texts.IsHindi ? " ला." : " L"),
        >= 1_000 => (v / 1_000).ToString("0.#", CultureInfo.InvariantCulture) + (Platform.Localization.Texts.IsHindi ? " ह." : " k"),
        _ => v.ToString("0.#", CultureInfo.InvariantCulture),
    };

    static string Encode(string s) => WebUtility.HtmlEncode(s);
}
