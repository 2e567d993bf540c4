using System.Diagnostics;
using System.Globalization;
using IamHarden.Analysis.Audit;
using IamHarden.Analysis.Audit.Access;
using IamHarden.Analysis.Configuration;
using IamHarden.Analysis.Snapshot;
using IamHarden.Cli.Input;
using IamHarden.Cli.Rendering.Html;
using Microsoft.Playwright;

// Measures the HTML report of a large account: how big the file is and how long headless
// Chromium takes from navigation start until the page is interactive (the page's own
// "iamharden-interactive" mark: data parsed, every section rendered, handlers attached), plus
// the time of the first interactions people make on such a report.
//
//   dotnet run -c Release --project bench/IamHarden.ReportBenchmark -- -users 10000 -runs 5 [-keep report.html]
//   ... -- -open report.html -runs 5     (a report written by `iamharden audit --format html`)

int users = Option("-users", 10_000);
int runs = Option("-runs", 5);
string? keep = args.SkipWhile(a => a != "-keep").Skip(1).FirstOrDefault();
string? open = args.SkipWhile(a => a != "-open").Skip(1).FirstOrDefault();
const string Chromium = "/usr/bin/chromium";
if (!File.Exists(Chromium))
{
    Console.Error.WriteLine($"{Chromium} does not exist: apt-get install chromium");
    return 2;
}

var writeClock = new Stopwatch();
int findings = 0;
string path;
if (open is not null) path = open;
else
{
    var (sample, config) = AuditSample();
    var report = SyntheticReport.Scale(sample, users);
    findings = report.Findings.Count;
    writeClock.Start();
    var html = AuditHtmlWriter.Write(report, "en", RemediationPolicies.From(config));
    writeClock.Stop();
    path = keep ?? Path.Combine(Path.GetTempPath(), $"iamharden-report-{users}.html");
    File.WriteAllText(path, html);
}
long bytes = new FileInfo(path).Length;
var url = new Uri(Path.GetFullPath(path)).AbsoluteUri;

using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
{
    ExecutablePath = Chromium,
    Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});

var interactive = new List<double>();
var parsed = new List<double>();
var built = new List<double>();
var domInteractive = new List<double>();
var wall = new List<double>();
var severity = new List<double>();
var showAll = new List<double>();
var dialog = new List<double>();
for (int run = 0; run < runs; run++)
{
    await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
    var page = await context.NewPageAsync();
    var clock = Stopwatch.StartNew();
    await page.GotoAsync(url, new PageGotoOptions { WaitUntil = WaitUntilState.Commit, Timeout = 60_000 });
    await page.WaitForSelectorAsync("html[data-ready='true']", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached, Timeout = 60_000 });
    wall.Add(clock.Elapsed.TotalMilliseconds);
    interactive.Add(await Mark(page, "iamharden-interactive"));
    parsed.Add(await Mark(page, "iamharden-data-parsed"));
    built.Add(await Mark(page, "iamharden-model-built"));
    domInteractive.Add(await page.EvaluateAsync<double>("() => performance.getEntriesByType('navigation')[0].domInteractive"));

    severity.Add(await TimeAsync(page, "() => { document.getElementById('severity-filter').value = 'high'; document.getElementById('severity-filter').dispatchEvent(new Event('change')); }",
        "() => document.getElementById('matrix-status').textContent"));
    dialog.Add(await TimeAsync(page, "() => document.querySelector('#matrix-body .user-link').click()",
        "() => document.getElementById('user-dialog').open ? 'open' : 'closed'"));
    await page.Keyboard.PressAsync("Escape");
    await page.SelectOptionAsync("#severity-filter", "all");
    showAll.Add(await TimeAsync(page, "() => document.getElementById('matrix-show-all').click()",
        "() => String(document.querySelectorAll('#matrix-body tr').length)"));
}

var rows = await MatrixRowsAsync();
Console.WriteLine(open is null
    ? $"users: {users:N0}; findings: {findings:N0}; runs: {runs}; Chromium: {browser.Version}; {Environment.ProcessorCount} cores"
    : $"report: {open} ({rows:N0} users); runs: {runs}; Chromium: {browser.Version}; {Environment.ProcessorCount} cores");
// Other work on the machine slows a browser down more than anything in the page: say how busy it was.
if (File.Exists("/proc/loadavg")) Console.WriteLine($"load average (1, 5, 15 min) at the end: {string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3))}");
Console.WriteLine($"file: {bytes / 1_000_000.0:F2} MB ({bytes:N0} bytes)" + (open is null ? $"; written in {writeClock.Elapsed.TotalMilliseconds:F0} ms" : ""));
Console.WriteLine();
Console.WriteLine("| measure | median (ms) | max (ms) |");
Console.WriteLine("| --- | ---: | ---: |");
// In the order they happen: the data block read and parsed, the model linked, every section
// rendered (interactive), the document finished (domInteractive comes after our script has run),
// and the whole as Playwright sees it, renderer start-up and file reading included.
Row("report data parsed (JSON.parse done)", parsed);
Row("model built (findings linked to users and checks)", built);
Row("open → interactive (page mark, from navigation start)", interactive);
Row("document parsed (navigation timing domInteractive)", domInteractive);
Row("open → interactive (wall clock, Playwright goto → ready)", wall);
Row("severity filter → matrix and findings updated", severity);
Row("open a user's dialog", dialog);
Row($"show all {rows:N0} matrix rows", showAll);
if (keep is null && open is null) File.Delete(path);
return 0;

// The number of users the report holds, as the page counts them.
async Task<int> MatrixRowsAsync()
{
    await using var context = await browser.NewContextAsync();
    var page = await context.NewPageAsync();
    await page.GotoAsync(url, new PageGotoOptions { WaitUntil = WaitUntilState.Commit, Timeout = 60_000 });
    await page.WaitForSelectorAsync("html[data-ready='true']", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached, Timeout = 60_000 });
    return await page.EvaluateAsync<int>("() => JSON.parse(document.getElementById('audit-data').textContent).users.length");
}

int Option(string name, int fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
}

static (AuditReport Report, IamHardenConfig Config) AuditSample()
{
    var (directory, configPath) = SampleAccount.Extract();
    var config = ConfigReader.Read(configPath);
    var snapshot = SnapshotReader.Read(directory, BundledAwsManagedPolicies.Find);
    var report = AuditRunner.Run(snapshot, new AuditRunner.Options { Config = config, AsOf = SampleAccount.AsOf, Access = new SearchAccessAnalyzer(SampleAccount.AsOf) });
    return (report with { SnapshotArguments = "--sample" }, config);
}

static async Task<double> Mark(IPage page, string name) =>
    await page.EvaluateAsync<double>("name => performance.getEntriesByName(name)[0].startTime", name);

// The time from an action until what it changes is on screen: the action runs in the page, and
// the next animation frame after the observed value changes marks the end.
static async Task<double> TimeAsync(IPage page, string action, string observe)
{
    return await page.EvaluateAsync<double>(@"async ([action, observe]) => {
        const act = eval(action), look = eval(observe);
        const before = look();
        const start = performance.now();
        act();
        while (look() === before) await new Promise(r => setTimeout(r, 1));
        await new Promise(r => requestAnimationFrame(() => r()));
        return performance.now() - start;
    }", new[] { action, observe });
}

static void Row(string name, List<double> values)
{
    var sorted = values.Order().ToList();
    double median = sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    Console.WriteLine($"| {name} | {median:F0} | {sorted[^1]:F0} |");
}
