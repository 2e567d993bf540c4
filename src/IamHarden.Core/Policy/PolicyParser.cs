using System.Collections.Immutable;
using System.Text;
using IamHarden.Core.Policy.Syntax;
using IamHarden.Core.Text;
using IamHarden.Core.Values;

namespace IamHarden.Core.Policy;

/// <summary>
/// Reads an IAM policy document into the immutable <see cref="PolicyDocument"/> model and reports
/// every grammar error AWS would reject the policy for (spec §2): JSON syntax, duplicate keys,
/// unknown elements, wrong types, Version, Effect, Action/Resource/Principal combinations, Sids,
/// condition operators and condition values that cannot be parsed for their operator family.
/// </summary>
public static class PolicyParser
{
    private static readonly string[] TopLevelElements = ["Version", "Id", "Statement"];
    private static readonly string[] StatementElements =
        ["Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction", "Resource", "NotResource", "Condition"];

    /// <summary>Parses UTF-8 policy text.</summary>
    public static PolicyParseResult Parse(ReadOnlyMemory<byte> utf8, string name, PolicyKind kind = PolicyKind.Identity) =>
        Parse(new SourceText(utf8, name), kind);

    /// <summary>Parses policy text given as a .NET string.</summary>
    public static PolicyParseResult Parse(string text, string name, PolicyKind kind = PolicyKind.Identity) =>
        Parse(new SourceText(Encoding.UTF8.GetBytes(text), name), kind);

    public static PolicyParseResult Parse(SourceText source, PolicyKind kind)
    {
        JsonSyntax root;
        try
        {
            root = JsonSyntaxReader.Parse(source);
        }
        catch (JsonSyntaxException ex)
        {
            return new PolicyParseResult(null, [new PolicyDiagnostic(ParseErrorCodes.JsonSyntaxError, DiagnosticSeverity.Error, ex.Message, ex.Span, "")]);
        }
        return FromSyntax(root, source, kind);
    }

    /// <summary>Builds a document from already-parsed JSON (e.g. a policy embedded in a larger file).</summary>
    public static PolicyParseResult FromSyntax(JsonSyntax root, SourceText? source, PolicyKind kind, string? name = null)
    {
        var builder = new Builder(kind);
        var document = builder.Build(root, name ?? source?.Name ?? "policy", source);
        return new PolicyParseResult(document, [.. builder.Diagnostics.OrderBy(d => d.Span.Offset)]);
    }

    private sealed class Builder(PolicyKind kind)
    {
        public ImmutableArray<PolicyDiagnostic>.Builder Diagnostics { get; } = ImmutableArray.CreateBuilder<PolicyDiagnostic>();

        private PolicyVersion _version = PolicyVersion.Missing;

        private void Error(string code, string message, SourceSpan span, string path) =>
            Diagnostics.Add(new PolicyDiagnostic(code, DiagnosticSeverity.Error, message, span, path));

