using System.Globalization;
using System.Text.Json.Nodes;
using IamHarden.Core.Policy;
using IamHarden.Core.Values;

namespace IamHarden.Core.Tests.Evaluation.Differential;

/// <summary>
/// Rewrites an iam-oracle case into one that means exactly the same under the spec
/// (../shared/spec/iam-evaluation.md) but avoids the constructs where iam-simulate 0.1.173 is
/// known to deviate from AWS's documentation (the oracle README's caveats and spec §10.4). The
/// live differential test checks that our evaluator gives the same answer before and after
/// (so the rewrite really is meaning-preserving), then compares the rewritten case with the
/// oracle: any disagreement left is a real one. Each rewrite names its reason:
/// <list type="bullet">
/// <item>a mask-less address in an IP condition gets its /32 or /128 (caveat 2);</item>
/// <item>an IPv4 /0 becomes its two /1 halves (caveat 1);</item>
/// <item>a policy variable that cannot be resolved from the context, which matches nothing
/// (spec §6), becomes literal text that matches nothing (caveat "unresolved-policy-variable",
/// spec §10.4 rows on StringNotEquals and NotResource);</item>
/// <item>a "${" under Version 2008-10-17 or none, which is literal text (spec §2.2), is written
/// as "${$}{" under 2012-10-17 (spec §10.4: iam-simulate substitutes regardless of Version);</item>
/// <item>Date values become one ISO 8601 form, in the policy and in context keys only Date
/// operators read (caveat 4, mixed date formats);</item>
/// <item>an empty string or list for a key only Null reads is removed: empty is null, and null is
/// what absent means to Null (spec §5.2, §5.5; CNULL05).</item>
/// </list>
/// </summary>
public static class OracleCaseNormalizer
{
    private const string NeverMatchingText = "iamharden-unresolved-variable";
    private const string NeverMatchingArn = "arn:aws:s3:::iamharden-unresolved-variable";

    /// <summary>What a rewrite did to a case (empty when nothing was needed).</summary>
    public sealed record Result(JsonObject Case, IReadOnlySet<string> Rewrites, IReadOnlySet<string> Residuals);

    public static Result Normalize(JsonObject original)
    {
        var c = original.DeepClone().AsObject();
        var rewrites = new SortedSet<string>(StringComparer.Ordinal);
        var residuals = new SortedSet<string>(StringComparer.Ordinal);
        var context = c["context"] as JsonObject ?? [];
        var policies = c["policies"] as JsonArray ?? [];

        // Which operator families read each context key (for the date and empty-value rewrites).
        var familiesByKey = new Dictionary<string, HashSet<ConditionFamily>>(StringComparer.OrdinalIgnoreCase);
        var variableKeys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var statement in Statements(policies))
            foreach (var (op, key, values) in Conditions(statement))
            {
                if (!familiesByKey.TryGetValue(key, out var families)) familiesByKey[key] = families = [];
                families.Add(op.Family);
                foreach (var v in values) foreach (var part in PolicyVariableTemplate.Parse(v, true).Parts) if (part.IsVariable) variableKeys.Add(part.Text);
            }
        foreach (var statement in Statements(policies))
            foreach (var name in new[] { "Resource", "NotResource" })
                foreach (var v in Strings(statement[name])) foreach (var part in PolicyVariableTemplate.Parse(v, true).Parts) if (part.IsVariable) variableKeys.Add(part.Text);

        foreach (var policyNode in policies)
        {
            if (policyNode is not JsonObject policy) continue;
            bool substitutes = policy["Version"]?.GetValue<string>() == "2012-10-17";
            if (!substitutes && policy.ToJsonString().Contains("${", StringComparison.Ordinal))
            {
                EscapeLiteralVariables(policy);
                policy["Version"] = "2012-10-17";
                rewrites.Add("literal-variables-under-old-version");
                substitutes = true;
            }
            foreach (var statement in StatementsOf(policy))
            {
                foreach (var name in new[] { "Resource", "NotResource" })
                    Rewrite(statement, name, v => Unresolved(v, context) ? NeverMatchingArn : v, rewrites, "unresolved-variable");
                if (statement["Condition"] is not JsonObject block) continue;
                foreach (var (opName, body) in block)
                {
                    if (ConditionOperator.TryParse(opName, out var op) != ConditionOperator.ParseStatus.Ok || body is not JsonObject keys) continue;
                    foreach (var key in keys.Select(kv => kv.Key).ToList())
                    {
                        switch (op!.Family)
                        {
                            case ConditionFamily.IpAddress:
                                keys[key] = RewriteIps(keys[key]!, rewrites);
                                break;
                            case ConditionFamily.String:
                                Rewrite(keys, key, v => Unresolved(v, context) ? NeverMatchingText : v, rewrites, "unresolved-variable");
                                break;
                            case ConditionFamily.Arn:
                                Rewrite(keys, key, v => Unresolved(v, context) ? NeverMatchingArn : v, rewrites, "unresolved-variable");
                                break;
                            case ConditionFamily.Bool:
                                if (Strings(keys[key]).Any(v => Unresolved(v, context))) residuals.Add("unresolved-variable-in-bool");
                                break;
                            case ConditionFamily.Date:
                                Rewrite(keys, key, IsoDate, rewrites, "date-format");
                                break;
                        }
                    }
                }
            }
        }

