using Microsoft.Playwright;

namespace IamHarden.Cli.Tests.Html;

/// <summary>The report on paper: A4, no controls, every finding group and counterexample unfolded.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PrintLayoutTests(ChromiumBrowser browser) : IClassFixture<ChromiumBrowser>
{
    [SkippableFact]
    public async Task Printing_hides_the_controls_and_unfolds_every_finding()
    {
        Skip.IfNot(ChromiumBrowser.Available, ChromiumBrowser.SkipReason);
        await using var probe = await browser.OpenAsync(AuditReports.SampleHtml);
        var page = probe.Page;
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await page.EvaluateAsync("() => window.dispatchEvent(new Event('beforeprint'))");

        Assert.False(await page.IsVisibleAsync(".toolbar"));
        Assert.False(await page.IsVisibleAsync("button.copy >> nth=0"));
        int groups = await page.Locator("#finding-groups .finding-group").CountAsync();
        Assert.True(groups > 0);
        Assert.Equal(groups, await page.Locator("#finding-groups .finding-group[open]").CountAsync());
        Assert.Equal(await page.Locator(".ce-details").CountAsync(), await page.Locator(".ce-details[open]").CountAsync());
        Assert.True(await page.IsVisibleAsync("#finding-groups .counterexample >> nth=0"));

        await page.EvaluateAsync("() => window.dispatchEvent(new Event('afterprint'))");
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Screen });
        Assert.Equal(0, await page.Locator("#finding-groups .finding-group[open]").CountAsync());
        Assert.True(await page.IsVisibleAsync(".toolbar"));
        probe.AssertClean();
    }

    [SkippableFact]
    public async Task A_filtered_print_says_what_it_leaves_out()
    {
        Skip.IfNot(ChromiumBrowser.Available, ChromiumBrowser.SkipReason);
        await using var probe = await browser.OpenAsync(AuditReports.SampleHtml);
        var page = probe.Page;
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });

        // Unfiltered: no note on paper.
        await page.EvaluateAsync("() => window.dispatchEvent(new Event('beforeprint'))");
        Assert.False(await page.IsVisibleAsync("#print-filter"));
        await page.EvaluateAsync("() => window.dispatchEvent(new Event('afterprint'))");

        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Screen });
        await page.SelectOptionAsync("#severity-filter", "high");
        var severityOnly = await page.TextContentAsync("#findings-status");
        await page.FillAsync("#search", "admin");
        // The search applies once typing pauses.
        await Assertions.Expect(page.Locator("#findings-status")).Not.ToHaveTextAsync(severityOnly!);
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await page.EvaluateAsync("() => window.dispatchEvent(new Event('beforeprint'))");
        Assert.True(await page.IsVisibleAsync("#print-filter"));
        Assert.Equal("Printed with a filter — this copy shows only: severity High · search “admin”", await page.TextContentAsync("#print-filter"));

        await page.EvaluateAsync("() => window.dispatchEvent(new Event('afterprint'))");
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Screen });
        Assert.False(await page.IsVisibleAsync("#print-filter"));
        probe.AssertClean();
    }

    [SkippableFact]
    public async Task The_report_prints_to_a4_pages()
    {
        Skip.IfNot(ChromiumBrowser.Available, ChromiumBrowser.SkipReason);
        await using var probe = await browser.OpenAsync(AuditReports.SampleHtml);
        var path = Path.Combine(AuditReports.OutputDirectory, "sample-a4.pdf");
        var pdf = await probe.Page.PdfAsync(new PagePdfOptions { Path = path, PreferCSSPageSize = true, PrintBackground = true });

        var text = System.Text.Encoding.Latin1.GetString(pdf);
        // A4 is 595 × 842 points; every page's MediaBox says so.
        var boxes = System.Text.RegularExpressions.Regex.Matches(text, @"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]");
        Assert.NotEmpty(boxes);
        Assert.All(boxes, box =>
        {
            Assert.InRange(double.Parse(box.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), 594, 596);
            Assert.InRange(double.Parse(box.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture), 841, 843);
        });
        Assert.True(boxes.Count >= 3, $"expected the sample report to take several pages, found {boxes.Count}");
        probe.AssertClean();
    }
}
