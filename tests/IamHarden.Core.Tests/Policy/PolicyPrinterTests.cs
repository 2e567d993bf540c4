using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using IamHarden.Core.Policy;

namespace IamHarden.Core.Tests.Policy;

/// <summary>
/// PolicyPrinter writes canonical JSON (documented element order, two-space indentation,
/// condition values as strings) and parsing what it writes gives back the same document.
/// </summary>
public class PolicyPrinterTests
{
    private static PolicyDocument Parse(string text, PolicyKind kind, string name = "p.json")
    {
        var result = PolicyParser.Parse(text, name, kind);
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics.Select(d => d.Format(name))) + "\n" + text);
        return result.Document!;
    }

    [Fact]
    public void Prints_the_canonical_form()
    {
        var doc = Parse(File.ReadAllText(Fixtures.File("policies", "grammar", "every-element.json")), PolicyKind.Resource);
        Assert.Equal(File.ReadAllText(Fixtures.File("policies", "grammar", "every-element.canonical.json")), PolicyPrinter.Print(doc));
    }

    [Fact]
    public void The_canonical_form_does_not_depend_on_layout_or_member_order()
    {
        var canonical = File.ReadAllText(Fixtures.File("policies", "grammar", "every-element.canonical.json"));
        var node = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Fixtures.File("policies", "grammar", "every-element.json")))!;
        // Same policy, minified, with the elements of the policy, its statements and principals in
        // reverse order (condition operators and keys keep the author's order by design).
        var reversed = Reverse(node, depth: 0).ToJsonString();
        Assert.Equal(canonical, PolicyPrinter.Print(Parse(reversed, PolicyKind.Resource)));
        Assert.Equal(canonical, PolicyPrinter.Print(Parse(canonical, PolicyKind.Resource)));
    }

    [Fact]
    public void Text_that_needs_escaping_survives_a_round_trip()
    {
        var values = new[] { "a\"b", "back\\slash", "tab\t", "nl\n", "\u0001", "</script>", "팀", "\U0001F511", "${aws:username}" };
        var json = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{\"k\":"
            + System.Text.Json.JsonSerializer.Serialize(values) + "}}}]}";
        var printed = PolicyPrinter.Print(Parse(json, PolicyKind.Identity));
        Assert.Equal(values, Parse(printed, PolicyKind.Identity).Statements[0].Conditions[0].Values.Select(v => v.Value));
        Assert.Contains("</script>", printed); // relaxed escaping: readable, and JSON is never embedded in HTML from here
    }

    [Fact]
    public void Compact_output_is_one_line_and_means_the_same()
    {
        var doc = Parse(File.ReadAllText(Fixtures.File("policies", "grammar", "every-element.json")), PolicyKind.Resource);
        var compact = PolicyPrinter.Print(doc, indented: false);
        Assert.DoesNotContain('\n', compact);
        Assert.Equal(PolicyShape.Of(doc), PolicyShape.Of(Parse(compact, PolicyKind.Resource)));
    }

    [Property(MaxTest = 500)]
    public Property Printer_round_trips_the_parser() =>
        Prop.ForAll(RandomDocuments.AnyDocument.ToArbitrary(), sample =>
        {
            var (kind, json) = sample;
            var document = Parse(json, kind, "generated.json");
            var printed = PolicyPrinter.Print(document);
            var reparsed = Parse(printed, kind, "printed.json");
            return (PolicyShape.Of(reparsed) == PolicyShape.Of(document)).Label("same document after a round trip")
                .And((PolicyPrinter.Print(reparsed) == printed).Label("printing is idempotent"));
        });

    private static System.Text.Json.Nodes.JsonNode Reverse(System.Text.Json.Nodes.JsonNode node, int depth, string? name = null) => node switch
    {
        System.Text.Json.Nodes.JsonObject o when name != "Condition" => new System.Text.Json.Nodes.JsonObject(
            o.Reverse().Select(kv => KeyValuePair.Create(kv.Key, (System.Text.Json.Nodes.JsonNode?)Reverse(kv.Value!, depth + 1, kv.Key)))),
        System.Text.Json.Nodes.JsonArray a when name == "Statement" => new System.Text.Json.Nodes.JsonArray(
            a.Select(i => (System.Text.Json.Nodes.JsonNode?)Reverse(i!, depth + 1)).ToArray()),
        _ => node.DeepClone(),
    };
}
