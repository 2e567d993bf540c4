using System.Text.Json;
using IamHarden.Core.Policy;

namespace IamHarden.Core.Tests.Policy;

/// <summary>
/// Bad input (issue: "Malformed JSON, wrong types, unknown operators, malformed CIDRs or dates,
/// empty files, deeply nested arrays, invalid UTF-8"): each file in tests/fixtures/policies/invalid
/// must give its expected error code at its expected position, never an exception.
/// </summary>
public class InvalidPolicyTests
{
    public sealed record Expectation(string File, string Code, int Line, int Column, string Message);

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var e in Load()) data.Add(e.File);
        return data;
    }

    private static List<Expectation> Load() =>
        JsonSerializer.Deserialize<List<Expectation>>(System.IO.File.ReadAllText(Fixtures.File("policies", "invalid", "manifest.json")),
            new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reports_positioned_error(string file)
    {
        var expected = Load().Single(e => e.File == file);
        var bytes = System.IO.File.ReadAllBytes(Fixtures.File("policies", "invalid", file));

        var result = PolicyParser.Parse(bytes, file);

        Assert.True(result.HasErrors, "expected the policy to be rejected");
        var error = result.Diagnostics.FirstOrDefault(d => d.Code == expected.Code);
        Assert.True(error is not null, $"expected {expected.Code}; got {string.Join("; ", result.Diagnostics.Select(d => d.Format(file)))}");
        Assert.Equal((expected.Line, expected.Column), (error.Span.Line, error.Span.Column));
        Assert.Contains(expected.Message, error.Message);
    }

    [Fact]
    public void A_50_MB_policy_is_parsed_without_hanging_and_rejected_for_its_content()
    {
        // 50 MB of a single Action array: valid JSON, so the parser must get through it quickly.
        var actions = string.Join(",", Enumerable.Repeat("\"s3:GetObject\"", 50 * 1024 * 1024 / 15));
        var json = $"{{\"Version\":\"2012-10-17\",\"Statement\":[{{\"Effect\":\"Allow\",\"Action\":[{actions}],\"Resource\":\"x\"}}]}}";
        var result = PolicyParser.Parse(json, "big.json");
        Assert.Contains(result.Diagnostics, d => d.Code == ParseErrorCodes.InvalidArn);
    }
}
