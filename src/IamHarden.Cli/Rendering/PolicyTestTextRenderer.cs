using System.Globalization;
using System.Text;
using IamHarden.Analysis.Prover.PolicyTests;

namespace IamHarden.Cli.Rendering;

/// <summary>A policy test file's results for people: one line per case (PASS/FAIL/ERROR, where it is, what happened), replay commands for failures, a summary.</summary>
public static class PolicyTestTextRenderer
{
    public static string Render(PolicyTestFile file, IReadOnlyList<PolicyTestResult> results)
    {
        var text = new StringBuilder();
        foreach (var result in results)
        {
            var word = result.Outcome switch { PolicyTestOutcome.Passed => "PASS ", PolicyTestOutcome.Failed => "FAIL ", _ => "ERROR" };
            var seconds = result.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture);
            text.Append($"{word} {file.Path}:{result.Case.Line}:{result.Case.Column}: {result.Case.Name} ({seconds} s)\n");
            if (result.Outcome == PolicyTestOutcome.Passed) continue;
            text.Append("      ").Append(result.Message).Append('\n');
            if (PolicyTestReplay.For(file, result) is { } replay) text.Append("      replay: ").Append(replay).Append('\n');
        }
        int Count(PolicyTestOutcome o) => results.Count(r => r.Outcome == o);
        text.Append($"{results.Count} case{(results.Count == 1 ? "" : "s")}: {Count(PolicyTestOutcome.Passed)} passed, {Count(PolicyTestOutcome.Failed)} failed, {Count(PolicyTestOutcome.Error)} undecided\n");
        return text.ToString();
    }
}