        public PolicyDocument? Build(JsonSyntax root, string name, SourceText? source)
        {
            ReportDuplicateKeys(root, "");
            if (root is not JsonObjectSyntax obj)
            {
                Error(ParseErrorCodes.NotAPolicy, DescribeNonPolicy(root), root.Span, "");
                return null;
            }
            var members = Index(obj, TopLevelElements, "", "policy");
            if (!members.ContainsKey("Statement"))
            {
                var explanation = DescribeWrapper(obj);
                Error(explanation is null ? ParseErrorCodes.MissingStatement : ParseErrorCodes.NotAPolicy,
                    explanation ?? "the policy has no \"Statement\" element; expected \"Statement\": [ { \"Effect\": ..., \"Action\": ..., ... } ]",
                    obj.Span, "");
            }

            var versionSpan = SourceSpan.None;
            if (members.TryGetValue("Version", out var version))
            {
                versionSpan = version.Value.Span;
                if (version.Value is JsonStringSyntax { Value: "2012-10-17" }) _version = PolicyVersion.V2012_10_17;
                else if (version.Value is JsonStringSyntax { Value: "2008-10-17" }) _version = PolicyVersion.V2008_10_17;
                else Error(ParseErrorCodes.InvalidVersion,
                    $"\"Version\" must be \"2012-10-17\" (or the legacy \"2008-10-17\"); found {Show(version.Value)}",
                    version.Value.Span, "Version");
            }

            LocatedString? id = null;
            if (members.TryGetValue("Id", out var idMember))
                id = ExpectString(idMember.Value, "Id");

            var statements = ImmutableArray.CreateBuilder<Statement>();
            bool wasArray = false;
            if (members.TryGetValue("Statement", out var statementMember))
            {
                switch (statementMember.Value)
                {
                    case JsonObjectSyntax single:
                        if (BuildStatement(single, 0, "Statement") is { } s) statements.Add(s);
                        break;
                    case JsonArraySyntax array:
                        wasArray = true;
                        for (int i = 0; i < array.Items.Length; i++)
                        {
                            if (array.Items[i] is JsonObjectSyntax so)
                            {
                                if (BuildStatement(so, statements.Count, $"Statement[{i}]") is { } st) statements.Add(st);
                            }
                            else Error(ParseErrorCodes.InvalidElementType, $"each statement must be a JSON object; found {array.Items[i].Describe()}", array.Items[i].Span, $"Statement[{i}]");
                        }
                        break;
                    default:
                        Error(ParseErrorCodes.InvalidElementType, $"\"Statement\" must be an object or an array of objects; found {statementMember.Value.Describe()}", statementMember.Value.Span, "Statement");
                        break;
                }
            }
            CheckSids(statements);
            return new PolicyDocument(name, kind, _version, versionSpan, id, statements.ToImmutable(), wasArray)
            {
                Syntax = obj,
                Source = source,
            };
        }

        private Statement? BuildStatement(JsonObjectSyntax obj, int index, string path)
        {
            var m = Index(obj, StatementElements, path, "statement");

            LocatedString? sid = m.TryGetValue("Sid", out var sidMember) ? ExpectString(sidMember.Value, path + ".Sid") : null;

            var effect = Effect.Allow;
            var effectSpan = obj.Span;
            if (!m.TryGetValue("Effect", out var effectMember))
                Error(ParseErrorCodes.MissingEffect, "the statement has no \"Effect\"; expected \"Effect\": \"Allow\" or \"Deny\"", obj.Span, path);
            else
            {
                effectSpan = effectMember.Value.Span;
                if (effectMember.Value is JsonStringSyntax { Value: "Allow" }) effect = Effect.Allow;
                else if (effectMember.Value is JsonStringSyntax { Value: "Deny" }) effect = Effect.Deny;
                else Error(ParseErrorCodes.InvalidEffect, $"\"Effect\" must be exactly \"Allow\" or \"Deny\" (case-sensitive); found {Show(effectMember.Value)}", effectMember.Value.Span, path + ".Effect");
            }

            var actions = Pair(m, "Action", "NotAction", path, obj.Span, required: true, ParseErrorCodes.MissingAction);
            ValueList? resources = null;
            if (kind.RequiresResource())
                resources = Pair(m, "Resource", "NotResource", path, obj.Span, required: true, ParseErrorCodes.MissingResource);
            else if (m.ContainsKey("Resource") || m.ContainsKey("NotResource"))
            {
                var r = m.GetValueOrDefault("Resource") ?? m["NotResource"];
                Error(ParseErrorCodes.UnsupportedResource, $"a {kind.CliName()} policy must not have \"{r.Name}\"", r.NameSpan, path + "." + r.Name);
            }

            var principal = BuildPrincipal(m, path, obj.Span);

            var conditions = ImmutableArray<Condition>.Empty;
            if (m.TryGetValue("Condition", out var conditionMember))
                conditions = BuildConditions(conditionMember.Value, path + ".Condition");

            if (actions is null) actions = new ValueList(false, [], false, obj.Span);
            foreach (var a in actions.Values) CheckActionFormat(a, path + "." + (actions.IsNegated ? "NotAction" : "Action"));
            // IAM rejects an empty list: "Policy statement must contain actions" (spec §2.3: a non-empty array).
            if (actions.WasArray && actions.Values.Length == 0 && m.ContainsKey(actions.IsNegated ? "NotAction" : "Action"))
                Error(ParseErrorCodes.MissingAction, $"\"{(actions.IsNegated ? "NotAction" : "Action")}\" is an empty list; a statement must name at least one action", actions.Span, path);
            if (resources is { WasArray: true, Values.Length: 0 })
                Error(ParseErrorCodes.MissingResource, $"\"{(resources.IsNegated ? "NotResource" : "Resource")}\" is an empty list; a statement must name at least one resource (or \"*\")", resources.Span, path);
            if (resources is not null)
                foreach (var r in resources.Values) CheckResourceFormat(r, path + "." + (resources.IsNegated ? "NotResource" : "Resource"));

            return new Statement(index, sid, effect, effectSpan, principal, actions, resources, conditions, obj.Span) { JsonPath = path };
        }

