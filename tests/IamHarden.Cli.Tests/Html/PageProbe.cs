using Microsoft.Playwright;

namespace IamHarden.Cli.Tests.Html;

/// <summary>
/// A report page under observation: every request it attempts (<see cref="Requests"/>, from the
/// browser's request events, which include requests the Content-Security-Policy then blocks),
/// every request that reached the network layer (<see cref="RoutedRequests"/>: a route on the
/// whole context sees each one and aborts all but the report file itself, so nothing is sent),
/// console errors, uncaught exceptions and JavaScript dialogs (alert/confirm/prompt).
/// <see cref="AssertClean"/> fails a test on any of them.
/// </summary>
public sealed class PageProbe : IAsyncDisposable
{
    private readonly IBrowserContext context;
    private readonly List<string> requests = [];
    private readonly List<string> routed = [];
    private readonly Dictionary<string, string> failures = [];
    private readonly List<string> consoleErrors = [];
    private readonly List<string> pageErrors = [];
    private readonly List<string> dialogs = [];

    public PageProbe(IBrowserContext context, IPage page, string fileUrl)
    {
        this.context = context;
        Page = page;
        FileUrl = fileUrl;
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning") lock (consoleErrors) consoleErrors.Add($"{message.Type}: {message.Text}");
        };
        page.PageError += (_, error) => { lock (pageErrors) pageErrors.Add(error); };
        page.Dialog += async (_, dialog) =>
        {
            lock (dialogs) dialogs.Add($"{dialog.Type}: {dialog.Message}");
            await dialog.DismissAsync();
        };
        page.Request += (_, request) => { lock (requests) requests.Add(request.Url); };
        page.RequestFailed += (_, request) => { lock (failures) failures[request.Url] = request.Failure ?? ""; };
    }

    public IPage Page { get; }
    public string FileUrl { get; }
    public IReadOnlyList<string> Requests { get { lock (requests) return requests.ToList(); } }
    public IReadOnlyList<string> RoutedRequests { get { lock (routed) return routed.ToList(); } }
    public IReadOnlyList<string> Dialogs { get { lock (dialogs) return dialogs.ToList(); } }

    /// <summary>Why a request failed, as the browser says ("csp" when the Content-Security-Policy refused it), or null.</summary>
    public string? FailureOf(string url) { lock (failures) return failures.GetValueOrDefault(url); }

    public async Task OpenAsync()
    {
        // Anything but the report itself is aborted and recorded; the CSP should stop it first.
        await context.RouteAsync("**/*", async route =>
        {
            lock (routed) routed.Add(route.Request.Url);
            if (route.Request.Url == FileUrl) await route.ContinueAsync();
            else await route.AbortAsync();
        });
        await Page.GotoAsync(FileUrl, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        await Page.WaitForSelectorAsync("html[data-ready='true']", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached, Timeout = 15_000 });
    }

    /// <summary>No request but the file (not even one attempted), no console error or warning, no uncaught exception, no dialog.</summary>
    public void AssertClean()
    {
        Assert.All(Requests, url => Assert.Equal(FileUrl, url));
        Assert.All(RoutedRequests, url => Assert.Equal(FileUrl, url));
        lock (consoleErrors) Assert.Empty(consoleErrors);
        lock (pageErrors) Assert.Empty(pageErrors);
        lock (dialogs) Assert.Empty(dialogs);
    }

    public async ValueTask DisposeAsync() => await context.DisposeAsync();
}
