using System.Diagnostics;
using System.Text;
using IamHarden.Analysis.Lint;
using IamHarden.Core.Policy;
using Xunit.Abstractions;

namespace IamHarden.Analysis.Tests.Lint;

/// <summary>
/// Lint over every AWS managed policy: no crash, nothing unusable, no error (AWS accepts all of
/// them; what lint would call an error in a customer policy is a warning here), and the count of
/// each code close to the one recorded in docs/LINT.md, so a change in behaviour shows.
/// </summary>
public class ManagedCorpusTests(ITestOutputHelper output)
{
    private static readonly LintOptions AwsManaged = new() { Origin = PolicyOrigin.AwsManaged };

    private static readonly Lazy<IReadOnlyList<LintResult>> Results = new(() =>
        [.. LintFixtures.ManagedPolicies.AsParallel().AsOrdered().Select(p => PolicyLinter.Lint(p.Document, p.Name, AwsManaged))]);

    [Fact]
    public void Every_managed_policy_lints_without_errors()
    {
        Assert.InRange(Results.Value.Count, 1_500, 1_800);
        Assert.All(Results.Value, r => Assert.False(r.IsUnusable, r.File));
        var errors = Results.Value.SelectMany(r => r.Findings).Where(f => f.Severity == DiagnosticSeverity.Error).Select(f => f.Format()).ToList();
        Assert.True(errors.Count == 0, "errors on AWS managed policies:\n" + string.Join("\n", errors.Take(20)));
    }

    [Fact]
    public void Counts_per_code_match_docs()
    {
        var actual = Counts();
        var table = Table(actual);
        if (LintDocs.Updating) LintDocs.Replace("corpus", table);
        output.WriteLine(table);
        var recorded = Parse(LintDocs.Section(File.ReadAllText(LintDocs.Path), "corpus"));
        foreach (var code in LintRules.All.Select(r => r.Info.Code))
        {
            int expected = recorded.GetValueOrDefault(code), found = actual.GetValueOrDefault(code);
            // Loose: a catalog update moves counts a little; a behaviour change moves them a lot.
            int slack = Math.Max(3, expected / 10);
            Assert.True(Math.Abs(found - expected) <= slack,
                $"{code}: {found} findings on the managed corpus, docs/LINT.md records {expected}; if the change is intended, rerun with IAMHARDEN_UPDATE_DOCS=1");
        }
    }

    [Fact]
    public void The_same_policies_as_customer_policies_do_get_errors()
    {
        // The relaxation is the origin, not blindness: read as customer policies, retired names are errors.
        var retired = LintFixtures.ManagedPolicies.First(p => p.Name == "RDSCloudHsmAuthorizationRole");
        var result = PolicyLinter.Lint(retired.Document, retired.Name);
        Assert.Contains(result.Findings, f => f.Code == "INVALID_ACTION" && f.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void Whole_corpus_lints_in_reasonable_time()
    {
        // Not the benchmark (docs/LINT.md has that): a bound that only catches an order-of-magnitude regression.
        var policies = LintFixtures.ManagedPolicies;
        _ = Results.Value;
        var watch = Stopwatch.StartNew();
        foreach (var (name, document) in policies) PolicyLinter.Lint(document, name, AwsManaged);
        output.WriteLine($"{policies.Count} policies in {watch.ElapsedMilliseconds} ms (one thread, warm)");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"took {watch.Elapsed}");
    }

    private static Dictionary<string, int> Counts() =>
        Results.Value.SelectMany(r => r.Findings).GroupBy(f => f.Code).ToDictionary(g => g.Key, g => g.Count());

    private static string Table(Dictionary<string, int> counts)
    {
        var text = new StringBuilder("| code | findings | policies |\n| --- | ---: | ---: |\n");
        var policies = Results.Value.SelectMany(r => r.Findings.Select(f => (f.Code, r.File)).Distinct()).GroupBy(p => p.Code).ToDictionary(g => g.Key, g => g.Count());
        foreach (var rule in LintRules.All)
        {
            var code = rule.Info.Code;
            if (counts.GetValueOrDefault(code) == 0) continue;
            text.Append($"| `{code}` | {counts[code]:N0} | {policies[code]:N0} |\n");
        }
        text.Append($"| all other codes | 0 | 0 |\n");
        text.Append($"| **total** ({Results.Value.Count:N0} policies) | {counts.Values.Sum():N0} | {Results.Value.Count(r => !r.Findings.IsEmpty):N0} |");
        return text.ToString();
    }

    private static Dictionary<string, int> Parse(string table)
    {
        var counts = new Dictionary<string, int>();
        foreach (var line in table.Split('\n'))
        {
            var cells = line.Split('|', StringSplitOptions.TrimEntries);
            if (cells.Length < 4 || !cells[1].StartsWith('`')) continue;
            counts[cells[1].Trim('`')] = int.Parse(cells[2].Replace(",", ""), System.Globalization.CultureInfo.InvariantCulture);
        }
        return counts;
    }
}
