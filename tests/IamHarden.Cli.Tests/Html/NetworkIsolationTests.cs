namespace IamHarden.Cli.Tests.Html;

/// <summary>
/// The report cannot reach the network even when something in it tries: the Content-Security-
/// Policy refuses fetches, images and frames in the real browser before they reach the network
/// layer. A control page without the policy shows that the tests' probe does see such requests
/// reach it, so "no request" in the other tests means something.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class NetworkIsolationTests(ChromiumBrowser browser) : IClassFixture<ChromiumBrowser>
{
    private const string Attempts = """
        async () => {
          const outcomes = [];
          try { await fetch('http://127.0.0.1:9/fetch'); outcomes.push('fetch sent'); } catch { outcomes.push('fetch refused'); }
          await new Promise(resolve => {
            const image = new Image();
            image.onload = () => { outcomes.push('image loaded'); resolve(); };
            image.onerror = () => { outcomes.push('image refused'); resolve(); };
            image.src = 'http://127.0.0.1:9/image.png';
          });
          const frame = document.createElement('iframe');
          frame.src = 'http://127.0.0.1:9/frame';
          document.body.append(frame);
          await new Promise(resolve => setTimeout(resolve, 300));
          return outcomes;
        }
        """;

    [SkippableFact]
    public async Task The_report_refuses_every_request_something_in_it_makes()
    {
        Skip.IfNot(ChromiumBrowser.Available, ChromiumBrowser.SkipReason);
        await using var probe = await browser.OpenAsync(AuditReports.SampleHtml);
        var outcomes = await probe.Page.EvaluateAsync<string[]>(Attempts);
        Assert.Equal(["fetch refused", "image refused"], outcomes);
        // Nothing reached the network layer; what the browser announced, it refused for the policy
        // (Chromium reports the image as a request that failed with the reason "csp").
        Assert.All(probe.RoutedRequests, url => Assert.Equal(probe.FileUrl, url));
        Assert.All(probe.Requests.Where(url => url != probe.FileUrl), url => Assert.Equal("csp", probe.FailureOf(url)));
    }

    [SkippableFact]
    public async Task The_probe_sees_requests_of_a_page_without_the_policy()
    {
        Skip.IfNot(ChromiumBrowser.Available, ChromiumBrowser.SkipReason);
        var path = Path.Combine(Path.GetTempPath(), $"iamharden-control-{Environment.ProcessId}.html");
        File.WriteAllText(path, "<!DOCTYPE html><html data-ready=\"true\"><body><p>control</p></body></html>");
        try
        {
            await using var probe = await browser.OpenAsync(path);
            await probe.Page.EvaluateAsync<string[]>(Attempts);
            // Each attempt reached the route, which aborted it: nothing was sent.
            Assert.Contains("http://127.0.0.1:9/fetch", probe.RoutedRequests);
            Assert.Contains("http://127.0.0.1:9/image.png", probe.RoutedRequests);
            Assert.Contains("http://127.0.0.1:9/frame", probe.RoutedRequests);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
