using IamHarden.Cli;

namespace IamHarden.Cli.Tests.Html;

/// <summary>
/// The reports the HTML tests read, written once per test run through the real command line
/// (`iamharden audit ... --output`), so the tests cover the wiring of --format html too.
/// </summary>
public static class AuditReports
{
    private static readonly string Directory = CreateDirectory();

    private static readonly Lazy<string> SampleHtmlEn = new(() => Audit("sample-en.html", ["--sample", "--format", "html"]));
    private static readonly Lazy<string> SampleHtmlKo = new(() => Audit("sample-ko.html", ["--sample", "--format", "html", "--lang", "ko"]));
    private static readonly Lazy<string> SampleJsonEn = new(() => Audit("sample.json", ["--sample", "--format", "json"]));
    private static readonly Lazy<string> HostileHtmlEn = new(() => Audit("hostile.html",
    [
        "--snapshot", Fixtures.Path("html/hostile-account"), "--config", Fixtures.Path("html/hostile.yaml"),
        "--as-of", "2026-11-30T12:00:00Z", "--format", "html",
    ]));

    /// <summary>The sample account's report, in English (path of the .html file).</summary>
    public static string SampleHtml => SampleHtmlEn.Value;
    public static string SampleHtmlKorean => SampleHtmlKo.Value;
    /// <summary>`audit --sample --format json` of the same audit (path of the .json file).</summary>
    public static string SampleJson => SampleJsonEn.Value;
    /// <summary>A snapshot whose user names, group, tags and policy names carry HTML/JS payloads.</summary>
    public static string HostileHtml => HostileHtmlEn.Value;

    /// <summary>Where screenshots and PDFs go: beside the test assembly, kept after the run for people to look at.</summary>
    public static string OutputDirectory { get; } = System.IO.Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "html-report")).FullName;

    private static string Audit(string fileName, string[] arguments)
    {
        var path = Path.Combine(Directory, fileName);
        int exit = CliApplication.Run(["audit", .. arguments, "--output", path, "--force"]);
        Assert.True(exit == 0, $"audit {string.Join(' ', arguments)} exited with {exit}");
        return path;
    }

    private static string CreateDirectory()
    {
        var path = Path.Combine(Path.GetTempPath(), "iamharden-html-tests-" + Environment.ProcessId);
        System.IO.Directory.CreateDirectory(path);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { System.IO.Directory.Delete(path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        };
        return path;
    }
}
