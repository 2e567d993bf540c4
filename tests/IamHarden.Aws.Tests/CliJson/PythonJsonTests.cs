using System.Text.Json.Nodes;
using IamHarden.Aws.CliJson;

namespace IamHarden.Aws.Tests.CliJson;

/// <summary>The CLI's JSON is Python's json module; these pin the places where .NET's defaults would differ.</summary>
public sealed class PythonJsonTests
{
    [Theory]
    [InlineData("3600", "3600")]
    [InlineData("-0", "0")]
    [InlineData("123456789012345678901234567890", "123456789012345678901234567890")]
    [InlineData("1.0", "1.0")]
    [InlineData("1.50", "1.5")]
    [InlineData("1e5", "100000.0")]
    [InlineData("1E16", "1e+16")]
    [InlineData("12345678901234567.0", "1.2345678901234568e+16")]
    [InlineData("0.0001", "0.0001")]
    [InlineData("0.00001", "1e-05")]
    [InlineData("-2.5e-7", "-2.5e-07")]
    [InlineData("0.1", "0.1")]
    [InlineData("-0.0", "-0.0")]
    public void Numbers_print_as_python_prints_them(string literal, string python) =>
        Assert.Equal(python, PythonNumber.FormatLiteral(literal));

    [Fact]
    public void Strings_escape_only_what_python_escapes()
    {
        var text = PythonJsonWriter.Serialize(JsonValue.Create("é \"q\" \\ / <&> \n\t\u0001\u007f 보안"));
        Assert.Equal("\"é \\\"q\\\" \\\\ / <&> \\n\\t\\u0001\u007f 보안\"\n", text);
    }

    [Fact]
    public void Layout_is_four_space_indent_with_empty_containers_inline()
    {
        var node = JsonNode.Parse("""{"a":[],"b":{},"c":[1,{"d":true,"e":null}]}""");
        Assert.Equal(File.ReadAllText(Infrastructure.TestEnvironment.Fixture("CliJson/layout.json")), PythonJsonWriter.Serialize(node));
    }

    [Fact]
    public void A_repeated_key_keeps_its_first_position_and_its_last_value()
    {
        Assert.True(PythonJsonReader.TryParse("""{"a":1,"b":2,"a":3}""", out var node));
        Assert.Equal("{\n    \"a\": 3,\n    \"b\": 2\n}\n", PythonJsonWriter.Serialize(node));
    }

    [Fact]
    public void Policy_documents_decode_plus_literally_and_stay_strings_when_not_json()
    {
        var decoded = PolicyDocumentDecoder.Decode("%7B%22Resource%22%3A%22arn%3Aaws%3As3%3A%3A%3Aa+b%22%7D");
        Assert.Equal("arn:aws:s3:::a+b", (string?)decoded["Resource"]);

        var broken = PolicyDocumentDecoder.Decode("%7Bnot-json");
        Assert.Equal("%7Bnot-json", broken.GetValue<string>());
    }

    [Theory]
    [InlineData("2023-04-01T10:00:00Z", "2023-04-01T10:00:00+00:00")]
    [InlineData("2026-12-03T19:10:29.162294Z", "2026-12-03T19:10:29.162294+00:00")]
    [InlineData("2026-12-03T19:10:29.1Z", "2026-12-03T19:10:29.100000+00:00")]
    [InlineData("2026-12-03T19:10:29.000Z", "2026-12-03T19:10:29+00:00")]
    [InlineData("2026-12-03T19:10:29.1234567Z", "2026-12-03T19:10:29.123456+00:00")]
    [InlineData("2026-12-03T19:10:29+09:00", "2026-12-03T19:10:29+09:00")]
    [InlineData("2026-12-03T19:10:29", "2026-12-03T19:10:29")]
    [InlineData("not a date", "not a date")]
    public void Timestamps_format_as_python_isoformat(string wire, string expected) =>
        Assert.Equal(expected, PythonIsoTimestamp.Format(wire));
}
