using System.Text.Json.Nodes;
using IamHarden.Core.Evaluation;
using IamHarden.Core.Policy;
using Xunit.Abstractions;

namespace IamHarden.Core.Tests.Evaluation;

/// <summary>
/// Loads the conformance fixtures (tests/fixtures/conformance, copied next to the test assembly):
/// the spec's §10.3 table (spec-cases.json), cases the spec states in prose (extra-cases.json) and
/// the named seed policies of §10.2 (seeds.json), and turns one case into the evaluator's inputs.
/// </summary>
public static class ConformanceFixtures
{
    public const string SpecCasesFile = "spec-cases.json";
    public const string ExtraCasesFile = "extra-cases.json";
    public const string SeedsFile = "seeds.json";

    /// <summary>The caller when a case names none (spec §10.1).</summary>
    public const string DefaultPrincipal = "arn:aws:iam::111122223333:user/alice";

    public static readonly string[] Outcomes = ["allowed", "explicitDeny", "implicitDeny", "error"];

    private static readonly Lazy<IReadOnlyDictionary<string, IReadOnlyList<ConformanceCase>>> Files = new(() =>
        new[] { SpecCasesFile, ExtraCasesFile }.ToDictionary(f => f, f => (IReadOnlyList<ConformanceCase>)LoadCases(f)));

    private static readonly Lazy<IReadOnlyDictionary<string, string>> SeedTexts = new(() =>
        JsonNode.Parse(File.ReadAllText(PathOf(SeedsFile)))!.AsObject()
            .ToDictionary(kv => kv.Key, kv => kv.Value!.ToJsonString()));

    public static string Directory => Path.Combine(AppContext.BaseDirectory, "fixtures", "conformance");

    public static string PathOf(string fileName) => Path.Combine(Directory, fileName);

    /// <summary>Every case of one fixture file, in file order.</summary>
    public static IReadOnlyList<ConformanceCase> Cases(string fileName) => Files.Value[fileName];

    /// <summary>The seed policies by name (ALLOW-S3, MFA-SEED, ...), as JSON text.</summary>
    public static IReadOnlyDictionary<string, string> Seeds => SeedTexts.Value;

    public static ConformanceCase Get(ConformanceRow row) =>
        Cases(row.File).Single(c => c.Id == row.Id);

    /// <summary>One theory row per case of both files (the display name shows the id).</summary>
    public static IEnumerable<ConformanceRow> AllRows() =>
        new[] { SpecCasesFile, ExtraCasesFile }.SelectMany(f => Cases(f).Select(c => new ConformanceRow(f, c.Id)));

    private static List<ConformanceCase> LoadCases(string fileName)
    {
        var array = JsonNode.Parse(File.ReadAllText(PathOf(fileName)))!.AsArray();
        return array.Select(n => ConformanceCase.FromJson(n!.AsObject(), fileName)).ToList();
    }

    /// <summary>
    /// The text of one policy entry: "$NAME" is a seed; an object with "$text" is that exact text
    /// (duplicate keys, bad JSON, ...); any other object is the policy itself.
    /// </summary>
    public static string PolicyText(JsonNode node)
    {
        if (node is JsonValue v && v.TryGetValue<string>(out var s))
        {
            if (!s.StartsWith('$')) throw new InvalidDataException($"a policy reference must look like \"$NAME\"; found \"{s}\"");
            return Seeds.TryGetValue(s[1..], out var seed) ? seed : throw new InvalidDataException($"unknown seed policy \"{s}\"");
        }
        if (node is JsonObject o && o.TryGetPropertyValue("$text", out var text)) return text!.GetValue<string>();
        return node.ToJsonString();
    }

