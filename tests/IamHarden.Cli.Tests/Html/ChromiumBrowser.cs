using Microsoft.Playwright;

namespace IamHarden.Cli.Tests.Html;

/// <summary>
/// One headless Debian Chromium (/usr/bin/chromium) for a test class, driven by Playwright. Never
/// a downloaded browser: when /usr/bin/chromium is missing the browser tests skip with
/// <see cref="SkipReason"/> (CI installs it through ./run-tests, so there they always run).
/// </summary>
public sealed class ChromiumBrowser : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public static bool Available => File.Exists(ExecutablePath);

    public static string SkipReason =>
        $"{ExecutablePath} does not exist: install Debian's chromium (apt-get install chromium; ./run-tests does this as root) to run the browser tests";

    // Flags: no sandbox (tests run as root in containers), no GPU, and nothing that would reach
    // out on its own (component updates, sync, background networking), so any request the tests
    // observe comes from the page.
    private static readonly string[] Arguments =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
    ];

    private IPlaywright? playwright;
    private IBrowser? browser;

    public async Task InitializeAsync()
    {
        if (!Available) return;
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Args = Arguments,
            Headless = true,
        });
    }

    public async Task DisposeAsync()
    {
        if (browser is not null) await browser.DisposeAsync();
        playwright?.Dispose();
    }

    /// <summary>A fresh page in its own context (no shared state between tests), watched by a <see cref="PageProbe"/>.</summary>
    public async Task<PageProbe> OpenAsync(string htmlPath, int width = 1400, int height = 1000)
    {
        var context = await browser!.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "en-US",
        });
        var page = await context.NewPageAsync();
        var probe = new PageProbe(context, page, new Uri(Path.GetFullPath(htmlPath)).AbsoluteUri);
        await probe.OpenAsync();
        return probe;
    }
}