        private ValueList? Pair(Dictionary<string, JsonMemberSyntax> m, string positive, string negative, string path, SourceSpan statementSpan, bool required, string missingCode)
        {
            bool hasPositive = m.TryGetValue(positive, out var p), hasNegative = m.TryGetValue(negative, out var n);
            if (hasPositive && hasNegative)
            {
                Error(ParseErrorCodes.UnsupportedElementCombination, $"a statement may have \"{positive}\" or \"{negative}\", not both", n!.NameSpan, path + "." + negative);
                return StringList(p!.Value, false, path + "." + positive);
            }
            if (!hasPositive && !hasNegative)
            {
                if (required) Error(missingCode, $"the statement has neither \"{positive}\" nor \"{negative}\"; one of them is required", statementSpan, path);
                return null;
            }
            return hasPositive ? StringList(p!.Value, false, path + "." + positive) : StringList(n!.Value, true, path + "." + negative);
        }

        private ValueList StringList(JsonSyntax value, bool negated, string path)
        {
            var items = ImmutableArray.CreateBuilder<LocatedString>();
            switch (value)
            {
                case JsonStringSyntax s:
                    items.Add(new LocatedString(s.Value, s.Span));
                    return new ValueList(negated, items.ToImmutable(), false, value.Span);
                case JsonArraySyntax a:
                    for (int i = 0; i < a.Items.Length; i++)
                    {
                        if (a.Items[i] is JsonStringSyntax item) items.Add(new LocatedString(item.Value, item.Span));
                        else Error(ParseErrorCodes.InvalidElementType, $"expected a string; found {a.Items[i].Describe()}", a.Items[i].Span, $"{path}[{i}]");
                    }
                    return new ValueList(negated, items.ToImmutable(), true, value.Span);
                default:
                    Error(ParseErrorCodes.InvalidElementType, $"expected a string or an array of strings; found {value.Describe()}", value.Span, path);
                    return new ValueList(negated, [], false, value.Span);
            }
        }

        private void CheckActionFormat(LocatedString action, string path)
        {
            var v = action.Value;
            if (v == "*") return;
            // ${...} is literal text in actions (never substituted, spec §2.4): its colon is not a separator.
            v = System.Text.RegularExpressions.Regex.Replace(v, @"\$\{[^}]*\}", "x");
            int colon = v.IndexOf(':');
            if (colon <= 0 || colon == v.Length - 1 || v.IndexOf(':', colon + 1) >= 0 || v.Any(char.IsWhiteSpace))
                Error(ParseErrorCodes.InvalidAction, $"an action must be \"*\" or \"service:Action\" (for example \"s3:GetObject\"); found \"{v}\"", action.Span, path);
        }

