using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using IamHarden.Core.Policy;

namespace IamHarden.Core.Tests.Policy;

/// <summary>
/// FsCheck generators for valid policy documents of every kind that use the whole grammar:
/// Id, Sid, Principal/NotPrincipal in all forms, Action/NotAction and Resource/NotResource as a
/// string or an array, every condition operator with IfExists and set qualifiers, JSON numbers
/// and booleans as condition values, Statement as one object, and text that needs escaping.
/// </summary>
public static class RandomDocuments
{
    private static readonly string[] Actions = ["*", "s3:GetObject", "s3:Get*", "iam:*MFA*", "IAM:getuser", "ec2:Describe?nstances", "sts:GetSessionToken"];
    private static readonly string[] Resources = ["*", "arn:aws:s3:::b/*", "arn:aws:iam::*:user/${aws:username}", "arn:aws:s3:::b/${*}${?}${$}", "arn:aws:logs:*:*:*"];
    private static readonly string[] Keys = ["aws:SourceIp", "aws:PrincipalTag/Team", "aws:TagKeys", "s3:max-keys", "aws:CurrentTime", "k\u00e9y"];
    private static readonly string[] Principals = ["arn:aws:iam::111122223333:root", "111122223333", "arn:aws:sts::111122223333:assumed-role/r/s", "*"];
    private static readonly string[] Services = ["cloudtrail.amazonaws.com", "s3.amazonaws.com"];

    /// <summary>Text of any shape JSON can carry: quotes, backslashes, control characters, non-ASCII (never a lone surrogate).</summary>
    private static Gen<string> FreeText =>
        Gen.OneOf(
            Gen.Elements("blue", "팀", "a\"b", "back\\slash", "tab\there", "line\nbreak", "\u0001", "emoji \U0001F511", "</script>", ""),
            ArbMap.Default.GeneratorFor<string>().Where(s => s is not null && !HasLoneSurrogate(s)));

