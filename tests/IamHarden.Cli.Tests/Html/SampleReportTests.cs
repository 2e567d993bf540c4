using System.Text.Json;
using Microsoft.Playwright;

namespace IamHarden.Cli.Tests.Html;

/// <summary>
/// The sample account's report in a real browser, opened from disk: what it shows agrees with
/// `audit --format json` of the same audit, and the controls (severity filter, search, sorting,
/// the user dialog, the language switch) work — with no request leaving the page and no console error.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SampleReportTests(ChromiumBrowser browser) : IClassFixture<ChromiumBrowser>
{
    private static readonly string[] Severities = ["critical", "high", "medium", "low", "info"];

    [SkippableFact]
    public async Task Counts_match_the_json_output_of_the_same_audit()
    {
        Skip.IfNot(ChromiumBrowser.Available, ChromiumBrowser.SkipReason);
        var json = SampleAudit.Json;
        await using var probe = await browser.OpenAsync(AuditReports.SampleHtml);
        var page = probe.Page;

        foreach (var severity in Severities)
        {
            var shown = await page.TextContentAsync($"#severity-counts [data-severity='{severity}'] .count-number");
            Assert.Equal(json.GetProperty("summary").GetProperty(severity).GetInt32().ToString(), shown);
        }
        Assert.Equal(json.GetProperty("score").GetInt32().ToString(), await page.TextContentAsync(".score-ring .ring-number"));
        Assert.Equal(json.GetProperty("account").GetString(), await page.TextContentAsync("[data-fact='factAccount'] dd"));

        int findings = json.GetProperty("findings").GetArrayLength();
        Assert.Equal($"Showing {findings} of {findings} findings in {CheckCountWithFindings(json)} checks.", await page.TextContentAsync("#findings-status"));
        foreach (var check in json.GetProperty("checks").EnumerateArray())
        {
            int count = check.GetProperty("findings").GetInt32();
            var id = check.GetProperty("id").GetString();
            if (count == 0)
            {
                Assert.Equal(0, await page.Locator($"#finding-groups details[data-check='{id}']").CountAsync());
                Assert.Equal(1, await page.Locator($"#passed-body tr[data-check='{id}']").CountAsync());
            }
            else Assert.Equal(count == 1 ? "1 finding" : $"{count} findings", await page.TextContentAsync($"details[data-check='{id}'] .group-count"));
        }

        int users = json.GetProperty("users").GetArrayLength();
        Assert.Equal(users, await page.Locator("#matrix-body tr[data-user]").CountAsync());
        Assert.Equal($"Showing {users} of {users} matching users ({users} in the account).", await page.TextContentAsync("#matrix-status"));
        probe.AssertClean();
    }

    [SkippableFact]
    public async Task Severity_filter_keeps_only_findings_and_users_of_that_severity()
    {
        Skip.IfNot(ChromiumBrowser.Available, ChromiumBrowser.SkipReason);
        var json = SampleAudit.Json;
        await using var probe = await browser.OpenAsync(AuditReports.SampleHtml);
        var page = probe.Page;

        await page.SelectOptionAsync("#severity-filter", "high");
        var high = json.GetProperty("findings").EnumerateArray().Where(f => f.GetProperty("severity").GetString() == "high").ToList();
        var highChecks = high.Select(f => f.GetProperty("check").GetString()!).Distinct().ToList();
        int total = json.GetProperty("findings").GetArrayLength();
        Assert.Equal($"Showing {high.Count} of {total} findings in {highChecks.Count} checks.", await page.TextContentAsync("#findings-status"));

        var visibleGroups = await page.Locator("#finding-groups details:not([hidden])").EvaluateAllAsync<string[]>("nodes => nodes.map(n => n.dataset.check)");
        Assert.Equal(highChecks.Order(), visibleGroups.Order());

        // Users: exactly those named by a high finding.
        var usersByArn = json.GetProperty("users").EnumerateArray().ToDictionary(u => u.GetProperty("arn").GetString()!, u => u.GetProperty("name").GetString()!);
        var expectedUsers = high.Select(f => f.GetProperty("subject").GetString()!).Where(usersByArn.ContainsKey).Select(a => usersByArn[a]).Distinct().Order();
        var shownUsers = await page.Locator("#matrix-body .user-link").AllTextContentsAsync();
        Assert.Equal(expectedUsers, shownUsers.Order());

        // An opened group lists its high findings only.
        var group = page.Locator($"details[data-check='{highChecks[0]}']");
        await group.Locator("summary").ClickAsync();
        // The rows are made when the group opens: wait for them rather than count at once (that raced).
        await Assertions.Expect(group.Locator(".finding-table tbody tr")).ToHaveCountAsync(high.Count(f => f.GetProperty("check").GetString() == highChecks[0]));

        await page.SelectOptionAsync("#severity-filter", "all");
        await Assertions.Expect(page.Locator("#matrix-body tr[data-user]")).ToHaveCountAsync(json.GetProperty("users").GetArrayLength());
        probe.AssertClean();
    }

    [SkippableFact]
    public async Task Search_filters_the_matrix_and_the_findings_together()
    {
        Skip.IfNot(ChromiumBrowser.Available, ChromiumBrowser.SkipReason);
        var json = SampleAudit.Json;
        await using var probe = await browser.OpenAsync(AuditReports.SampleHtml);
        var page = probe.Page;

        await page.FillAsync("#search", "backup-bot");
        await Assertions.Expect(page.Locator("#matrix-body tr[data-user]")).ToHaveCountAsync(1);
        Assert.Equal("backup-bot", await page.TextContentAsync("#matrix-body .user-link"));
        int expected = json.GetProperty("findings").EnumerateArray().Count(f => f.GetProperty("subject").GetString()!.EndsWith("/backup-bot", StringComparison.Ordinal));
        int total = json.GetProperty("findings").GetArrayLength();
        Assert.StartsWith($"Showing {expected} of {total} findings", await page.TextContentAsync("#findings-status"));

        await page.FillAsync("#search", "no user is called this");
        await Assertions.Expect(page.Locator("#matrix-body td.empty")).ToHaveCountAsync(1);
        Assert.Equal(0, await page.Locator("#finding-groups details:not([hidden])").CountAsync());
        probe.AssertClean();
    }

    [SkippableFact]
    public async Task Sorting_by_a_column_orders_the_rows_and_says_so()
    {
        Skip.IfNot(ChromiumBrowser.Available, ChromiumBrowser.SkipReason);
        var json = SampleAudit.Json;
        await using var probe = await browser.OpenAsync(AuditReports.SampleHtml);
        var page = probe.Page;
        var names = json.GetProperty("users").EnumerateArray().Select(u => u.GetProperty("name").GetString()!).ToList();
        var ascending = names.OrderBy(n => n.ToLowerInvariant(), StringComparer.Ordinal).ToList();

        await page.ClickAsync("th[data-column='user'] button");
        Assert.Equal("ascending", await page.GetAttributeAsync("th[data-column='user']", "aria-sort"));
        Assert.Equal(ascending, await page.Locator("#matrix-body .user-link").AllTextContentsAsync());

        await page.ClickAsync("th[data-column='user'] button");
        Assert.Equal("descending", await page.GetAttributeAsync("th[data-column='user']", "aria-sort"));
        Assert.Equal(Enumerable.Reverse(ascending), await page.Locator("#matrix-body .user-link").AllTextContentsAsync());
        Assert.Equal("none", await page.GetAttributeAsync("th[data-column='findings']", "aria-sort"));
        probe.AssertClean();
    }

    [SkippableFact]
    public async Task A_scorecard_line_shows_the_users_it_names_in_the_matrix()
    {
        Skip.IfNot(ChromiumBrowser.Available, ChromiumBrowser.SkipReason);
        var json = SampleAudit.Json;
        string[] mfaChecks = ["console_mfa_enabled", "console_mfa_enforced", "mfa_enrollment_blocked"];
        var usersByArn = json.GetProperty("users").EnumerateArray().ToDictionary(u => u.GetProperty("arn").GetString()!, u => u.GetProperty("name").GetString()!);
        var expected = json.GetProperty("findings").EnumerateArray()
            .Where(f => mfaChecks.Contains(f.GetProperty("check").GetString()))
            .Select(f => usersByArn[f.GetProperty("subject").GetString()!]).Distinct().Order().ToList();

        await using var probe = await browser.OpenAsync(AuditReports.SampleHtml);
        var page = probe.Page;
        var item = page.Locator(".scorecard-item[data-item='mfa-console-users']");
        Assert.Equal("red", await item.GetAttributeAsync("data-status"));
        Assert.Equal($"{expected.Count} users affected", await item.Locator(".affected-users").TextContentAsync());
        await item.Locator("button.show-users").ClickAsync();

        Assert.Equal("scorecard:mfa-console-users", await page.InputValueAsync("#matrix-view"));
        Assert.True(await page.Locator("#matrix-view").EvaluateAsync<bool>("node => document.activeElement === node"));
        Assert.Equal(expected, (await page.Locator("#matrix-body .user-link").AllTextContentsAsync()).Order());
        probe.AssertClean();
    }

    [SkippableFact]
    public async Task A_scorecard_line_about_the_root_user_names_it_instead_of_counting_zero_users()
    {
        Skip.IfNot(ChromiumBrowser.Available, ChromiumBrowser.SkipReason);
        await using var probe = await browser.OpenAsync(AuditReports.SampleHtml);
        var page = probe.Page;
        var root = page.Locator(".scorecard-item[data-item='root']");
        Assert.Equal("red", await root.GetAttributeAsync("data-status"));
        Assert.Equal(0, await root.Locator(".affected-users").CountAsync());
        Assert.Equal("Affected: the root user", await root.Locator(".affected-other.headline").TextContentAsync());
        // A line with users and other subjects says both.
        var ip = page.Locator(".scorecard-item[data-item='ip-restriction-admins']");
        Assert.Matches("^\\d+ users? affected$", await ip.Locator(".affected-users").TextContentAsync());
        Assert.StartsWith("Also affected: policy ", await ip.Locator(".affected-other").TextContentAsync());
        // Elsewhere the root ARN stands for an account setting (the password policy), not the root user.
        var hygiene = page.Locator(".scorecard-item[data-item='credential-hygiene']");
        Assert.Equal("Also affected: the account settings", await hygiene.Locator(".affected-other").TextContentAsync());
        probe.AssertClean();
    }

    /// <summary>Text that means the page failed to fill something in: null, undefined, an unfilled {placeholder}.</summary>
    private static readonly System.Text.RegularExpressions.Regex Artifact =
        new(@"\b(null|undefined|NaN)\b|\[object |\{[a-z][A-Za-z]*\}");

    [SkippableTheory]
    [InlineData("en")]
    [InlineData("ko")]
    public async Task Every_text_on_the_page_and_in_every_dialog_is_filled_in(string language)
    {
        Skip.IfNot(ChromiumBrowser.Available, ChromiumBrowser.SkipReason);
        await using var probe = await browser.OpenAsync(language == "ko" ? AuditReports.SampleHtmlKorean : AuditReports.SampleHtml);
        var page = probe.Page;
        // beforeprint unfolds every group, every counterexample and every matrix row.
        await page.EvaluateAsync("() => window.dispatchEvent(new Event('beforeprint'))");
        var text = await page.InnerTextAsync("main");
        Assert.True(text.Length > 10_000, "the unfolded page should hold every finding");
        Assert.DoesNotMatch(Artifact, text);
        Assert.Equal(await page.Locator("#finding-groups .finding-group").CountAsync(),
            await page.Locator("#finding-groups .group-status").CountAsync());
        await page.EvaluateAsync("() => window.dispatchEvent(new Event('afterprint'))");

        var links = page.Locator("#matrix-body .user-link");
        int users = await links.CountAsync();
        Assert.True(users > 20);
        for (int i = 0; i < users; i++)
        {
            await links.Nth(i).ClickAsync();
            var dialog = await page.InnerTextAsync("#user-dialog");
            Assert.DoesNotMatch(Artifact, dialog);
            await page.Keyboard.PressAsync("Escape");
            await Assertions.Expect(page.Locator("#user-dialog")).ToBeHiddenAsync();
        }
        probe.AssertClean();
    }

    [SkippableFact]
    public async Task Opening_a_user_shows_policies_findings_and_the_counterexample_command()
    {
        Skip.IfNot(ChromiumBrowser.Available, ChromiumBrowser.SkipReason);
        var json = SampleAudit.Json;
        var heidi = json.GetProperty("users").EnumerateArray().Single(u => u.GetProperty("name").GetString() == "heidi");
        var arn = heidi.GetProperty("arn").GetString();
        var findings = json.GetProperty("findings").EnumerateArray().Where(f => f.GetProperty("subject").GetString() == arn).ToList();
        var simulate = findings.Where(f => f.TryGetProperty("counterexample", out _))
            .Select(f => f.GetProperty("counterexample").GetProperty("simulate").GetString()!).ToList();
        Assert.NotEmpty(simulate);

        await using var probe = await browser.OpenAsync(AuditReports.SampleHtml);
        var page = probe.Page;
        var opener = page.Locator("#matrix-body .user-link", new PageLocatorOptions { HasTextString = "heidi" });
        await opener.ClickAsync();
        var dialog = page.Locator("#user-dialog");
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        Assert.Equal("User heidi", await page.TextContentAsync("#user-dialog-title"));
        // heidi is a console user whose MFA is not enforced: the dialog marks it as a gap, as the matrix does.
        Assert.Equal("mark-cell bad", await dialog.Locator("[data-control='colMfaEnforced'] dd").GetAttributeAsync("class"));

        var policies = heidi.GetProperty("policies").EnumerateArray().Select(p => p.GetString()!).ToList();
        var policySection = dialog.Locator(".dialog-section", new LocatorLocatorOptions { Has = page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Name = "Effective policies" }) });
        Assert.Equal(policies, await policySection.Locator("li").AllTextContentsAsync());
        Assert.Equal(findings.Count, await dialog.Locator(".user-finding").CountAsync());
        Assert.Equal(findings.Select(f => f.GetProperty("check").GetString()!).Order(),
            (await dialog.Locator(".user-finding").EvaluateAllAsync<string[]>("nodes => nodes.map(n => n.dataset.check)")).Order());
        var commands = await dialog.Locator(".counterexample pre code").AllTextContentsAsync();
        Assert.Equal(simulate.Order(), commands.Order());
        Assert.True(await dialog.Locator(".counterexample button.copy").CountAsync() == simulate.Count);

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AuditReports.OutputDirectory, "sample-user-dialog.png") });

        // Escape closes the modal and gives focus back to the name that opened it.
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(dialog).ToBeHiddenAsync();
        Assert.True(await opener.EvaluateAsync<bool>("node => document.activeElement === node"));
        probe.AssertClean();
    }

    [SkippableFact]
    public async Task Copy_puts_the_simulate_command_on_the_clipboard()
    {
        Skip.IfNot(ChromiumBrowser.Available, ChromiumBrowser.SkipReason);
        await using var probe = await browser.OpenAsync(AuditReports.SampleHtml);
        var page = probe.Page;
        await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        await page.Locator("#matrix-body .user-link", new PageLocatorOptions { HasTextString = "heidi" }).ClickAsync();
        var block = page.Locator("#user-dialog .counterexample").First;
        var command = await block.Locator("pre code").TextContentAsync();
        await block.Locator("button.copy").ClickAsync();
        await Assertions.Expect(block.Locator("button.copy")).ToHaveTextAsync("Copied");
        Assert.Equal(command, await page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));
        probe.AssertClean();
    }

    [SkippableFact]
    public async Task Language_switch_shows_the_korean_texts_and_back()
    {
        Skip.IfNot(ChromiumBrowser.Available, ChromiumBrowser.SkipReason);
        var report = SampleAudit.Report;
        var firstFailed = report.Findings[0].Check;
        await using var probe = await browser.OpenAsync(AuditReports.SampleHtml);
        var page = probe.Page;
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AuditReports.OutputDirectory, "sample-en.png"), FullPage = true });

        await page.ClickAsync("#language-toggle");
        Assert.Equal("ko", await page.GetAttributeAsync("html", "lang"));
        Assert.Equal("IAM 보안 강화 감사", await page.TextContentAsync("#report-title"));
        Assert.Equal(firstFailed.Title.Ko, await page.TextContentAsync($"details[data-check='{firstFailed.Id}'] .group-title"));
        Assert.Equal("English", await page.TextContentAsync("#language-toggle"));
        var mfa = report.ChecksRun.Single(c => c.Id == "console_mfa_enabled");
        var group = page.Locator("details[data-check='console_mfa_enabled']");
        await group.Locator("summary").ClickAsync();
        await Assertions.Expect(group.Locator(".check-text .remediation")).ToHaveTextAsync(mfa.Remediation.Ko);
        await Assertions.Expect(group.Locator(".finding-table tbody tr td p").First).ToHaveTextAsync(report.Findings.First(f => f.Check.Id == "console_mfa_enabled").Message.Ko);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AuditReports.OutputDirectory, "sample-ko.png"), FullPage = true });

        await page.ClickAsync("#language-toggle");
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        Assert.Equal(mfa.Remediation.En, await group.Locator(".check-text .remediation").TextContentAsync());
        probe.AssertClean();
    }

    [SkippableFact]
    public async Task A_report_written_with_lang_ko_opens_in_korean()
    {
        Skip.IfNot(ChromiumBrowser.Available, ChromiumBrowser.SkipReason);
        await using var probe = await browser.OpenAsync(AuditReports.SampleHtmlKorean);
        var page = probe.Page;
        Assert.Equal("ko", await page.GetAttributeAsync("html", "lang"));
        Assert.StartsWith("IamHarden 감사 보고서", await page.TitleAsync());
        Assert.Equal("위험", await page.TextContentAsync("#severity-counts [data-severity='critical'] .count-label"));
        Assert.Equal("English", await page.TextContentAsync("#language-toggle"));
        probe.AssertClean();
    }

    private static int CheckCountWithFindings(JsonElement json) =>
        json.GetProperty("checks").EnumerateArray().Count(c => c.GetProperty("findings").GetInt32() > 0);
}