        private void CheckResourceFormat(LocatedString resource, string path)
        {
            var v = resource.Value;
            if (v == "*" || v.StartsWith("arn:", StringComparison.Ordinal)) return;
            Error(ParseErrorCodes.InvalidArn, $"a resource must be \"*\" or an ARN starting with \"arn:\"; found \"{v}\"", resource.Span, path);
        }

        private PrincipalElement? BuildPrincipal(Dictionary<string, JsonMemberSyntax> m, string path, SourceSpan statementSpan)
        {
            bool hasP = m.TryGetValue("Principal", out var p), hasN = m.TryGetValue("NotPrincipal", out var n);
            if (hasP && hasN)
                Error(ParseErrorCodes.UnsupportedElementCombination, "a statement may have \"Principal\" or \"NotPrincipal\", not both", n!.NameSpan, path + ".NotPrincipal");
            var member = hasP ? p : hasN ? n : null;
            if (member is null)
            {
                if (kind.RequiresPrincipal())
                    Error(ParseErrorCodes.MissingPrincipal, $"a {kind.CliName()} policy statement needs a \"Principal\"", statementSpan, path);
                return null;
            }
            if (kind.ForbidsPrincipal())
                Error(ParseErrorCodes.UnsupportedPrincipal, $"\"{member.Name}\" is not allowed in {KindPhrase(kind)}; it is only used in resource-based and trust policies", member.NameSpan, path + "." + member.Name);

            var elementPath = path + "." + member.Name;
            switch (member.Value)
            {
                case JsonStringSyntax { Value: "*" } star:
                    return new PrincipalElement(!hasP, true, [], star.Span);
                case JsonObjectSyntax obj:
                {
                    var entries = ImmutableArray.CreateBuilder<PrincipalEntry>();
                    foreach (var entry in obj.Members)
                    {
                        if (!Enum.TryParse<PrincipalType>(entry.Name, ignoreCase: false, out var type))
                        {
                            Error(ParseErrorCodes.InvalidPrincipalType, $"unknown principal type \"{entry.Name}\"; expected AWS, Service, Federated or CanonicalUser", entry.NameSpan, elementPath + "." + entry.Name);
                            continue;
                        }
                        foreach (var value in StringList(entry.Value, false, elementPath + "." + entry.Name).Values)
                            entries.Add(new PrincipalEntry(type, value));
                    }
                    return new PrincipalElement(!hasP, false, entries.ToImmutable(), obj.Span);
                }
                default:
                    Error(ParseErrorCodes.InvalidElementType, $"\"{member.Name}\" must be \"*\" or an object such as {{\"AWS\": \"arn:aws:iam::111122223333:root\"}}; found {Show(member.Value)}", member.Value.Span, elementPath);
                    return new PrincipalElement(!hasP, false, [], member.Value.Span);
            }
        }

        private ImmutableArray<Condition> BuildConditions(JsonSyntax value, string path)
        {
            if (value is not JsonObjectSyntax block)
            {
                Error(ParseErrorCodes.InvalidElementType, $"\"Condition\" must be an object of the form {{\"Operator\": {{\"key\": \"value\"}}}}; found {value.Describe()}", value.Span, path);
                return [];
            }
            var result = ImmutableArray.CreateBuilder<Condition>();
            foreach (var opMember in block.Members)
            {
                var opPath = path + "." + opMember.Name;
                var status = ConditionOperator.TryParse(opMember.Name, out var op);
                if (status != ConditionOperator.ParseStatus.Ok)
                {
                    ReportOperator(status, opMember, opPath);
                    continue;
                }
                if (opMember.Value is not JsonObjectSyntax keys)
                {
                    Error(ParseErrorCodes.InvalidElementType, $"the operator \"{opMember.Name}\" must map condition keys to values, e.g. {{\"aws:SourceIp\": \"203.0.113.0/24\"}}; found {opMember.Value.Describe()}", opMember.Value.Span, opPath);
                    continue;
                }
                foreach (var keyMember in keys.Members)
                {
                    var keyPath = opPath + "." + keyMember.Name;
                    var values = ConditionValues(keyMember.Value, keyPath, out bool wasArray);
                    foreach (var v in values) CheckConditionValue(op!, keyMember.Name, v, keyPath);
                    result.Add(new Condition(op!, opMember.NameSpan, new LocatedString(keyMember.Name, keyMember.NameSpan), values, wasArray, keyPath));
                }
            }
            return result.ToImmutable();
        }