        foreach (var key in context.Select(kv => kv.Key).ToList())
        {
            familiesByKey.TryGetValue(key, out var families);
            var value = context[key]!;
            bool empty = value is JsonArray { Count: 0 } || (value is JsonValue v && v.TryGetValue<string>(out var s) && s.Length == 0);
            if (empty && families is not null && !variableKeys.Contains(key))
            {
                if (families.All(f => f == ConditionFamily.Null)) { context.Remove(key); rewrites.Add("empty-value-read-only-by-null"); }
                else residuals.Add("empty-context-value");
            }
            else if (families is not null && families.Contains(ConditionFamily.Date))
            {
                // A key only Date operators read can be rewritten like the policy's values; one that
                // Numeric or String operators read too must stay as it is (aws:EpochTime, for example).
                if (families.All(f => f == ConditionFamily.Date) && !variableKeys.Contains(key)) Rewrite(context, key, IsoDate, rewrites, "date-format");
                else residuals.Add("date-key-read-by-several-families");
            }
        }
        return new Result(c, rewrites, residuals);
    }

    /// <summary>True when the text holds a ${...} variable with no value in the context and no usable default (spec §6).</summary>
    private static bool Unresolved(string text, JsonObject context)
    {
        foreach (var part in PolicyVariableTemplate.Parse(text, substitute: true).Parts)
        {
            if (!part.IsVariable) continue;
            var entry = context.FirstOrDefault(kv => string.Equals(kv.Key, part.Text, StringComparison.OrdinalIgnoreCase));
            if (entry.Key is null) { if (part.DefaultValue is null) return true; continue; }
            if (entry.Value is not JsonValue) return true; // a list-valued key cannot be a variable
        }
        return false;
    }

    private static JsonNode RewriteIps(JsonNode values, ISet<string> rewrites)
    {
        var result = new JsonArray();
        foreach (var text in Strings(values))
        {
            if (!text.Contains('/'))
            {
                result.Add(text + (text.Contains(':') ? "/128" : "/32"));
                rewrites.Add("maskless-ip");
            }
            else if (IpRange.TryParse(text, out var range) && range.IsIPv4 && range.PrefixLength == 0)
            {
                result.Add("0.0.0.0/1");
                result.Add("128.0.0.0/1");
                rewrites.Add("ipv4-zero-prefix");
            }
            else result.Add(text);
        }
        return result;
    }

    private static string IsoDate(string text)
    {
        if (!AwsDate.TryParse(text, out var ticks)) return text;
        var instant = new DateTime(ticks, DateTimeKind.Utc);
        return instant.ToString(ticks % TimeSpan.TicksPerSecond == 0 ? "yyyy-MM-dd'T'HH:mm:ss'Z'" : "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
    }

    /// <summary>Under an old Version "${x}" is literal; under 2012-10-17 the same literal text is "${$}{x}".</summary>
    private static void EscapeLiteralVariables(JsonObject policy)
    {
        foreach (var statement in StatementsOf(policy))
        {
            foreach (var name in new[] { "Resource", "NotResource" })
                Rewrite(statement, name, v => v.Replace("${", "${$}{", StringComparison.Ordinal), null, null);
            if (statement["Condition"] is not JsonObject block) continue;
            foreach (var (opName, body) in block)
            {
                if (ConditionOperator.TryParse(opName, out var op) != ConditionOperator.ParseStatus.Ok || !op!.AllowsVariables || body is not JsonObject keys) continue;
                foreach (var key in keys.Select(kv => kv.Key).ToList())
                    Rewrite(keys, key, v => v.Replace("${", "${$}{", StringComparison.Ordinal), null, null);
            }
        }
    }

    /// <summary>Applies <paramref name="change"/> to a string or to every string of an array member, keeping its shape.</summary>
    private static void Rewrite(JsonObject owner, string member, Func<string, string> change, ISet<string>? rewrites, string? reason)
    {
        switch (owner[member])
        {
            // JSON numbers and booleans mean their text (spec §2.3); a changed one is written as a string.
            case JsonValue v:
                var text = Strings(v).Single();
                var changed = change(text);
                if (changed != text) { owner[member] = changed; if (reason is not null) rewrites!.Add(reason); }
                break;
            case JsonArray a:
                for (int i = 0; i < a.Count; i++)
                    if (a[i] is JsonValue item && Strings(item).Single() is var t && change(t) is var u && u != t)
                    {
                        a[i] = u;
                        if (reason is not null) rewrites!.Add(reason);
                    }
                break;
        }
    }

    private static IEnumerable<JsonObject> Statements(JsonArray policies) => policies.OfType<JsonObject>().SelectMany(StatementsOf);

    private static IEnumerable<JsonObject> StatementsOf(JsonObject policy) => policy["Statement"] switch
    {
        JsonObject single => [single],
        JsonArray many => many.OfType<JsonObject>(),
        _ => [],
    };

    private static IEnumerable<(ConditionOperator Op, string Key, List<string> Values)> Conditions(JsonObject statement)
    {
        if (statement["Condition"] is not JsonObject block) yield break;
        foreach (var (opName, body) in block)
        {
            if (ConditionOperator.TryParse(opName, out var op) != ConditionOperator.ParseStatus.Ok || body is not JsonObject keys) continue;
            foreach (var (key, values) in keys) yield return (op!, key, Strings(values).ToList());
        }
    }

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => [s],
        JsonValue v => [v.ToJsonString()],
        JsonArray a => a.Select(i => i is JsonValue iv && iv.TryGetValue<string>(out var s) ? s : i?.ToJsonString() ?? "null"),
        _ => [],
    };
}
