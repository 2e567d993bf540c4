using IamHarden.Core.Catalog;

namespace IamHarden.Core.Tests.Catalog;

public class ActionExpansionTests
{
    private static ActionCatalog Catalog => ActionCatalog.Default;

    private static IEnumerable<string> Names(IEnumerable<ActionDefinition> actions) => actions.Select(a => a.FullName);

    [Fact]
    public void Star_is_every_action()
    {
        Assert.Equal(Catalog.AllActions.Length, Catalog.Expand("*").Length);
        Assert.Equal(Catalog.AllActions.Length, Catalog.Expand("*:*").Length);
        Assert.Equal(Catalog.AllActions.Length, Catalog.Expand("**").Length);
    }

    [Fact]
    public void Service_prefix_with_star_is_that_services_actions()
    {
        var iam = Catalog.Expand("iam:*");
        Assert.Equal(Catalog.FindService("iam")!.Actions.Length, iam.Length);
        Assert.All(iam, a => Assert.Equal("iam", a.Service.Prefix));
    }

    [Fact]
    public void Get_star_includes_GetObject_and_not_PutObject()
    {
        var names = Names(Catalog.Expand("s3:Get*")).ToHashSet();
        Assert.Contains("s3:GetObject", names);
        Assert.Contains("s3:GetBucketPolicy", names);
        Assert.DoesNotContain("s3:PutObject", names);
        Assert.All(names, n => Assert.StartsWith("s3:Get", n));
    }

    [Fact]
    public void Matching_ignores_case()
    {
        Assert.Equal(Names(Catalog.Expand("s3:Get*")), Names(Catalog.Expand("S3:gEt*")));
    }

    [Fact]
    public void Star_spans_the_colon_and_finds_names_anywhere()
    {
        var mfa = Names(Catalog.Expand("*Mfa*")).ToList();
        Assert.Contains("iam:EnableMFADevice", mfa);
        Assert.Contains("iam:ListVirtualMFADevices", mfa);
        Assert.All(mfa, n => Assert.Contains("mfa", n, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(Catalog.AllActions.Count(a => a.FullName.Contains("mfa", StringComparison.OrdinalIgnoreCase)), mfa.Count);
    }

    [Fact]
    public void Middle_wildcards_match()
    {
        var keys = Names(Catalog.Expand("iam:*AccessKey*")).ToList();
        Assert.Contains("iam:CreateAccessKey", keys);
        Assert.Contains("iam:ListAccessKeys", keys);
        Assert.Contains("iam:GetAccessKeyLastUsed", keys);
        Assert.All(keys, n => Assert.StartsWith("iam:", n));
    }

    [Fact]
    public void Question_mark_is_exactly_one_character()
    {
        Assert.Equal(["iam:GetUser"], Names(Catalog.Expand("iam:GetUse?")));
        Assert.Empty(Catalog.Expand("iam:GetUser?"));
        Assert.Contains("s3:GetObject", Names(Catalog.Expand("s?:GetObject")));
    }

    [Fact]
    public void Wildcards_in_the_service_part_match_several_services()
    {
        var services = Catalog.Expand("s3*:*").Select(a => a.Service.Prefix).Distinct().ToList();
        Assert.Contains("s3", services);
        Assert.Contains("s3express", services);
        Assert.All(services, s => Assert.StartsWith("s3", s));
    }

    [Fact]
    public void Literal_patterns_expand_to_the_action_or_nothing()
    {
        Assert.Equal(["iam:CreateUser"], Names(Catalog.Expand("IAM:CreateUser")));
        Assert.Empty(Catalog.Expand("iam:NoSuchAction"));
        Assert.Empty(Catalog.Expand("iam:Get*:*"));
        Assert.Empty(Catalog.Expand("nosuchservice:*"));
    }

    [Fact]
    public void Expansion_agrees_with_a_naive_matcher_on_whole_names()
    {
        string[] patterns = ["*Mfa*", "iam:*AccessKey*", "s3:Get*", "ec2:Describe*s", "*:List*", "sts:*", "?am:*User",
            "*Tag*Resource", "iam:???User", "*:*", "s3*:Get*", "*3:*Object", "iam:", "s3*:", "?3:get*", "*:*:*", "*mfa*device",
            "", "?", "*?", "i*m:c*u*r", "*:?", "s3:*Object*Tag*", "*:", ":*", "**:**", "*::*", ":"];
        foreach (var pattern in patterns)
        {
            var regex = new System.Text.RegularExpressions.Regex(
                "^" + System.Text.RegularExpressions.Regex.Escape(pattern).Replace("\\*", ".*").Replace("\\?", ".") + "$",
                System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.Singleline);
            var expected = Catalog.AllActions.Where(a => regex.IsMatch(a.FullName)).Select(a => a.FullName);
            Assert.Equal(expected, Names(Catalog.Expand(pattern)));
        }
    }

    [Fact]
    public void ExpandNot_is_the_complement()
    {
        var notIam = Catalog.ExpandNot(["iam:*"]);
        Assert.DoesNotContain(notIam, a => a.Service.Prefix == "iam");
        Assert.Equal(Catalog.AllActions.Length - Catalog.FindService("iam")!.Actions.Length, notIam.Length);

        var notMfaEnrolment = Catalog.ExpandNot(["iam:CreateVirtualMFADevice", "iam:EnableMFADevice", "sts:GetSessionToken"]);
        Assert.Equal(Catalog.AllActions.Length - 3, notMfaEnrolment.Length);
        Assert.Contains(notMfaEnrolment, a => a.FullName == "iam:CreateUser");
        Assert.DoesNotContain(notMfaEnrolment, a => a.FullName == "iam:EnableMFADevice");

        Assert.Empty(Catalog.ExpandNot(["*"]));
        Assert.Equal(Catalog.AllActions.Length, Catalog.ExpandNot([]).Length);
    }
}