    /// <summary>Parses every policy of a case with its kind and builds the policy set and the request.</summary>
    public static BuiltCase Build(ConformanceCase c)
    {
        var errors = new List<string>();
        var codes = new List<string>();
        CompiledPolicy? Compile(JsonNode? node, PolicyKind kind, string name)
        {
            if (node is null) return null;
            var result = PolicyParser.Parse(PolicyText(node), name, kind);
            if (result.HasErrors || result.Document is null)
            {
                errors.AddRange(result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => $"{name}: {d.Code} {d.Message}"));
                codes.AddRange(result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Code));
                return null;
            }
            return CompiledPolicy.Compile(result.Document, name);
        }
        List<CompiledPolicy> CompileAll(string member, PolicyKind kind) =>
            (c.Policies[member] as JsonArray ?? []).Select((n, i) => Compile(n, kind, $"{c.Id}/{member}[{i}]")).OfType<CompiledPolicy>().ToList();

        var identity = CompileAll("identity", PolicyKind.Identity);
        var boundary = Compile(c.Policies["boundary"], PolicyKind.PermissionsBoundary, $"{c.Id}/boundary");
        var scps = CompileAll("scp", PolicyKind.ServiceControl);
        var rcps = CompileAll("rcp", PolicyKind.ResourceControl);
        var session = Compile(c.Policies["session"], PolicyKind.Session, $"{c.Id}/session");
        var resource = Compile(c.Policies["resource"], PolicyKind.Resource, $"{c.Id}/resource");

        var set = new PolicySet
        {
            Identity = identity,
            PermissionsBoundary = boundary,
            // All "scp" documents of a case form ONE level of the organization.
            ServiceControlPolicyLevels = scps.Count == 0 ? [] : [scps],
            ResourceControlPolicies = rcps,
            SessionPolicy = session,
            ResourcePolicy = resource,
        };
        var request = new AuthorizationRequest(PrincipalIdentity.Parse(c.Principal), c.Action, c.Resource, c.Context())
        {
            ResourceAccount = c.ResourceAccount,
        };
        return new BuiltCase(set, request, errors) { ParseErrorCodes = codes };
    }
}

/// <summary>One conformance case as written in the fixture.</summary>
public sealed record ConformanceCase(
    string File,
    string Id,
    string Why,
    string Source,
    string Principal,
    string? ResourceAccount,
    JsonObject Policies,
    string Action,
    string Resource,
    JsonObject ContextJson,
    string Expected)
{
    /// <summary>For an "error" case: the parser's error code it must fail with, or REQUEST_ERROR for an unusable context value.</summary>
    public string? ErrorCode { get; init; }

    /// <summary>The code of a case that fails because the evaluator cannot read a context value (spec §5.9).</summary>
    public const string RequestError = "REQUEST_ERROR";

    public static ConformanceCase FromJson(JsonObject o, string file)
    {
        string Required(JsonObject obj, string name) =>
            obj[name]?.GetValue<string>() ?? throw new InvalidDataException($"{file}: a case lacks \"{name}\": {obj.ToJsonString()}");
        var request = o["request"]?.AsObject() ?? throw new InvalidDataException($"{file}: a case lacks \"request\"");
        return new ConformanceCase(
            file,
            Required(o, "id"),
            Required(o, "why"),
            Required(o, "source"),
            o["principal"]?.GetValue<string>() ?? ConformanceFixtures.DefaultPrincipal,
            o["resourceAccount"]?.GetValue<string>(),
            o["policies"]?.AsObject() ?? [],
            Required(request, "action"),
            Required(request, "resource"),
            request["context"]?.AsObject() ?? [],
            Required(o, "expected"))
        {
            ErrorCode = o["errorCode"]?.GetValue<string>(),
        };
    }

    /// <summary>Exactly the listed keys (spec §10.1); JSON arrays become multivalued entries.</summary>
    public RequestContext Context()
    {
        var context = new RequestContext();
        foreach (var (key, value) in ContextJson)
        {
            if (value is JsonArray list) context.SetList(key, list.Select(Scalar));
            else context.Set(key, Scalar(value));
        }
        return context;
    }

    private static string Scalar(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v when v.TryGetValue<bool>(out var b) => b ? "true" : "false",
        JsonValue v => v.ToJsonString(),
        _ => throw new InvalidDataException($"a context value must be a string, a scalar or an array; found {node?.ToJsonString() ?? "null"}"),
    };

    public override string ToString() => Id;
}

/// <summary>The evaluator's inputs for one case, or the parser's errors.</summary>
public sealed record BuiltCase(PolicySet Policies, AuthorizationRequest Request, IReadOnlyList<string> ParseErrors)
{
    /// <summary>The codes of <see cref="ParseErrors"/>.</summary>
    public IReadOnlyList<string> ParseErrorCodes { get; init; } = [];

    public bool HasParseErrors => ParseErrors.Count > 0;
}

/// <summary>A theory row: which file and which case. Serializable so every case is its own test; shows as its id.</summary>
public sealed class ConformanceRow : IXunitSerializable
{
    public ConformanceRow() { }

    public ConformanceRow(string file, string id)
    {
        File = file;
        Id = id;
    }

    public string File { get; private set; } = "";
    public string Id { get; private set; } = "";

    public void Deserialize(IXunitSerializationInfo info)
    {
        File = info.GetValue<string>(nameof(File));
        Id = info.GetValue<string>(nameof(Id));
    }

    public void Serialize(IXunitSerializationInfo info)
    {
        info.AddValue(nameof(File), File);
        info.AddValue(nameof(Id), Id);
    }

    public override string ToString() => Id;
}
