using System.Globalization;
using System.Text;
using Sangathan.Cards;

namespace Sangathan.Meetings;

/// <summary>A meeting's check-in QR as an inline SVG for its page, drawn from the cards' own QR modules.</summary>
public static class MeetingQr
{
    public static string Svg(string text)
    {
        const float size = 100;
        var inv = CultureInfo.InvariantCulture;
        var svg = new StringBuilder($"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {size} {size}\" width=\"240\" height=\"240\" role=\"img\" shape-rendering=\"crispEdges\"><rect width=\"100\" height=\"100\" fill=\"#fff\"/>");
        foreach (var r in QrModules.Rects(text, 0, 0, size))
            svg.Append(inv, $"<rect x=\"{r.Left:0.###}\" y=\"{r.Top:0.###}\" width=\"{r.Width:0.###}\" height=\"{r.Height:0.###}\"/>");
        return svg.Append("</svg>").ToString();
    }
}
