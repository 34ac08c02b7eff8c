using SkiaSharp;

namespace Sangathan.Cards;

/// <summary>
/// A unit's batch on A4: ten cards a sheet (two across, five down, edge to edge, so that each cut serves two cards),
/// fronts on one page and backs on the next, the backs' columns swapped so that they fall behind their fronts when
/// the sheet is printed on both sides (flipped on the long edge). Crop marks in the margins show where to cut.
/// </summary>
internal sealed class CardSheet(CardPrinter printer, string title)
{
    const float PageWidth = 210, PageHeight = 297, Columns = 2, Rows = 5;
    const float Left = (PageWidth - Columns * CardDesign.Width) / 2, Top = (PageHeight - Rows * CardDesign.Height) / 2;
    const float MarkGap = 2, MarkLength = 6;

    public void Write(SKDocument document, IEnumerable<(CardFace Face, string Code)> cards)
    {
        var sheet = new List<(CardFace Face, string Code)>(10);
        var number = 0;
        foreach (var card in cards)
        {
            sheet.Add(card);
            if (sheet.Count == 10)
            {
                Print(document, sheet, ++number);
                sheet.Clear();
            }
        }
        if (sheet.Count > 0 || number == 0) Print(document, sheet, ++number);
    }

    void Print(SKDocument document, List<(CardFace Face, string Code)> cards, int number)
    {
        var photos = cards.Select(c => CardPrinter.Photo(c.Face)).ToList();
        try
        {
            var laid = cards.Select((c, i) => printer.Lay(c.Face, c.Code, photos[i])).ToList();
            Page(document, laid.Select(l => l.Front).ToList(), mirrored: false, $"{title} · {number}", printer.Fonts);
            Page(document, laid.Select(l => l.Back).ToList(), mirrored: true, $"{title} · {number}", printer.Fonts);
        }
        finally
        {
            foreach (var p in photos) p?.Dispose();
        }
    }

    static void Page(SKDocument document, List<CardSide> sides, bool mirrored, string label, CardFonts fonts)
    {
        var canvas = document.BeginPage(PageWidth * CardPrinter.PointsPerMm, PageHeight * CardPrinter.PointsPerMm);
        canvas.Scale(CardPrinter.PointsPerMm);
        for (var i = 0; i < sides.Count; i++)
        {
            var (row, column) = (i / (int)Columns, i % (int)Columns);
            if (mirrored) column = (int)Columns - 1 - column;
            canvas.Save();
            canvas.Translate(Left + column * CardDesign.Width, Top + row * CardDesign.Height);
            canvas.ClipRect(SKRect.Create(0, 0, CardDesign.Width, CardDesign.Height));
            sides[i].Draw(canvas, fonts.Ink);
            canvas.Restore();
        }
        CropMarks(canvas);
        var text = fonts.Regular.Shape(label, 2.5f);
        new Words(text, Left, PageHeight - 4, new SKColor(0x60, 0x60, 0x60)).Draw(canvas, fonts.Ink);
        document.EndPage();
    }

    static void CropMarks(SKCanvas canvas)
    {
        using var pen = new SKPaint { Color = SKColors.Black, StrokeWidth = 0.1f, Style = SKPaintStyle.Stroke, IsAntialias = true };
        var right = Left + Columns * CardDesign.Width;
        var bottom = Top + Rows * CardDesign.Height;
        for (var c = 0; c <= Columns; c++)
        {
            var x = Left + c * CardDesign.Width;
            canvas.DrawLine(x, Top - MarkGap, x, Top - MarkGap - MarkLength, pen);
            canvas.DrawLine(x, bottom + MarkGap, x, bottom + MarkGap + MarkLength, pen);
        }
        for (var r = 0; r <= Rows; r++)
        {
            var y = Top + r * CardDesign.Height;
            canvas.DrawLine(Left - MarkGap, y, Left - MarkGap - MarkLength, y, pen);
            canvas.DrawLine(right + MarkGap, y, right + MarkGap + MarkLength, y, pen);
        }
    }
}
