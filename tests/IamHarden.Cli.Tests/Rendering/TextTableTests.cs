using IamHarden.Cli.Rendering;
using Spectre.Console;
using Xunit;

namespace IamHarden.Cli.Tests.Rendering;

public class TextTableTests
{
    private static string Render(Spectre.Console.Rendering.IRenderable renderable, int width)
    {
        var text = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(text), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        console.Profile.Width = width;
        console.Write(renderable);
        return text.ToString();
    }

    private static int Cells(string line) => line.GetCellWidth();

    [Fact]
    public void Columns_line_up_and_every_line_has_the_same_width_in_cells_with_wide_characters()
    {
        var table = new TextTable("사용자", ["사용자", "MFA"]).AddRow("alice", "예").AddRow("김철수", "아니요");
        var lines = Render(table, 200).TrimEnd('\n').Split('\n')[1..];
        Assert.Equal(6, lines.Length);
        Assert.All(lines, l => Assert.Equal(Cells(lines[0]), Cells(l)));
        Assert.StartsWith("╭", lines[0]);
        Assert.Contains("│ 김철수 │ 아니요 │", lines[4]);
    }

    [Fact]
    public void A_table_wider_than_the_console_wraps_its_widest_column_and_loses_no_text()
    {
        var groups = string.Join(", ", Enumerable.Range(0, 12).Select(i => $"group-{i:00}"));
        var table = new TextTable(null, ["User", "Groups"]).AddRow("alice", groups);
        var lines = Render(table, 40).TrimEnd('\n').Split('\n');
        Assert.All(lines, l => Assert.True(Cells(l) <= 40, l));
        Assert.True(lines.Length > 5);
        var cells = string.Join(" ", lines.Skip(3).SkipLast(1).Select(l => l.Split('│')[2].Trim()));
        Assert.Equal(groups, cells);
    }

    [Fact]
    public void Cell_text_is_never_read_as_markup()
    {
        var table = new TextTable(null, ["User"]).AddRow("[red]x[/] <script>");
        Assert.Contains("[red]x[/] <script>", Render(table, 80));
        var lines = new LineBlock().Line("[bold]not bold[/]").Add("a\nb");
        Assert.Equal("[bold]not bold[/]\na\nb", Render(lines, 80).TrimEnd('\n'));
    }
}