        /// <summary>The policy kind in a sentence: "an identity-based policy".</summary>
        private static string KindPhrase(PolicyKind kind) => kind switch
        {
            PolicyKind.Identity => "an identity-based policy",
            PolicyKind.PermissionsBoundary => "a permissions boundary",
            PolicyKind.Session => "a session policy",
            PolicyKind.ServiceControl => "a service control policy (SCP)",
            PolicyKind.ResourceControl => "a resource control policy (RCP)",
            PolicyKind.Trust => "a role trust policy",
            _ => "a resource-based policy",
        };

        private void ReportOperator(ConditionOperator.ParseStatus status, JsonMemberSyntax opMember, string path)
        {
            switch (status)
            {
                case ConditionOperator.ParseStatus.NullWithIfExists:
                    Error(ParseErrorCodes.NullWithIfExists, "\"NullIfExists\" is not valid: IfExists cannot be combined with Null (Null already tests whether the key exists)", opMember.NameSpan, path);
                    break;
                case ConditionOperator.ParseStatus.UnknownQualifier:
                {
                    // "ForAllValue:StringEquals": suggest the qualifier (and the operator, if it is misspelt too).
                    // Only a near miss: the two qualifiers mean opposite things, a loose guess could flip the meaning.
                    int colon = opMember.Name.IndexOf(':');
                    var qualifier = FuzzyMatch.Best(opMember.Name[..colon], ["ForAllValues", "ForAnyValue"], maxDistance: 2);
                    var rest = opMember.Name[(colon + 1)..];
                    var restSuggestion = ConditionOperator.AllNamesWithIfExists.Contains(rest) ? rest : FuzzyMatch.Best(rest, ConditionOperator.AllNamesWithIfExists);
                    Error(ParseErrorCodes.InvalidSetQualifier,
                        $"unknown set qualifier in \"{opMember.Name}\"; expected \"ForAllValues:\" or \"ForAnyValue:\""
                        + (qualifier is null || restSuggestion is null ? "" : $"; did you mean \"{qualifier}:{restSuggestion}\"?"),
                        opMember.NameSpan, path);
                    break;
                }
                default:
                {
                    // Match the whole name after the qualifier, IfExists included, so "BoolIfExist" finds "BoolIfExists".
                    int colon = opMember.Name.IndexOf(':');
                    var qualifier = colon >= 0 ? opMember.Name[..(colon + 1)] : "";
                    var suggestion = FuzzyMatch.Best(opMember.Name[(colon + 1)..], ConditionOperator.AllNamesWithIfExists);
                    Error(ParseErrorCodes.InvalidConditionOperator,
                        $"unknown condition operator \"{opMember.Name}\"" + (suggestion is null ? "" : $"; did you mean \"{qualifier}{suggestion}\"?"),
                        opMember.NameSpan, path);
                    break;
                }
            }
        }

