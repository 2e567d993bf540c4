using IamHarden.Analysis.Audit;
using IamHarden.Cli.Rendering.Html;
using Microsoft.Playwright;

namespace IamHarden.Cli.Tests.Html;

/// <summary>The page at the edges: an account with nothing to report, and one large enough to page through.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ReportEdgeTests(ChromiumBrowser browser) : IClassFixture<ChromiumBrowser>, IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("iamharden-html-edge-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [SkippableFact]
    public async Task A_clean_account_without_users_says_so()
    {
        Skip.IfNot(ChromiumBrowser.Available, ChromiumBrowser.SkipReason);
        var report = SampleAudit.Report with { Findings = [], Users = [] };
        await using var probe = await browser.OpenAsync(Write("clean.html", report));
        var page = probe.Page;

        Assert.Equal("100", await page.TextContentAsync(".score-ring .ring-number"));
        Assert.Equal("No findings: every check passed.", await page.TextContentAsync("#finding-groups .clean"));
        Assert.Equal("No user matches the search and filters.", await page.TextContentAsync("#matrix-body td.empty"));
        var statuses = await page.Locator(".scorecard-item").EvaluateAllAsync<string[]>("nodes => nodes.map(n => n.dataset.status)");
        Assert.All(statuses, status => Assert.Equal("green", status));
        Assert.Equal(0, await page.Locator("button.show-users").CountAsync());
        probe.AssertClean();
    }

    [SkippableFact]
    public async Task A_large_account_pages_through_users_and_findings()
    {
        Skip.IfNot(ChromiumBrowser.Available, ChromiumBrowser.SkipReason);
        var report = Copies(SampleAudit.Report, 1300);
        int mfaFindings = report.Findings.Count(f => f.Check.Id == "console_mfa_enabled");
        Assert.True(mfaFindings > 200, "the copy must have more findings in one check than a group shows at once");
        await using var probe = await browser.OpenAsync(Write("large.html", report));
        var page = probe.Page;

        Assert.Equal(100, await page.Locator("#matrix-body tr[data-user]").CountAsync());
        Assert.Equal("Showing 100 of 1,300 matching users (1,300 in the account).", await page.TextContentAsync("#matrix-status"));
        await page.ClickAsync("#matrix-show-more");
        Assert.Equal(200, await page.Locator("#matrix-body tr[data-user]").CountAsync());
        await page.ClickAsync("#matrix-show-all");
        Assert.Equal(1300, await page.Locator("#matrix-body tr[data-user]").CountAsync());
        Assert.Equal(0, await page.Locator("#matrix-more button").CountAsync());

        var group = page.Locator("details[data-check='console_mfa_enabled']");
        await group.Locator("summary").ClickAsync();
        // Rows are made when the group opens and when "more" is pressed: wait for them.
        await Assertions.Expect(group.Locator(".finding-table tbody tr")).ToHaveCountAsync(200);
        await group.Locator(".more button").ClickAsync();
        await Assertions.Expect(group.Locator(".finding-table tbody tr")).ToHaveCountAsync(Math.Min(400, mfaFindings));
        probe.AssertClean();
    }

    private string Write(string name, AuditReport report)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, AuditHtmlWriter.Write(report, "en", RemediationPolicies.From(SampleAudit.Config)));
        return path;
    }

    /// <summary>The sample's users copied under new names until there are <paramref name="count"/>, each with the findings of the user it copies.</summary>
    private static AuditReport Copies(AuditReport sample, int count)
    {
        var bySubject = sample.Findings.ToLookup(f => f.Subject);
        var userArns = sample.Users.Select(u => u.User.Arn).ToHashSet();
        var users = new List<UserStatus>();
        var findings = sample.Findings.Where(f => !userArns.Contains(f.Subject)).ToList();
        for (int i = 0; i < count; i++)
        {
            var template = sample.Users[i % sample.Users.Count];
            var name = $"{template.User.Name}-{i:D4}";
            var arn = template.User.Arn[..^template.User.Name.Length] + name;
            users.Add(template with { User = template.User with { Name = name, Arn = arn } });
            findings.AddRange(bySubject[template.User.Arn].Select(f => f with { Subject = arn }));
        }
        return sample with { Users = users, Findings = findings };
    }
}
