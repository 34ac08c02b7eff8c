using System.Globalization;
using System.Text;
using Sangathan.Cards;

namespace Sangathan.Meetings;

/// <summary>A meeting's check-in QR as an inline SVG for its page, drawn from the cards' own QR modules.</summary>
public static class MeetingQr
{
    public static string Svg(string text)
    {
        var qr = QrModules.Of(text);
        var inv = CultureInfo.InvariantCulture;
        var svg = new StringBuilder(string.Create(inv, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {qr.Size} {qr.Size}\" width=\"240\" height=\"240\" role=\"img\" shape-rendering=\"crispEdges\"><rect width=\"{qr.Size}\" height=\"{qr.Size}\" fill=\"#fff\"/>"));
        // In modules: whole numbers.
        foreach (var r in qr.Rects)
            svg.Append(inv, $"<rect x=\"{r.Left}\" y=\"{r.Top}\" width=\"{r.Width}\" height=\"{r.Height}\"/>");
        return svg.Append("</svg>").ToString();
    }
}