        private ImmutableArray<LocatedString> ConditionValues(JsonSyntax value, string path, out bool wasArray)
        {
            wasArray = value is JsonArraySyntax;
            var items = value is JsonArraySyntax a ? a.Items : [value];
            var result = ImmutableArray.CreateBuilder<LocatedString>(items.Length);
            for (int i = 0; i < items.Length; i++)
            {
                switch (items[i])
                {
                    case JsonStringSyntax s: result.Add(new LocatedString(s.Value, s.Span)); break;
                    case JsonBooleanSyntax b: result.Add(new LocatedString(b.Value ? "true" : "false", b.Span)); break;
                    case JsonNumberSyntax n: result.Add(new LocatedString(n.Text, n.Span)); break;
                    default:
                        Error(ParseErrorCodes.InvalidElementType, $"a condition value must be a string, number or boolean; found {items[i].Describe()}", items[i].Span, wasArray ? $"{path}[{i}]" : path);
                        break;
                }
            }
            return result.ToImmutable();
        }

        private void CheckConditionValue(ConditionOperator op, string key, LocatedString value, string path)
        {
            var text = value.Value;
            bool hasVariable = text.Contains("${", StringComparison.Ordinal);
            if (op.AllowsVariables)
            {
                if (op.Family == ConditionFamily.Bool && !(hasVariable && _version.SubstitutesVariables()) && !AwsBool.TryParse(text, out _))
                    Error(ParseErrorCodes.InvalidConditionValue, $"\"{op.Name}\" needs \"true\" or \"false\"; found \"{text}\"", value.Span, path);
                return;
            }
            if (hasVariable)
            {
                Error(ParseErrorCodes.InvalidVariableForOperator, $"policy variables cannot be used with \"{op.Name}\" (only String, ARN and Bool operators take variables); found \"{text}\"", value.Span, path);
                return;
            }
            string? expected = op.Family switch
            {
                ConditionFamily.Numeric when !AwsNumber.TryParse(text, out _) => "a number such as \"10\" or \"3.5\"",
                ConditionFamily.Date when !AwsDate.TryParse(text, out _) => "a date such as \"2025-06-01T12:00:00Z\" (ISO 8601) or epoch seconds",
                ConditionFamily.IpAddress when !IpRange.TryParse(text, out _) => "an IPv4 or IPv6 address or CIDR such as \"203.0.113.0/24\"",
                ConditionFamily.Binary when !AwsBinary.TryParse(text, out _) => "base64-encoded bytes",
                ConditionFamily.Null when !AwsBool.TryParse(text, out _) => "\"true\" (key absent) or \"false\" (key present)",
                _ => null,
            };
            if (expected is not null)
                Error(ParseErrorCodes.InvalidConditionValue, $"\"{op.Name}\" on \"{key}\" needs {expected}; found \"{text}\"", value.Span, path);
        }

        private void CheckSids(ImmutableArray<Statement>.Builder statements)
        {
            var seen = new Dictionary<string, Statement>(StringComparer.Ordinal);
            foreach (var s in statements)
            {
                if (s.Sid is not { } sid || sid.Value.Length == 0) continue;
                if (kind.HasStrictSids() && !sid.Value.All(char.IsAsciiLetterOrDigit))
                    Error(ParseErrorCodes.UnsupportedSid, $"\"Sid\" may contain only letters A-Z, a-z and digits 0-9 in IAM policies; found \"{sid.Value}\"", sid.Span, s.JsonPath + ".Sid");
                if (!seen.TryAdd(sid.Value, s) && kind.HasStrictSids())
                    Error(ParseErrorCodes.UniqueSidsRequired, $"the Sid \"{sid.Value}\" is already used by statement {seen[sid.Value].Label}; Sids must be unique within a policy", sid.Span, s.JsonPath + ".Sid");
            }
        }

