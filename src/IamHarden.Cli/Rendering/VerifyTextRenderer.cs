using System.Globalization;
using System.Text;
using IamHarden.Analysis.Prover;
using IamHarden.Core.Evaluation;

namespace IamHarden.Cli.Rendering;

/// <summary>
/// `verify` for people: per property its claim, the verdict, and for a refuted one the request
/// that violates it (every context key that matters, the absent ones named) with the `simulate`
/// command that replays it.
/// </summary>
public static class VerifyTextRenderer
{
    public static string Render(VerifyReport report)
    {
        var text = new StringBuilder();
        foreach (var result in report.Results)
        {
            text.Append(result.Property.Text).Append(": ").Append(result.Property.Description).Append('\n');
            var seconds = result.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) + " s";
            switch (result.Verdict)
            {
                case Verdict.Proved:
                    text.Append($"  PROVED for every request by {report.Principal} ({seconds})\n");
                    break;
                case Verdict.Unknown:
                    text.Append($"  UNKNOWN ({seconds}): {result.Reason} — this is not a proof\n");
                    break;
                case Verdict.InternalError:
                    text.Append($"  INTERNAL ERROR ({seconds}): {result.Reason}\n");
                    break;
                default:
                    AppendCounterexample(text, report, result.Counterexample!, seconds);
                    break;
            }
            text.Append('\n');
        }
        text.Append(Summary(report)).Append('\n');
        return text.ToString();
    }

    public static void AppendCounterexample(StringBuilder text, VerifyReport report, ProverCounterexample example, string seconds)
    {
        var request = example.Request;
        var evaluation = example.Evaluation;
        text.Append($"  REFUTED ({seconds}): this request is {evaluation.Decision.AwsName()}:\n");
        text.Append($"    principal  {request.Principal.Arn}\n");
        text.Append($"    action     {request.Action}\n");
        text.Append($"    resource   {request.Resource}\n");
        var keys = request.Context.Entries.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key}={e.Value}").ToList();
        text.Append($"    context    {(keys.Count == 0 ? "(no keys)" : string.Join(", ", keys))}\n");
        if (example.AbsentKeys.Count > 0) text.Append($"    absent     {string.Join(", ", example.AbsentKeys)}\n");
        text.Append($"    why        {evaluation.Explain()}\n");
        text.Append($"  replay: {report.SimulateCommand(example)}\n");
    }

    public static string Summary(VerifyReport report)
    {
        int Count(Verdict v) => report.Results.Count(r => r.Verdict == v);
        var parts = new List<string> { $"{Count(Verdict.Proved)} proved", $"{Count(Verdict.Refuted)} refuted" };
        if (Count(Verdict.Unknown) > 0) parts.Add($"{Count(Verdict.Unknown)} unknown");
        if (Count(Verdict.InternalError) > 0) parts.Add($"{Count(Verdict.InternalError)} internal error");
        return $"{report.Results.Count} propert{(report.Results.Count == 1 ? "y" : "ies")}: {string.Join(", ", parts)} ({report.Solver})";
    }
}