    private static bool HasLoneSurrogate(string s)
    {
        for (int i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) { i++; continue; }
            if (char.IsSurrogate(s[i])) return true;
        }
        return false;
    }

    private static Gen<JsonNode> StringOrArray(Gen<string> item) =>
        Gen.OneOf(
            item.Select(s => (JsonNode)JsonValue.Create(s)),
            Gen.NonEmptyListOf(item).Select(l => (JsonNode)new JsonArray(l.Take(3).Select(s => (JsonNode)JsonValue.Create(s)!).ToArray())));

    /// <summary>A value the operator's family accepts: text, a JSON number or a JSON boolean.</summary>
    private static Gen<JsonNode> ConditionValue(ConditionFamily family) => family switch
    {
        ConditionFamily.Numeric => Gen.OneOf(Gen.Elements("10", "-3.5", "0").Select(v => (JsonNode)JsonValue.Create(v)), Gen.Choose(-1000, 1000).Select(n => (JsonNode)JsonValue.Create(n))),
        ConditionFamily.Date => Gen.Elements("2025-06-01", "2025-06-01T12:00:00Z", "2025-06-01T14:00:00+02:00", "1704067200").Select(v => (JsonNode)JsonValue.Create(v)),
        ConditionFamily.Bool => Gen.OneOf(Gen.Elements("true", "false", "TRUE").Select(v => (JsonNode)JsonValue.Create(v)), ArbMap.Default.GeneratorFor<bool>().Select(b => (JsonNode)JsonValue.Create(b))),
        ConditionFamily.Null => Gen.Elements("true", "false").Select(v => (JsonNode)JsonValue.Create(v)),
        ConditionFamily.Binary => Gen.Elements("QmluYXJ5", "AAECAw==").Select(v => (JsonNode)JsonValue.Create(v)),
        ConditionFamily.IpAddress => Gen.Elements("203.0.113.0/24", "203.0.113.9", "2001:db8::/32", "0.0.0.0/0").Select(v => (JsonNode)JsonValue.Create(v)),
        ConditionFamily.Arn => Gen.Elements("arn:aws:iam::*:user/${aws:username}", "arn:aws:sns:*:111122223333:t*").Select(v => (JsonNode)JsonValue.Create(v)),
        _ => FreeText.Select(v => (JsonNode)JsonValue.Create(v)),
    };

    private static Gen<JsonNode> ConditionValues(ConditionFamily family) =>
        Gen.OneOf(ConditionValue(family), Gen.NonEmptyListOf(ConditionValue(family)).Select(l => (JsonNode)new JsonArray(l.Take(3).Select(v => v.DeepClone()).ToArray())));

    private static Gen<string> OperatorName =>
        from kind in Gen.Elements(Enum.GetValues<ConditionOperatorKind>())
        from qualifier in Gen.Elements("", "", "ForAllValues:", "ForAnyValue:")
        from ifExists in kind == ConditionOperatorKind.Null ? Gen.Constant(false) : ArbMap.Default.GeneratorFor<bool>()
        select qualifier + kind + (ifExists ? "IfExists" : "");

    private static Gen<JsonObject> Condition =>
        Gen.NonEmptyListOf(
            from op in OperatorName
            from entries in Gen.NonEmptyListOf(
                from key in Gen.Elements(Keys)
                from values in ConditionValues(ConditionOperator.FamilyOf(ParseKind(op)))
                select (key, values))
            select (op, entries))
        .Select(operators =>
        {
            var block = new JsonObject();
            foreach (var (op, entries) in operators.Take(4))
            {
                if (block.ContainsKey(op)) continue;
                var body = new JsonObject();
                foreach (var (key, values) in entries.Take(3))
                    if (!body.ContainsKey(key)) body[key] = values.DeepClone();
                block[op] = body;
            }
            return block;
        });

    private static ConditionOperatorKind ParseKind(string op)
    {
        ConditionOperator.TryParse(op, out var parsed);
        return parsed!.Kind;
    }

    private static Gen<JsonNode> Principal =>
        Gen.OneOf(
            Gen.Constant((JsonNode)JsonValue.Create("*")),
            from aws in StringOrArray(Gen.Elements(Principals))
            from service in Gen.OneOf(Gen.Constant<JsonNode?>(null), StringOrArray(Gen.Elements(Services)).Select(n => (JsonNode?)n))
            select (JsonNode)(service is null ? new JsonObject { ["AWS"] = aws } : new JsonObject { ["AWS"] = aws, ["Service"] = service }));

    private static Gen<JsonObject> Statement(PolicyKind kind) =>
        from sid in Gen.OneOf(Gen.Constant<string?>(null), Gen.Elements("S1", "Allow0", "x").Select(s => (string?)s))
        from effect in Gen.Elements("Allow", "Deny")
        from notPrincipal in ArbMap.Default.GeneratorFor<bool>()
        from principal in Principal
        from notAction in ArbMap.Default.GeneratorFor<bool>()
        from actions in StringOrArray(Gen.Elements(Actions))
        from notResource in ArbMap.Default.GeneratorFor<bool>()
        from resources in StringOrArray(Gen.Elements(Resources))
        from condition in Gen.OneOf(Gen.Constant<JsonObject?>(null), Condition.Select(c => (JsonObject?)c))
        select Build(kind, sid, effect, notPrincipal, principal, notAction, actions, notResource, resources, condition);

    private static JsonObject Build(PolicyKind kind, string? sid, string effect, bool notPrincipal, JsonNode principal, bool notAction, JsonNode actions,
        bool notResource, JsonNode resources, JsonObject? condition)
    {
        var s = new JsonObject();
        if (sid is not null) s["Sid"] = sid;
        s["Effect"] = effect;
        // Generated nodes may be shared between samples; a JSON node has one parent, so insert copies.
        if (kind.RequiresPrincipal()) s[notPrincipal && effect == "Deny" ? "NotPrincipal" : "Principal"] = principal.DeepClone();
        s[notAction ? "NotAction" : "Action"] = actions.DeepClone();
        if (kind.RequiresResource()) s[notResource ? "NotResource" : "Resource"] = resources.DeepClone();
        if (condition is not null) s["Condition"] = condition.DeepClone();
        return s;
    }

    /// <summary>A valid document of the given kind, as JSON text.</summary>
    public static Gen<string> Document(PolicyKind kind) =>
        from version in Gen.Elements<string?>("2012-10-17", "2012-10-17", "2008-10-17", null)
        from id in Gen.OneOf(Gen.Constant<string?>(null), FreeText.Select(s => (string?)s))
        from statements in Gen.NonEmptyListOf(Statement(kind))
        from asObject in ArbMap.Default.GeneratorFor<bool>()
        select Render(version, id, statements.Take(4).ToList(), asObject);

    /// <summary>A document of any kind, with its kind.</summary>
    public static Gen<(PolicyKind Kind, string Json)> AnyDocument =>
        from kind in Gen.Elements(PolicyKind.Identity, PolicyKind.Resource, PolicyKind.ResourceControl, PolicyKind.Trust, PolicyKind.Session)
        from json in Document(kind)
        select (kind, json);

    private static string Render(string? version, string? id, List<JsonObject> statements, bool asObject)
    {
        // Sids must be unique in IAM-stored kinds: number repeats so every generated document is valid.
        var seen = new HashSet<string>();
        statements = statements.Select(s => s.DeepClone().AsObject()).ToList();
        for (int i = 0; i < statements.Count; i++)
            if (statements[i]["Sid"]?.GetValue<string>() is { } sid && !seen.Add(sid)) statements[i]["Sid"] = sid + "N" + i;
        var doc = new JsonObject();
        if (version is not null) doc["Version"] = version;
        if (id is not null) doc["Id"] = id;
        doc["Statement"] = asObject && statements.Count == 1 ? statements[0] : new JsonArray([.. statements]);
        return doc.ToJsonString();
    }
}