        /// <summary>Indexes an object's members by name, reporting unknown names (with a did-you-mean) as errors.</summary>
        private Dictionary<string, JsonMemberSyntax> Index(JsonObjectSyntax obj, string[] known, string path, string what)
        {
            var result = new Dictionary<string, JsonMemberSyntax>(StringComparer.Ordinal);
            foreach (var member in obj.Members)
            {
                if (known.Contains(member.Name, StringComparer.Ordinal)) { result.TryAdd(member.Name, member); continue; }
                var suggestion = known.FirstOrDefault(k => string.Equals(k, member.Name, StringComparison.OrdinalIgnoreCase)) ?? FuzzyMatch.Best(member.Name, known);
                Error(ParseErrorCodes.InvalidPolicyElement,
                    $"\"{member.Name}\" is not a valid {what} element" + (suggestion is null ? $"; expected one of {string.Join(", ", known)}" : $"; did you mean \"{suggestion}\"? (element names are case-sensitive)"),
                    member.NameSpan, Join(path, member.Name));
            }
            return result;
        }

        private LocatedString? ExpectString(JsonSyntax value, string path)
        {
            if (value is JsonStringSyntax s) return new LocatedString(s.Value, s.Span);
            Error(ParseErrorCodes.InvalidElementType, $"expected a string; found {Show(value)}", value.Span, path);
            return null;
        }

        private void ReportDuplicateKeys(JsonSyntax node, string path)
        {
            switch (node)
            {
                case JsonObjectSyntax obj:
                {
                    var seen = new Dictionary<string, JsonMemberSyntax>(StringComparer.Ordinal);
                    foreach (var member in obj.Members)
                    {
                        if (!seen.TryAdd(member.Name, member))
                            Error(ParseErrorCodes.DuplicateJsonKey,
                                $"duplicate key \"{member.Name}\" (first at {seen[member.Name].NameSpan}); parsers disagree on which one wins, so AWS and other tools may read this policy differently",
                                member.NameSpan, Join(path, member.Name));
                        ReportDuplicateKeys(member.Value, Join(path, member.Name));
                    }
                    break;
                }
                case JsonArraySyntax array:
                    for (int i = 0; i < array.Items.Length; i++) ReportDuplicateKeys(array.Items[i], $"{path}[{i}]");
                    break;
            }
        }

        private static string Join(string path, string name) => path.Length == 0 ? name : path + "." + name;

        private static string Show(JsonSyntax value) => value switch
        {
            JsonStringSyntax s => $"\"{s.Value}\"",
            JsonNumberSyntax n => n.Text,
            JsonBooleanSyntax b => b.Value ? "true" : "false",
            _ => value.Describe(),
        };

        private static string DescribeNonPolicy(JsonSyntax root) => root switch
        {
            JsonArraySyntax => "this is a JSON array, not a policy; an IAM policy is a JSON object {\"Version\": \"2012-10-17\", \"Statement\": [...]} (lint each policy in its own file)",
            _ => $"this is {root.Describe()}, not a policy; an IAM policy is a JSON object {{\"Version\": \"2012-10-17\", \"Statement\": [...]}}",
        };

        /// <summary>Recognises the files people most often pass by mistake instead of a bare policy document.</summary>
        private static string? DescribeWrapper(JsonObjectSyntax obj)
        {
            bool Has(string name) => obj.Members.Any(m => m.Name == name);
            if (Has("AWSTemplateFormatVersion") || (Has("Resources") && !Has("Statement")))
                return "this is a CloudFormation template, not a policy; lint the PolicyDocument of each AWS::IAM resource instead (save it to its own file)";
            if (Has("PolicyVersion"))
                return "this is the output of 'aws iam get-policy-version', not a policy; the policy is its PolicyVersion.Document";
            if (Has("PolicyDocument") || Has("Policy") || Has("Document"))
                return "this object wraps a policy (in \"PolicyDocument\", \"Policy\" or \"Document\"); pass the inner policy document itself";
            if (Has("UserDetailList") || Has("Policies") && Has("GroupDetailList"))
                return "this is 'aws iam get-account-authorization-details' output, not a policy; use 'iamharden audit' for a whole account";
            if (Has("resource") || Has("terraform"))
                return "this looks like Terraform JSON, not a policy; lint the policy document itself";
            return null;
        }
    }
}
