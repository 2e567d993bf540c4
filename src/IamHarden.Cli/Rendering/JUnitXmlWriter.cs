using System.Globalization;
using System.Xml.Linq;
using IamHarden.Analysis.Prover.PolicyTests;

namespace IamHarden.Cli.Rendering;

/// <summary>
/// JUnit XML, the report format CI systems read (Jenkins, GitLab, GitHub Actions reporters): one
/// testsuite per test file; requests and properties are test cases (classname "requests" or
/// "properties"); a failed expectation is a failure, an undecided property an error.
/// </summary>
public static class JUnitXmlWriter
{
    public static string Write(PolicyTestFile file, IReadOnlyList<PolicyTestResult> results, string solver)
    {
        static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture);
        var suite = new XElement("testsuite",
            new XAttribute("name", file.Path),
            new XAttribute("tests", results.Count),
            new XAttribute("failures", results.Count(r => r.Outcome == PolicyTestOutcome.Failed)),
            new XAttribute("errors", results.Count(r => r.Outcome == PolicyTestOutcome.Error)),
            new XAttribute("skipped", 0),
            new XAttribute("time", Seconds(TimeSpan.FromTicks(results.Sum(r => r.Elapsed.Ticks)))),
            new XElement("properties", new XElement("property", new XAttribute("name", "solver"), new XAttribute("value", solver))));
        foreach (var result in results)
        {
            var testCase = new XElement("testcase",
                new XAttribute("name", result.Case.Name),
                new XAttribute("classname", result.Case is RequestTestCase ? "requests" : "properties"),
                new XAttribute("file", file.Path),
                new XAttribute("line", result.Case.Line),
                new XAttribute("time", Seconds(result.Elapsed)));
            var replay = PolicyTestReplay.For(file, result);
            var details = $"{file.Path}:{result.Case.Line}:{result.Case.Column}: {result.Message}" + (replay is null ? "" : "\nreplay: " + replay);
            if (result.Outcome == PolicyTestOutcome.Failed)
                testCase.Add(new XElement("failure", new XAttribute("message", result.Message), new XAttribute("type", "expectation"), details));
            else if (result.Outcome == PolicyTestOutcome.Error)
                testCase.Add(new XElement("error", new XAttribute("message", result.Message), new XAttribute("type", "undecided"), details));
            suite.Add(testCase);
        }
        var document = new XDocument(new XDeclaration("1.0", "utf-8", null), new XElement("testsuites", suite));
        return document.Declaration + "\n" + document.Root + "\n";
    }
}
