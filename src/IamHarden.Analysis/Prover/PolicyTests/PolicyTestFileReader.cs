using System.Globalization;
using IamHarden.Analysis.Prover.Properties;
using IamHarden.Analysis.Snapshot;
using IamHarden.Core.Evaluation;
using IamHarden.Core.Policy;
using IamHarden.Core.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace IamHarden.Analysis.Prover.PolicyTests;

/// <summary>
/// Reads a policy test file strictly: every key must be known (did-you-mean for typos), every
/// policy name defined, every property, decision and context value valid, every policy file a
/// valid policy — and every error says file, line and column.
/// </summary>
public static class PolicyTestFileReader
{
    private const string AwsManagedPrefix = "arn:aws:iam::aws:policy/";

    public static PolicyTestFile Read(string path)
    {
        if (!File.Exists(path)) throw new PolicyTestFileException($"{path}: no such policy test file");
        return Parse(File.ReadAllText(path), path, Path.GetDirectoryName(Path.GetFullPath(path))!);
    }

    public static PolicyTestFile Parse(string yaml, string fileName, string baseDirectory)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            throw new PolicyTestFileException($"{fileName}:{ex.Start.Line}:{ex.Start.Column}: invalid YAML: {ex.Message.Split('\n')[0]}");
        }
        if (stream.Documents.Count == 0) throw new PolicyTestFileException($"{fileName}:1:1: the file is empty; expected policies and requests or properties");
        return new Reader(fileName, baseDirectory).File(stream.Documents[0].RootNode);
    }

    private sealed class Reader(string file, string baseDirectory)
    {
        private readonly Dictionary<string, CompiledPolicy> _policies = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _sources = new(StringComparer.Ordinal);
        private PolicyTestTarget _defaults = new([], null, [], null);
        private TimeSpan _timeout = TimeSpan.FromSeconds(30);

        private PolicyTestFileException Error(YamlNode node, string message) => new($"{file}:{node.Start.Line}:{node.Start.Column}: {message}");

        public PolicyTestFile File(YamlNode root)
        {
            var entries = Mapping(root, "the test file", ["policies", "defaults", "requests", "properties", "timeout"]).ToDictionary(e => e.Key, e => e.Value);
            if (!entries.TryGetValue("policies", out var policies)) throw Error(root, "the test file needs \"policies\": names for the policy files the cases use");
            foreach (var (key, value) in Mapping(policies, "policies", null)) _policies[key] = Policy(key, value);
            if (entries.TryGetValue("timeout", out var timeout)) _timeout = TimeSpan.FromSeconds(Number(timeout, "timeout", 0.1, 3600));
            if (entries.TryGetValue("defaults", out var defaults)) _defaults = Target(defaults, "defaults", _defaults, ["policies", "boundary", "scps", "principal"]).Target;
            var cases = new List<PolicyTestCase>();
            if (entries.TryGetValue("requests", out var requests)) cases.AddRange(Sequence(requests, "requests").Select(Request));
            if (entries.TryGetValue("properties", out var properties)) cases.AddRange(Sequence(properties, "properties").Select(Property));
            if (cases.Count == 0) throw Error(root, "the test file has no cases; add \"requests\" or \"properties\"");
            return new PolicyTestFile(file, _policies, cases) { Sources = _sources };
        }

        private CompiledPolicy Policy(string name, YamlNode node)
        {
            var reference = Scalar(node, $"policies.{name}");
            if (reference.StartsWith(AwsManagedPrefix, StringComparison.Ordinal))
            {
                var managed = BundledAwsManagedPolicies.Find(reference) ?? throw Error(node, $"\"{reference}\" is not an AWS managed policy IamHarden knows");
                _sources[name] = reference;
                return CompiledPolicy.Compile(managed.Document, name);
            }
            var path = Path.IsPathRooted(reference) ? reference : Path.Combine(baseDirectory, reference);
            if (!System.IO.File.Exists(path)) throw Error(node, $"policies.{name}: no such policy file {reference} (paths are relative to the test file)");
            // Named as from the working directory (like the replay commands), so the error's file:line:column opens.
            var shown = _sources[name] = Path.GetRelativePath(Environment.CurrentDirectory, path);
            var parsed = PolicyParser.Parse(System.IO.File.ReadAllBytes(path), shown);
            if (parsed.HasErrors)
            {
                var errors = parsed.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Format(shown)).ToList();
                throw new PolicyTestFileException(errors[0]) { Details = errors.Skip(1).ToList() };
            }
            return CompiledPolicy.Compile(parsed.Document!, name);
        }

        private sealed record TargetAndRest(PolicyTestTarget Target, Dictionary<string, YamlNode> Rest);

        private TargetAndRest Target(YamlNode node, string what, PolicyTestTarget inherited, string[] known)
        {
            var target = inherited;
            var rest = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
            foreach (var (key, value) in Mapping(node, what, known))
            {
                switch (key)
                {
                    case "policies": target = target with { Policies = Names(value, $"{what}.policies") }; break;
                    case "boundary": target = target with { Boundary = Name(value, $"{what}.boundary") }; break;
                    case "scps": target = target with { Scps = Names(value, $"{what}.scps") }; break;
                    case "principal":
                        var arn = Scalar(value, $"{what}.principal");
                        try { ProverPrincipal.User(arn); }
                        catch (FormatException ex) { throw Error(value, $"{what}.principal: {ex.Message}"); }
                        target = target with { Principal = arn };
                        break;
                    default: rest[key] = value; break;
                }
            }
            if (target.Policies.Count == 0) throw Error(node, $"{what}: no policies; give \"policies: [name, ...]\" here or under defaults");
            return new TargetAndRest(target, rest);
        }

        private static readonly string[] TargetKeys = ["policies", "boundary", "scps", "principal"];

        private RequestTestCase Request(YamlNode node, int index)
        {
            var what = $"requests[{index}]";
            var (target, rest) = Target(node, what, _defaults, [.. TargetKeys, "name", "action", "resource", "context", "expect"]);
            if (!rest.TryGetValue("action", out var action)) throw Error(node, $"{what}: needs \"action\", e.g. action: s3:GetObject");
            if (!rest.TryGetValue("expect", out var expect)) throw Error(node, $"{what}: needs \"expect\": allowed, explicitDeny, implicitDeny or denied");
            var actionText = Scalar(action, $"{what}.action");
            if (actionText.IndexOf(':') <= 0) throw Error(action, $"{what}.action: \"{actionText}\" is not an action; expected service:Action, e.g. s3:GetObject");
            var decision = Scalar(expect, $"{what}.expect") switch
            {
                "allowed" => ExpectedDecision.Allowed,
                "explicitDeny" => ExpectedDecision.ExplicitDeny,
                "implicitDeny" => ExpectedDecision.ImplicitDeny,
                "denied" => ExpectedDecision.Denied,
                var other => throw Error(expect, $"{what}.expect must be allowed, explicitDeny, implicitDeny or denied; found \"{other}\""
                    + (FuzzyMatch.Best(other, ["allowed", "explicitDeny", "implicitDeny", "denied"]) is { } near ? $"; did you mean \"{near}\"?" : "")),
            };
            var name = rest.TryGetValue("name", out var n) ? Scalar(n, $"{what}.name") : $"{actionText} is {Scalar(expect, "expect")}";
            var resource = rest.TryGetValue("resource", out var r) ? Scalar(r, $"{what}.resource") : "*";
            var context = rest.TryGetValue("context", out var c) ? Context(c, $"{what}.context") : new RequestContext();
            return new RequestTestCase(name, (int)node.Start.Line, (int)node.Start.Column, target, actionText, resource, context, decision);
        }

        private PropertyTestCase Property(YamlNode node, int index)
        {
            var what = $"properties[{index}]";
            var (target, rest) = Target(node, what, _defaults,
                [.. TargetKeys, "name", "property", "mustResetPassword", "allowServiceCalls", "allowVpcEndpointCalls", "anyUser", "context", "expect", "timeout"]);
            if (!rest.TryGetValue("property", out var propertyNode)) throw Error(node, $"{what}: needs \"property\", e.g. property: mfa");
            var options = new PropertyOptions
            {
                MustResetPassword = rest.TryGetValue("mustResetPassword", out var m) && Bool(m, $"{what}.mustResetPassword"),
                AllowServiceCalls = rest.TryGetValue("allowServiceCalls", out var s) && Bool(s, $"{what}.allowServiceCalls"),
                AllowVpcEndpointCalls = rest.TryGetValue("allowVpcEndpointCalls", out var v) && Bool(v, $"{what}.allowVpcEndpointCalls"),
            };
            var text = Scalar(propertyNode, $"{what}.property");
            VerificationProperty property;
            try
            {
                property = PropertyParser.Parse(text, options);
            }
            catch (PropertyParseException ex)
            {
                // The column inside the value, counted from where the value starts in the file.
                int quote = propertyNode is YamlScalarNode { Style: ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted } ? 1 : 0;
                throw new PolicyTestFileException($"{file}:{propertyNode.Start.Line}:{propertyNode.Start.Column + quote + ex.Column - 1}: {what}.property: {ex.Message}");
            }
            bool holds = true;
            if (rest.TryGetValue("expect", out var expect))
            {
                holds = Scalar(expect, $"{what}.expect") switch
                {
                    "holds" => true,
                    "fails" => false,
                    var other => throw Error(expect, $"{what}.expect must be holds or fails; found \"{other}\""),
                };
            }
            var name = rest.TryGetValue("name", out var n) ? Scalar(n, $"{what}.name") : text;
            var context = rest.TryGetValue("context", out var c) ? Context(c, $"{what}.context") : new RequestContext();
            var anyUser = rest.TryGetValue("anyUser", out var a) && Bool(a, $"{what}.anyUser");
            var timeout = rest.TryGetValue("timeout", out var t) ? TimeSpan.FromSeconds(Number(t, $"{what}.timeout", 0.1, 3600)) : _timeout;
            return new PropertyTestCase(name, (int)node.Start.Line, (int)node.Start.Column, target, property, context, anyUser, holds, timeout);
        }

        private RequestContext Context(YamlNode node, string what)
        {
            var context = new RequestContext();
            foreach (var (key, value) in Mapping(node, what, null))
            {
                if (value is YamlSequenceNode list) context.SetList(key, list.Children.Select(item => Scalar(item, $"{what}.{key} entry")).ToList());
                else context.Set(key, Scalar(value, $"{what}.{key}"));
            }
            return context;
        }

        private IReadOnlyList<string> Names(YamlNode node, string what)
        {
            if (node is YamlScalarNode) return [Name(node, what)];
            if (node is not YamlSequenceNode sequence) throw Error(node, $"{what} must be a list of policy names, e.g. [force-mfa, admin]");
            return sequence.Children.Select(c => Name(c, what + " entry")).ToList();
        }

        private string Name(YamlNode node, string what)
        {
            var name = Scalar(node, what);
            if (_policies.ContainsKey(name)) return name;
            var nearest = FuzzyMatch.Best(name, _policies.Keys, Math.Max(2, name.Length / 2));
            throw Error(node, $"{what}: no policy named \"{name}\" under policies" + (nearest is null ? $"; the names are {string.Join(", ", _policies.Keys)}" : $"; did you mean \"{nearest}\"?"));
        }

        private IEnumerable<(string Key, YamlNode Value)> Mapping(YamlNode node, string what, string[]? known)
        {
            if (node is not YamlMappingNode mapping) throw Error(node, $"{what} must be a mapping of keys to values");
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (keyNode, value) in mapping.Children)
            {
                var key = keyNode is YamlScalarNode { Value: { } k } ? k : throw Error(keyNode, $"{what}: keys must be plain text");
                if (known is not null && !known.Contains(key))
                {
                    var nearest = FuzzyMatch.Best(key, known, Math.Max(2, key.Length / 2));
                    throw Error(keyNode, $"unknown key \"{key}\" in {what}" + (nearest is null ? $"; valid keys: {string.Join(", ", known)}" : $"; did you mean \"{nearest}\"?"));
                }
                if (!seen.Add(key)) throw Error(keyNode, $"\"{key}\" appears twice in {what}");
                yield return (key, value);
            }
        }

        private IEnumerable<YamlNode> Sequence(YamlNode node, string what) =>
            node is YamlSequenceNode sequence ? sequence.Children : throw Error(node, $"{what} must be a list (each entry starting with \"- \")");

        private string Scalar(YamlNode node, string what) =>
            node is YamlScalarNode { Value: { } v } ? v : throw Error(node, $"{what} must be a single value");

        private bool Bool(YamlNode node, string what) => Scalar(node, what) switch
        {
            "true" => true,
            "false" => false,
            var other => throw Error(node, $"{what} must be true or false; found \"{other}\""),
        };

        private double Number(YamlNode node, string what, double min, double max)
        {
            var text = Scalar(node, what);
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
                throw Error(node, $"{what} must be a number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}; found \"{text}\"");
            return value;
        }
    }
}
