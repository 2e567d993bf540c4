using System.Text;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace IamHarden.Cli.Rendering;

/// <summary>
/// A table with rounded borders for rows of plain styled text, measured once per cell. Spectre's
/// Table measures and re-measures every character of every cell (it took over a second for the
/// 10,000-user matrix of a large account); this one does the same job for text cells only, and
/// wraps the widest columns when the table would not fit the console.
/// </summary>
public sealed class TextTable(string? title, IReadOnlyList<string> headers) : IRenderable
{
    public readonly record struct Cell(string Text, Style Style)
    {
        public static implicit operator Cell(string text) => new(text, Style.Plain);
    }

    private const int MinimumWrappedWidth = 8;
    private readonly List<Cell[]> _rows = [];
    private readonly Style _border = new(Color.Grey);

    public int RowCount => _rows.Count;

    public TextTable AddRow(params Cell[] cells)
    {
        if (cells.Length != headers.Count) throw new ArgumentException($"a row has {headers.Count} cells, not {cells.Length}");
        _rows.Add(cells);
        return this;
    }

    public Measurement Measure(RenderOptions options, int maxWidth)
    {
        int width = Math.Min(TotalWidth(NaturalWidths()), maxWidth);
        return new Measurement(width, width);
    }

    public IEnumerable<Segment> Render(RenderOptions options, int maxWidth)
    {
        var widths = Fit(NaturalWidths(), maxWidth);
        var segments = new List<Segment>(_rows.Count * headers.Count * 3);
        if (title is not null)
        {
            int pad = Math.Max(0, (TotalWidth(widths) - Width(title)) / 2);
            segments.Add(new Segment(new string(' ', pad) + title));
            segments.Add(Segment.LineBreak);
        }
        Rule(segments, widths, '╭', '┬', '╮');
        Row(segments, widths, headers.Select(h => new Cell(h, new Style(decoration: Decoration.Bold))).ToArray());
        Rule(segments, widths, '├', '┼', '┤');
        foreach (var row in _rows) Row(segments, widths, row);
        Rule(segments, widths, '╰', '┴', '╯');
        return segments;
    }

    private int[] NaturalWidths()
    {
        var widths = headers.Select(Width).ToArray();
        foreach (var row in _rows)
            for (int i = 0; i < row.Length; i++) widths[i] = Math.Max(widths[i], Width(row[i].Text));
        return widths;
    }

    /// <summary>Each column plus one space either side and a border between and around columns.</summary>
    private static int TotalWidth(int[] widths) => widths.Sum() + widths.Length * 3 + 1;

    /// <summary>Narrows the widest columns, one cell at a time, until the table fits (down to a minimum).</summary>
    private static int[] Fit(int[] natural, int maxWidth)
    {
        var widths = (int[])natural.Clone();
        while (TotalWidth(widths) > maxWidth)
        {
            int widest = Array.IndexOf(widths, widths.Max());
            if (widths[widest] <= MinimumWrappedWidth) break;
            widths[widest]--;
        }
        return widths;
    }

    private void Rule(List<Segment> segments, int[] widths, char left, char middle, char right)
    {
        var line = new StringBuilder().Append(left);
        for (int i = 0; i < widths.Length; i++)
            line.Append('─', widths[i] + 2).Append(i == widths.Length - 1 ? right : middle);
        segments.Add(new Segment(line.ToString(), _border));
        segments.Add(Segment.LineBreak);
    }

    private void Row(List<Segment> segments, int[] widths, Cell[] cells)
    {
        var wrapped = cells.Select((c, i) => Wrap(c.Text, widths[i])).ToArray();
        int height = wrapped.Max(w => w.Count);
        for (int line = 0; line < height; line++)
        {
            segments.Add(new Segment("│", _border));
            for (int i = 0; i < cells.Length; i++)
            {
                var text = line < wrapped[i].Count ? wrapped[i][line] : "";
                segments.Add(new Segment(" "));
                if (text.Length > 0) segments.Add(new Segment(text, cells[i].Style));
                segments.Add(new Segment(new string(' ', widths[i] - Width(text) + 1)));
                segments.Add(new Segment("│", _border));
            }
            segments.Add(Segment.LineBreak);
        }
    }

    /// <summary>The text in lines of at most <paramref name="width"/> cells, broken after ", " or a space where it can.</summary>
    private static List<string> Wrap(string text, int width)
    {
        var lines = new List<string>(1);
        while (Width(text) > width)
        {
            int cut = CutAt(text, width);
            int space = text.LastIndexOf(' ', Math.Max(0, cut - 1), cut);
            if (space > 0) cut = space + 1;
            lines.Add(text[..cut].TrimEnd());
            text = text[cut..];
        }
        lines.Add(text);
        return lines;
    }

    /// <summary>How many characters of <paramref name="text"/> fill at most <paramref name="width"/> cells (at least one).</summary>
    private static int CutAt(string text, int width)
    {
        int cells = 0;
        for (int i = 0; i < text.Length; i++)
        {
            cells += CharWidth(text[i]);
            if (cells > width) return Math.Max(1, i);
        }
        return text.Length;
    }

    /// <summary>Terminal cells the text takes: printable ASCII is one each; anything else asks Spectre (wide CJK is two).</summary>
    private static int Width(string text)
    {
        foreach (var c in text)
            if (c is < ' ' or > '~') return text.GetCellWidth();
        return text.Length;
    }

    private static int CharWidth(char c) => c is >= ' ' and <= '~' ? 1 : c.GetCellWidth();
}
