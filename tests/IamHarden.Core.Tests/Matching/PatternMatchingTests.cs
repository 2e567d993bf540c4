using System.Text;
using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using IamHarden.Core.Matching;

namespace IamHarden.Core.Tests.Matching;

/// <summary>
/// The glob and ARN matchers against a reference written straight from the spec as regular
/// expressions (spec §3 for globs, §4.1 and §4.2 for ARNs), on random patterns and inputs built
/// from the characters that matter (* ? : / and letters), plus hostile patterns that would make a
/// backtracking matcher take exponential time.
/// </summary>
public class PatternMatchingTests
{
    private static readonly Gen<string> PatternText = Gen.ListOf(Gen.Elements('a', 'b', 'A', ':', '/', '*', '?'))
        .Select(chars => new string([.. chars.Take(12)]));
    private static readonly Gen<string> InputText = Gen.ListOf(Gen.Elements('a', 'b', 'A', ':', '/'))
        .Select(chars => new string([.. chars.Take(14)]));

    /// <summary>Spec §3: * any run (also empty), ? exactly one character, the rest literal.</summary>
    private static Regex GlobReference(string pattern, bool ignoreCase)
    {
        var regex = new StringBuilder("^");
        foreach (var c in pattern) regex.Append(c switch { '*' => ".*", '?' => ".", _ => Regex.Escape(c.ToString()) });
        return new Regex(regex.Append('$').ToString(), RegexOptions.Singleline | (ignoreCase ? RegexOptions.IgnoreCase | RegexOptions.CultureInvariant : 0));
    }

    /// <summary>
    /// Spec §4.1 (Resource element) and §4.2 (ARN conditions): before the fifth colon a wildcard
    /// never matches a colon — except, in the Resource element, a * that is the last character of
    /// its component; after it, * and ? match anything.
    /// </summary>
    private static Regex ArnReference(string pattern, bool resourceElement)
    {
        var regex = new StringBuilder("^");
        int colons = 0;
        for (int i = 0; i < pattern.Length; i++)
        {
            char c = pattern[i];
            bool inPrefix = colons < 5;
            if (c == '*')
            {
                bool lastOfComponent = i + 1 == pattern.Length || pattern[i + 1] == ':';
                regex.Append(inPrefix && !(resourceElement && lastOfComponent) ? "[^:]*" : ".*");
            }
            else if (c == '?') regex.Append(inPrefix ? "[^:]" : ".");
            else
            {
                regex.Append(Regex.Escape(c.ToString()));
                if (c == ':') colons++;
            }
        }
        return new Regex(regex.Append('$').ToString(), RegexOptions.Singleline);
    }

    [Property(MaxTest = 2000)]
    public Property Globs_match_as_the_spec_says() =>
        Prop.ForAll(PatternText.ToArbitrary(), InputText.ToArbitrary(), ArbMap.Default.ArbFor<bool>(), (pattern, input, ignoreCase) =>
            WildcardPattern.Glob(pattern, ignoreCase).IsMatch(input) == GlobReference(pattern, ignoreCase).IsMatch(input));

    [Property(MaxTest = 2000)]
    public Property Resource_element_ARNs_match_as_the_spec_says() =>
        Prop.ForAll(PatternText.ToArbitrary(), InputText.ToArbitrary(), (pattern, input) =>
        {
            var arnPattern = "arn:" + pattern;
            var arn = "arn:" + input;
            return ArnPatternCompiler.ForResourceElement(arnPattern).IsMatch(arn) == ArnReference(arnPattern, resourceElement: true).IsMatch(arn);
        });

    [Property(MaxTest = 2000)]
    public Property Condition_ARNs_match_as_the_spec_says() =>
        Prop.ForAll(PatternText.ToArbitrary(), InputText.ToArbitrary(), (pattern, input) =>
        {
            var arnPattern = "arn:" + pattern;
            var arn = "arn:" + input;
            return ArnPatternCompiler.ForCondition(arnPattern).IsMatch(arn) == ArnReference(arnPattern, resourceElement: false).IsMatch(arn);
        });

    [Theory]
    [InlineData("arn:aws:s3:::b/*", "arn:aws:s3:::b/a/b/c.txt", true)]
    [InlineData("arn:aws:s3:::b/*", "arn:aws:s3:::b", false)]
    [InlineData("arn:aws:s3:*", "arn:aws:s3:::b/k", true)] // a trailing * of a component crosses colons (R16)
    [InlineData("arn:aws:logs:*:log-group:app:*", "arn:aws:logs:us-east-1:111122223333:log-group:app:log-stream:s1", true)] // R17
    [InlineData("arn:aws:iam::*:user/al?ce", "arn:aws:iam::111122223333:user/alice", true)]
    [InlineData("arn:aws:iam::*:user/Alice", "arn:aws:iam::111122223333:user/alice", false)] // case-sensitive
    [InlineData("arn:aws:ec2:us-east-?:*:instance/*", "arn:aws:ec2:us-east-1:1:instance/i-1", true)]
    [InlineData("arn:aws:ec2:us-east-?:*:instance/*", "arn:aws:ec2:us-east-:1:instance/i-1", false)]
    public void Resource_patterns_from_the_spec(string pattern, string arn, bool matches) =>
        Assert.Equal(matches, ArnPatternCompiler.ForResourceElement(pattern).IsMatch(arn));

    [Fact]
    public void ArnLike_never_crosses_a_colon_before_the_resource_part()
    {
        // Spec §4.2, the docs' example: StringLike would match, ArnLike does not.
        const string pattern = "arn:aws:someservice:*:111122223333:finance/*";
        const string arn = "arn:aws:someservice:us-east-2:999999999999:store/abc:111122223333:finance/document.txt";
        Assert.False(ArnPatternCompiler.ForCondition(pattern).IsMatch(arn));
        Assert.True(WildcardPattern.Glob(pattern, ignoreCase: false).IsMatch(arn));
    }

    [Theory]
    [InlineData("*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b", false)]
    [InlineData("arn:*:*:*:*:*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b", true)]
    [InlineData("arn:a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a:*:*:*:*", true)]
    public async Task Hostile_patterns_finish_on_long_inputs(string pattern, bool asArn)
    {
        // 100,000 'a's and no 'b': a backtracking matcher would need about 100,000^20 steps.
        var input = (asArn ? "arn:" : "") + new string('a', 100_000);
        var matcher = asArn ? ArnPatternCompiler.ForResourceElement(pattern) : WildcardPattern.Glob(pattern, ignoreCase: true);
        // A guard against a hang, not a timing assertion: any linear-time matcher is far inside it.
        Assert.False(await Task.Run(() => matcher.IsMatch(input)).WaitAsync(TimeSpan.FromMinutes(1)));
    }
}
