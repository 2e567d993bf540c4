using Microsoft.Playwright;

namespace IamHarden.Cli.Tests.Html;

/// <summary>
/// A snapshot whose user names, group, tags and policy names are HTML/JS payloads
/// (tests/fixtures/html/hostile-account): every place that shows them is opened, and nothing
/// executes — no dialog, no global set, no element or handler made from data — while the text
/// appears literally.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class HostileReportTests(ChromiumBrowser browser) : IClassFixture<ChromiumBrowser>
{
    private const string NamePayload = "<img src=x onerror=\"window.__pwned='name';alert('name')\">";
    private const string SecondNamePayload = "\"'><body onload=alert('name2')>";
    private const string TagKeyPayload = "<script>window.__pwned='tag-key'</script>";
    private const string TagValuePayload = "</script><script>window.__pwned='tag-value'</script>{{script}}";
    private const string InlinePolicyPayload = "<b onmouseover=\"window.__pwned='inline-policy'\">inline</b>";
    private const string GroupPayload = "<svg onload=\"window.__pwned='group'\">";
    private const string ManagedPolicyPayload = "<img src=x onerror=\"alert('managed-policy')\">";

    [SkippableFact]
    public async Task Payloads_in_names_tags_and_policies_show_as_text_and_never_run()
    {
        Skip.IfNot(ChromiumBrowser.Available, ChromiumBrowser.SkipReason);
        await using var probe = await browser.OpenAsync(AuditReports.HostileHtml);
        var page = probe.Page;

        // The matrix shows the names and the group literally.
        var names = await page.Locator("#matrix-body .user-link").AllTextContentsAsync();
        Assert.Contains(NamePayload, names);
        Assert.Contains(SecondNamePayload, names);
        Assert.Contains(GroupPayload, await page.Locator("#matrix-body td.groups").AllTextContentsAsync());

        // Every finding group open, every counterexample unfolded, hovering over everything.
        // Only the groups' own summaries: a group builds its rows (with their nested counterexample
        // summaries) when it opens, which would shift the positions of a list taken of both.
        foreach (var summary in await page.Locator("#finding-groups > details.finding-group > summary").AllAsync()) await summary.ClickAsync();
        foreach (var summary in await page.Locator(".ce-details > summary").AllAsync()) await summary.ClickAsync();
        Assert.Contains(ManagedPolicyPayload, string.Concat(await page.Locator("details[data-check='full_admin_policy'] .finding-table").AllTextContentsAsync()));
        Assert.Contains(NamePayload, string.Concat(await page.Locator("details[data-check='console_mfa_enabled'] .finding-table").AllTextContentsAsync()));

        // The first user's dialog: tags and the inline policy's name, literally.
        await page.Locator("#matrix-body .user-link", new PageLocatorOptions { HasTextString = NamePayload }).ClickAsync();
        var dialog = page.Locator("#user-dialog");
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        Assert.Equal("User " + NamePayload, await page.TextContentAsync("#user-dialog-title"));
        Assert.Equal(TagKeyPayload, await dialog.Locator(".tags tbody th").First.TextContentAsync());
        Assert.Equal(TagValuePayload, await dialog.Locator(".tags tbody td").First.TextContentAsync());
        var listed = string.Concat(await dialog.Locator(".plain-list li").AllTextContentsAsync());
        Assert.Contains(InlinePolicyPayload, listed);
        Assert.Contains(GroupPayload, listed);
        await page.Mouse.MoveAsync(200, 200);
        foreach (var item in await dialog.Locator("li, td, th").AllAsync()) await item.HoverAsync(new LocatorHoverOptions { Force = true });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AuditReports.OutputDirectory, "hostile-user-dialog.png") });
        await page.Keyboard.PressAsync("Escape");

        // Searching for a payload filters as text too.
        await page.FillAsync("#search", "__pwned='name'");
        await Assertions.Expect(page.Locator("#matrix-body tr[data-user]")).ToHaveCountAsync(1);

        // Nothing ran and nothing was made from data: no global, no handler attribute, no element
        // the page does not build itself (img, iframe, body, b), one script that runs (ours).
        Assert.True(await page.EvaluateAsync<bool>("() => window.__pwned === undefined"));
        Assert.Equal(0, await page.EvaluateAsync<int>(
            "() => [...document.querySelectorAll('*')].filter(n => [...n.attributes].some(a => a.name.startsWith('on'))).length"));
        Assert.Equal(0, await page.Locator("img, iframe, b, body body, svg:not(.score-ring):not(.severity-bars)").CountAsync());
        Assert.Equal(1, await page.Locator("script:not([type])").CountAsync());
        Assert.Empty(probe.Dialogs);
        probe.AssertClean();
    }
}
