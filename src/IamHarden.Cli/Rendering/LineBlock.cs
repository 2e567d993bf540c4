using Spectre.Console;
using Spectre.Console.Rendering;

namespace IamHarden.Cli.Rendering;

/// <summary>
/// Lines of styled plain text, written as they are: no markup to parse and no word wrapping (the
/// terminal wraps long lines). Spectre's Markup measures every character of every line to wrap
/// it, which took seconds for the tens of thousands of finding lines of a large account; and
/// text that is never parsed as markup needs no escaping.
/// </summary>
public sealed class LineBlock : IRenderable
{
    private readonly List<Segment> _segments = [];
    private int _widest;
    private int _current;

    /// <summary>Appends text to the current line.</summary>
    public LineBlock Add(string text, Style? style = null)
    {
        // A line break inside the text starts a new line (and keeps the block's measure honest).
        var parts = text.Split('\n');
        for (int i = 0; i < parts.Length; i++)
        {
            if (i > 0) EndLine();
            if (parts[i].Length == 0) continue;
            _segments.Add(new Segment(parts[i], style ?? Style.Plain));
            _current += parts[i].Length;
        }
        return this;
    }

    /// <summary>Ends the current line.</summary>
    public LineBlock EndLine()
    {
        _segments.Add(Segment.LineBreak);
        _widest = Math.Max(_widest, _current);
        _current = 0;
        return this;
    }

    /// <summary>One whole line.</summary>
    public LineBlock Line(string text, Style? style = null) => Add(text, style).EndLine();

    public bool IsEmpty => _segments.Count == 0;

    public Measurement Measure(RenderOptions options, int maxWidth)
    {
        int width = Math.Min(Math.Max(_widest, _current), maxWidth);
        return new Measurement(width, width);
    }

    public IEnumerable<Segment> Render(RenderOptions options, int maxWidth) => _segments;
}
