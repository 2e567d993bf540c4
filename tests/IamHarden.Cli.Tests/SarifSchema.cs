using System.Text.Json;
using Json.Schema;

namespace IamHarden.Cli.Tests;

/// <summary>The official SARIF 2.1.0 schema (tests/fixtures/sarif) and a check that a document conforms to it.</summary>
public static class SarifSchema
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromText(File.ReadAllText(Path.Combine(CliProcess.Fixtures, "sarif", "sarif-schema-2.1.0.json"))));

    public static void AssertValid(string sarif)
    {
        using var document = JsonDocument.Parse(sarif);
        var result = Schema.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        var errors = (result.Details ?? []).Where(d => d.Errors is { Count: > 0 }).Select(d => $"{d.InstanceLocation}: {string.Join("; ", d.Errors!.Values)}");
        Assert.True(result.IsValid, "not valid SARIF 2.1.0:\n" + string.Join("\n", errors.Take(20)));
    }
}
