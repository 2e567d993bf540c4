using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using IamHarden.Core.Catalog;

namespace IamHarden.Core.Tests.Catalog;

/// <summary>The segment-based glob matcher agrees with a regular expression on random patterns and texts.</summary>
public class LowercaseGlobTests
{
    private static Gen<string> Strings(params char[] alphabet) =>
        Gen.Elements(alphabet).ArrayOf().Select(chars => new string(chars));

    [Fact]
    public void Agrees_with_a_regular_expression()
    {
        var cases = Gen.Zip(Strings('a', 'b', ':', '*', '?'), Strings('a', 'b', ':')).ToArbitrary();
        Prop.ForAll(cases, pair =>
        {
            var (pattern, text) = pair;
            var regex = "^" + Regex.Escape(pattern).Replace("\\*", ".*").Replace("\\?", ".") + "$";
            return LowercaseGlob.Create(pattern).IsMatch(text) == Regex.IsMatch(text, regex, RegexOptions.Singleline);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(3_000));
    }

    [Theory]
    [InlineData("s3:get*", "s3:getobject", true)]
    [InlineData("*mfa*", "iam:enablemfadevice", true)]
    [InlineData("*a*a*", "a", false)]
    [InlineData("a*b*a", "aba", true)]
    [InlineData("a*b*a", "ab", false)]
    [InlineData("", "", true)]
    [InlineData("?", "", false)]
    public void Matches_examples(string pattern, string text, bool expected) =>
        Assert.Equal(expected, LowercaseGlob.Create(pattern).IsMatch(text));

    [Fact]
    public void Longest_literal_piece_is_what_every_match_contains()
    {
        Assert.Equal("accesskey", LowercaseGlob.Create("iam:*accesskey*").LongestLiteralPiece);
        Assert.Equal("", LowercaseGlob.Create("*?*").LongestLiteralPiece);
    }
}
