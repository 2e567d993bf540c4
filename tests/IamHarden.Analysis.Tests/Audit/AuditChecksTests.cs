using System.Text.RegularExpressions;
using IamHarden.Analysis.Audit;

namespace IamHarden.Analysis.Tests.Audit;

/// <summary>The registry of checks: exactly the issue's ids, one class per check, complete metadata.</summary>
public class AuditChecksTests
{
    /// <summary>The ids issue 5 asks for, verbatim: reports, configs (--checks) and CI pipelines depend on them.</summary>
    private static readonly string[] IssueIds =
    [
        "root_mfa_enabled", "root_hardware_mfa", "root_access_keys_absent", "root_recently_used",
        "console_mfa_enabled", "console_mfa_enforced", "mfa_enrollment_blocked", "ip_restriction_enforced",
        "ip_allowlist_too_broad", "ip_restriction_breaks_service_calls", "break_glass_missing", "break_glass_misconfigured",
        "policy_attached_to_user", "automation_user", "console_and_api_keys", "credentials_unused",
        "access_key_not_rotated", "multiple_active_keys", "password_policy_weak", "full_admin_policy",
    ];

    [Fact]
    public void The_checks_are_exactly_the_ones_the_issue_names()
    {
        var ids = AuditChecks.All.Select(c => c.Metadata.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(IssueIds.Order(), ids.Order());
    }

    [Fact]
    public void Each_check_is_one_class_named_after_its_id()
    {
        foreach (var check in AuditChecks.All)
        {
            var pascal = string.Concat(check.Metadata.Id.Split('_').Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
            Assert.Equal(pascal, check.GetType().Name);
        }
    }

    [Fact]
    public void Every_check_has_complete_metadata_in_english_and_korean()
    {
        var hangul = new Regex(@"\p{IsHangulSyllables}");
        foreach (var m in AuditChecks.All.Select(c => c.Metadata))
        {
            foreach (var text in new[] { m.Title, m.Risk, m.Remediation })
            {
                Assert.False(string.IsNullOrWhiteSpace(text.En), m.Id);
                Assert.True(hangul.IsMatch(text.Ko), $"{m.Id}: the Korean text is not Korean: {text.Ko}");
            }
            Assert.False(string.IsNullOrWhiteSpace(m.Logic), m.Id);
            Assert.False(string.IsNullOrWhiteSpace(m.FixCommand), m.Id);
            Assert.Contains(m.GuideSection, new[] { "2", "3", "4", "5", "6" });
            Assert.NotEmpty(m.IsmsP);
            Assert.All(m.IsmsP, control => Assert.NotNull(IsmsPControls.Name(control)));
            Assert.All(m.Cis.Keys, version => Assert.Contains(version, new[] { "3.0", "7.0" }));
            Assert.All(m.Cis.Values.SelectMany(v => v), id => Assert.Matches(@"^\d+\.\d+$", id));
            Assert.Contains(m.Subject, new[] { "user", "account", "managed policy" });
        }
    }

    /// <summary>
    /// The CIS AWS Foundations Benchmark recommendation numbers, as published for v3.0.0 (section 1,
    /// Identity and Access Management) and v7.0.0 (section 2; v7.0 has no "one active key" or
    /// "no access keys at initial setup" recommendation any more). Checked against the benchmarks'
    /// recommendation lists as reproduced in prowler's compliance mappings (cis_3.0_aws.json,
    /// cis_7.0_aws.json): the numbering moves every release, so it is pinned here.
    /// </summary>
    [Theory]
    [InlineData("root_access_keys_absent", "1.4", "2.4")]
    [InlineData("root_mfa_enabled", "1.5", "2.5")]
    [InlineData("root_hardware_mfa", "1.6", "2.6")]
    [InlineData("root_recently_used", "1.7", "2.7")]
    [InlineData("password_policy_weak", "1.8,1.9", "2.8,2.9")]
    [InlineData("console_mfa_enabled", "1.10", "2.10")]
    [InlineData("console_mfa_enforced", "1.10", "2.10")]
    [InlineData("console_and_api_keys", "1.11", null)]
    [InlineData("credentials_unused", "1.12", "2.11")]
    [InlineData("multiple_active_keys", "1.13", null)]
    [InlineData("access_key_not_rotated", "1.14", "2.12")]
    [InlineData("policy_attached_to_user", "1.15", "2.13")]
    [InlineData("full_admin_policy", "1.16", "2.14")]
    public void Cis_ids_match_the_published_numbering(string check, string v30, string? v70)
    {
        var cis = AuditChecks.Find(check)!.Metadata.Cis;
        Assert.Equal(v30.Split(','), cis["3.0"]);
        if (v70 is null) Assert.False(cis.ContainsKey("7.0"));
        else Assert.Equal(v70.Split(','), cis["7.0"]);
    }

    [Fact]
    public void Checks_without_a_cis_recommendation_say_so_by_having_none()
    {
        var withCis = new[] { "root_access_keys_absent", "root_mfa_enabled", "root_hardware_mfa", "root_recently_used", "password_policy_weak",
            "console_mfa_enabled", "console_mfa_enforced", "console_and_api_keys", "credentials_unused", "multiple_active_keys",
            "access_key_not_rotated", "policy_attached_to_user", "full_admin_policy" };
        foreach (var m in AuditChecks.All.Select(c => c.Metadata).Where(m => !withCis.Contains(m.Id)))
            Assert.Empty(m.Cis);
    }
}
