using System.Text;
using IamHarden.Core.Policy;

namespace IamHarden.Core.Tests.Policy;

/// <summary>
/// The parser reads the whole IAM grammar (spec §2) into the model, keeps the position of every
/// element, and names file, line, column and what was expected in every error.
/// </summary>
public class PolicyParserTests
{
    private static readonly string EveryElementPath = Fixtures.File("policies", "grammar", "every-element.json");
    private static string EveryElementText => File.ReadAllText(EveryElementPath);

    private static PolicyDocument ParseClean(string text, PolicyKind kind = PolicyKind.Identity, string name = "p.json")
    {
        var result = PolicyParser.Parse(text, name, kind);
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics.Select(d => d.Format(name))));
        return result.Document!;
    }

    [Fact]
    public void Every_element_of_the_grammar_is_read_into_the_model()
    {
        var doc = ParseClean(EveryElementText, PolicyKind.Resource);

        Assert.Equal(PolicyVersion.V2012_10_17, doc.Version);
        Assert.Equal("bucket-policy-of-팀-data", doc.Id!.Value.Value);
        Assert.True(doc.StatementWasArray);
        Assert.Equal(2, doc.Statements.Length);

        var read = doc.Statements[0];
        Assert.Equal("ReadFromTheTeamOnly", read.Sid!.Value.Value);
        Assert.Equal(Effect.Allow, read.Effect);
        Assert.False(read.Principal!.IsNegated);
        Assert.Equal(
            [(PrincipalType.AWS, "arn:aws:iam::111122223333:user/alice"), (PrincipalType.AWS, "111122223333"), (PrincipalType.Service, "cloudtrail.amazonaws.com")],
            read.Principal.Entries.Select(e => (e.Type, e.Value.Value)));
        Assert.False(read.Actions.IsNegated);
        Assert.Equal(["s3:GetObject", "s3:Get*Tagging"], read.Actions.Values.Select(v => v.Value));
        Assert.False(read.Resources!.IsNegated);
        Assert.False(read.Resources.WasArray);
        Assert.Equal(["arn:aws:s3:::team-data/${aws:PrincipalTag/team}/*"], read.Resources.Values.Select(v => v.Value));

        // One Condition per operator/key pair, in source order; JSON booleans and numbers become their text.
        Assert.Equal(
        [
            ("StringEquals", "aws:PrincipalTag/team", "blue|팀"),
            ("StringEquals", "s3:prefix", "home/"),
            ("ForAnyValue:StringLike", "aws:TagKeys", "env*"),
            ("ForAllValues:StringEqualsIgnoreCase", "aws:CalledVia", "cloudformation.amazonaws.com"),
            ("BoolIfExists", "aws:SecureTransport", "true"),
            ("NumericLessThanEquals", "s3:max-keys", "10"),
            ("DateGreaterThan", "aws:CurrentTime", "2025-06-01T00:00:00Z"),
            ("NotIpAddressIfExists", "aws:SourceIp", "203.0.113.0/24|2001:db8::/32"),
            ("ArnLike", "aws:SourceArn", "arn:aws:cloudtrail:*:111122223333:trail/*"),
            ("BinaryEquals", "aws:RequestTag/blob", "QmluYXJ5"),
            ("Null", "aws:TokenIssueTime", "false"),
        ], read.Conditions.Select(c => (c.Operator.Name, c.Key.Value, string.Join("|", c.Values.Select(v => v.Value)))));
        var forAny = read.Conditions[2].Operator;
        Assert.Equal((ConditionOperatorKind.StringLike, SetQualifier.ForAnyValue, false), (forAny.Kind, forAny.Qualifier, forAny.IfExists));
        var notIp = read.Conditions[7].Operator;
        Assert.Equal((ConditionFamily.IpAddress, true, true), (notIp.Family, notIp.IsNegated, notIp.IfExists));

        var write = doc.Statements[1];
        Assert.Equal(Effect.Deny, write.Effect);
        Assert.True(write.Principal!.IsNegated);
        Assert.Equal("arn:aws:iam::111122223333:root", write.Principal.Entries.Single().Value.Value);
        Assert.True(write.Actions.IsNegated);
        Assert.Equal(["s3:Get*"], write.Actions.Values.Select(v => v.Value));
        Assert.True(write.Resources!.IsNegated);
        Assert.Equal(["arn:aws:s3:::team-data", "arn:aws:s3:::team-data/public/*"], write.Resources.Values.Select(v => v.Value));
        Assert.Empty(write.Conditions);
    }

    [Fact]
    public void Every_element_keeps_its_line_and_column()
    {
        var text = EveryElementText;
        var doc = ParseClean(text, PolicyKind.Resource);
        int spans = SpanAssertions.AssertEveryElementIsPositioned(doc, text);
        Assert.True(spans > 40, $"only {spans} positioned elements");

        // Spot checks against the fixture as a person reads it (columns count UTF-16 code units:
        // the Korean text before a value shifts it by one column per character, not per byte).
        var read = doc.Statements[0];
        Assert.Equal((3, 14), (doc.VersionSpan.Line, doc.VersionSpan.Column));
        Assert.Equal((6, 17), (read.EffectSpan.Line, read.EffectSpan.Column));
        Assert.Equal((9, 34), (read.Actions.Values[1].Span.Line, read.Actions.Values[1].Span.Column));
        Assert.Equal((12, 60), (read.Conditions[0].Values[1].Span.Line, read.Conditions[0].Values[1].Span.Column));
        Assert.Equal((12, 66), (read.Conditions[1].Key.Span.Line, read.Conditions[1].Key.Span.Column));
        Assert.Equal((17, 9), (read.Conditions[6].OperatorSpan.Line, read.Conditions[5].OperatorSpan.Column));
    }

    [Theory]
    [InlineData("crlf")]
    [InlineData("bom")]
    [InlineData("minified")]
    [InlineData("tabs")]
    public void Positions_stay_right_whatever_the_layout(string layout)
    {
        var text = layout switch
        {
            "crlf" => EveryElementText.ReplaceLineEndings("\r\n"),
            "bom" => "\uFEFF" + EveryElementText,
            "minified" => System.Text.Json.Nodes.JsonNode.Parse(EveryElementText)!.ToJsonString(),
            _ => EveryElementText.Replace("  ", "\t"),
        };
        var result = PolicyParser.Parse(Encoding.UTF8.GetBytes(text), "p.json", PolicyKind.Resource);
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics.Select(d => d.Format("p.json"))));
        SpanAssertions.AssertEveryElementIsPositioned(result.Document!, text);
    }

    [Fact]
    public void Statement_may_be_one_object_or_an_array()
    {
        var single = ParseClean("""{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}}""");
        var array = ParseClean("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}""");
        Assert.False(single.StatementWasArray);
        Assert.True(array.StatementWasArray);
        Assert.Equal("Statement", single.Statements[0].JsonPath);
        Assert.Equal("Statement[0]", array.Statements[0].JsonPath);
        Assert.Equal(PolicyPrinter.Print(single with { StatementWasArray = true }), PolicyPrinter.Print(array));
    }

    public static TheoryData<string, string> EveryOperator()
    {
        // A value every family accepts for its key, so the only thing under test is the operator name.
        var data = new TheoryData<string, string>();
        foreach (var kind in Enum.GetValues<ConditionOperatorKind>())
        {
            var value = ConditionOperator.FamilyOf(kind) switch
            {
                ConditionFamily.Numeric => "10",
                ConditionFamily.Date => "2025-06-01T00:00:00Z",
                ConditionFamily.Bool or ConditionFamily.Null => "true",
                ConditionFamily.Binary => "QmluYXJ5",
                ConditionFamily.IpAddress => "203.0.113.0/24",
                ConditionFamily.Arn => "arn:aws:iam::*:user/*",
                _ => "blue",
            };
            foreach (var qualifier in new[] { "", "ForAllValues:", "ForAnyValue:" })
            {
                data.Add($"{qualifier}{kind}", value);
                if (kind != ConditionOperatorKind.Null) data.Add($"{qualifier}{kind}IfExists", value);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryOperator))]
    public void Every_condition_operator_with_IfExists_and_set_qualifiers_parses(string op, string value)
    {
        var doc = ParseClean(WithCondition($"{{\"{op}\":{{\"k\":\"{value}\"}}}}"));
        var parsed = doc.Statements[0].Conditions.Single().Operator;
        Assert.Equal(op, parsed.Name);
        Assert.Equal(op.EndsWith("IfExists", StringComparison.Ordinal), parsed.IfExists);
        Assert.Equal(op.StartsWith("ForAllValues:", StringComparison.Ordinal) ? SetQualifier.ForAllValues
            : op.StartsWith("ForAnyValue:", StringComparison.Ordinal) ? SetQualifier.ForAnyValue : SetQualifier.None, parsed.Qualifier);
    }

    [Fact]
    public void There_are_27_base_operators()
    {
        // String 6, Numeric 6, Date 6, Bool, Binary, IP 2, ARN 4, Null (condition operators page).
        Assert.Equal(27, Enum.GetValues<ConditionOperatorKind>().Length);
        Assert.Equal(3 * (27 * 2 - 1), EveryOperator().Count());
    }

    [Theory]
    [InlineData("stringEquals", ParseErrorCodes.InvalidConditionOperator, "did you mean \"StringEquals\"")]
    [InlineData("StringEqualsIfexists", ParseErrorCodes.InvalidConditionOperator, "unknown condition operator")]
    [InlineData("IfExists", ParseErrorCodes.InvalidConditionOperator, "unknown condition operator")]
    [InlineData("ForSomeValues:StringEquals", ParseErrorCodes.InvalidSetQualifier, "ForAllValues:")]
    [InlineData("forallvalues:StringEquals", ParseErrorCodes.InvalidSetQualifier, "ForAllValues:")]
    [InlineData("NullIfExists", ParseErrorCodes.NullWithIfExists, "IfExists cannot be combined with Null")]
    [InlineData("ForAnyValue:NullIfExists", ParseErrorCodes.NullWithIfExists, "IfExists cannot be combined with Null")]
    public void Misspelt_operators_are_errors_at_the_operator(string op, string code, string message)
    {
        var text = WithCondition($"{{\"{op}\":{{\"k\":\"true\"}}}}");
        var error = SingleError(text);
        Assert.Equal(code, error.Code);
        Assert.Equal((1, text.IndexOf(op, StringComparison.Ordinal)), (error.Span.Line, error.Span.Column));
        Assert.Contains(message, error.Message);
    }

    public static TheoryData<string, string, string> DuplicateKeys() => new()
    {
        // policy text, the duplicated key, the JSON path reported
        { """{"Version":"2012-10-17","Version":"2008-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}""", "Version", "Version" },
        { """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}],"Statement":[]}""", "Statement", "Statement" },
        { """{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Effect":"Allow","Action":"*","Resource":"*"}]}""", "Effect", "Statement[0].Effect" },
        { """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Action":"*","Resource":"*"}]}""", "Action", "Statement[0].Action" },
        { """{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"Bool":{"aws:MultiFactorAuthPresent":"false"},"Bool":{"aws:ViaAWSService":"false"}}}]}""", "Bool", "Statement[0].Condition.Bool" },
        { """{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"NotIpAddress":{"aws:SourceIp":"203.0.113.0/24","aws:SourceIp":"0.0.0.0/0"}}}]}""", "aws:SourceIp", "Statement[0].Condition.NotIpAddress.aws:SourceIp" },
    };

    [Theory]
    [MemberData(nameof(DuplicateKeys))]
    public void Duplicate_keys_are_errors_at_the_second_key_naming_the_first(string text, string key, string path)
    {
        var result = PolicyParser.Parse(text, "dup.json");
        var error = Assert.Single(result.Diagnostics, d => d.Code == ParseErrorCodes.DuplicateJsonKey);
        int first = text.IndexOf($"\"{key}\"", StringComparison.Ordinal);
        int second = text.IndexOf($"\"{key}\"", first + 1, StringComparison.Ordinal);
        Assert.Equal((1, second + 1), (error.Span.Line, error.Span.Column));
        Assert.Equal(path, error.JsonPath);
        Assert.Contains($"duplicate key \"{key}\" (first at 1:{first + 1})", error.Message);
        Assert.StartsWith($"dup.json:1:{second + 1}: error DUPLICATE_JSON_KEY: ", error.Format("dup.json"));
    }

    [Fact]
    public void Duplicate_principal_types_are_reported_in_resource_policies()
    {
        var text = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"111122223333","AWS":"*"},"Action":"s3:*","Resource":"*"}]}""";
        var result = PolicyParser.Parse(text, "bucket.json", PolicyKind.Resource);
        Assert.Contains(result.Diagnostics, d => d.Code == ParseErrorCodes.DuplicateJsonKey && d.JsonPath == "Statement[0].Principal.AWS");
    }

    [Fact]
    public void Keys_differing_only_in_case_are_not_duplicates_but_the_wrong_case_is_an_unknown_element()
    {
        var result = PolicyParser.Parse("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","effect":"Deny","Action":"*","Resource":"*"}]}""", "p.json");
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == ParseErrorCodes.DuplicateJsonKey);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(ParseErrorCodes.InvalidPolicyElement, error.Code);
        Assert.Contains("did you mean \"Effect\"?", error.Message);
    }

    [Theory]
    [InlineData("2012-10-17", PolicyVersion.V2012_10_17)]
    [InlineData("2008-10-17", PolicyVersion.V2008_10_17)]
    [InlineData(null, PolicyVersion.Missing)]
    public void Version_is_one_of_two_dates_or_absent(string? version, PolicyVersion expected)
    {
        var head = version is null ? "" : $"\"Version\":\"{version}\",";
        Assert.Equal(expected, ParseClean($$"""{{{head}}"Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}""").Version);
    }

    [Theory]
    [InlineData("\"2012-10-18\"", "found \"2012-10-18\"")]
    [InlineData("20121017", "found 20121017")]
    [InlineData("\"2012-10-17 \"", "found \"2012-10-17 \"")]
    public void Any_other_version_is_an_error_at_its_value(string version, string message)
    {
        var text = $$"""{"Version":{{version}},"Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}""";
        var error = SingleError(text);
        Assert.Equal(ParseErrorCodes.InvalidVersion, error.Code);
        Assert.Equal(12, error.Span.Column);
        Assert.Contains(message, error.Message);
    }

    [Theory]
    [InlineData(PolicyKind.Identity, ParseErrorCodes.UnsupportedPrincipal)]
    [InlineData(PolicyKind.PermissionsBoundary, ParseErrorCodes.UnsupportedPrincipal)]
    [InlineData(PolicyKind.Session, ParseErrorCodes.UnsupportedPrincipal)]
    [InlineData(PolicyKind.ServiceControl, ParseErrorCodes.UnsupportedPrincipal)]
    [InlineData(PolicyKind.Resource, null)]
    [InlineData(PolicyKind.ResourceControl, null)]
    public void Principal_is_forbidden_in_identity_type_policies_and_allowed_in_resource_policies(PolicyKind kind, string? code)
    {
        var result = PolicyParser.Parse("""{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"*"}]}""", "p.json", kind);
        Assert.Equal(code, result.Diagnostics.SingleOrDefault()?.Code);
    }

    [Theory]
    [InlineData(PolicyKind.Resource)]
    [InlineData(PolicyKind.ResourceControl)]
    public void Resource_policies_need_a_principal(PolicyKind kind)
    {
        var error = SingleError("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}""", kind);
        Assert.Equal(ParseErrorCodes.MissingPrincipal, error.Code);
        Assert.Equal((1, 38), (error.Span.Line, error.Span.Column));
    }

    [Theory]
    [InlineData("""{"Users":"arn:aws:iam::111122223333:root"}""", ParseErrorCodes.InvalidPrincipalType)]
    [InlineData("\"arn:aws:iam::111122223333:root\"", ParseErrorCodes.InvalidElementType)]
    [InlineData("""{"AWS":3}""", ParseErrorCodes.InvalidElementType)]
    public void Malformed_principals_are_errors(string principal, string code)
    {
        var result = PolicyParser.Parse($$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{{principal}},"Action":"s3:*","Resource":"*"}]}""", "p.json", PolicyKind.Resource);
        Assert.Equal(code, Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void Resource_policies_accept_sids_with_spaces_and_repeats_that_IAM_would_refuse()
    {
        var text = """{"Version":"2012-10-17","Statement":[{"Sid":"read it","Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*"},{"Sid":"read it","Effect":"Allow","Principal":"*","Action":"s3:ListBucket","Resource":"*"}]}""";
        ParseClean(text, PolicyKind.Resource);
        var identity = PolicyParser.Parse(text.Replace("\"Principal\":\"*\",", ""), "p.json");
        Assert.Equal([ParseErrorCodes.UnsupportedSid, ParseErrorCodes.UnsupportedSid, ParseErrorCodes.UniqueSidsRequired],
            identity.Diagnostics.Select(d => d.Code));
    }

    [Theory]
    [InlineData("""{"Bool":{"aws:SecureTransport":null}}""", ParseErrorCodes.InvalidElementType, "a condition value must be a string, number or boolean")]
    [InlineData("""{"Bool":{"aws:SecureTransport":{"a":"b"}}}""", ParseErrorCodes.InvalidElementType, "a condition value must be a string, number or boolean")]
    [InlineData("""{"Bool":"aws:SecureTransport"}""", ParseErrorCodes.InvalidElementType, "must map condition keys to values")]
    [InlineData("""["Bool"]""", ParseErrorCodes.InvalidElementType, "\"Condition\" must be an object")]
    [InlineData("""{"NumericEquals":{"s3:max-keys":"${aws:username}"}}""", ParseErrorCodes.InvalidVariableForOperator, "policy variables cannot be used with \"NumericEquals\"")]
    [InlineData("""{"IpAddress":{"aws:SourceIp":"203.0.113.0/33"}}""", ParseErrorCodes.InvalidConditionValue, "IPv4 or IPv6")]
    [InlineData("""{"IpAddress":{"aws:SourceIp":"2001:db8::/129"}}""", ParseErrorCodes.InvalidConditionValue, "IPv4 or IPv6")]
    [InlineData("""{"IpAddress":{"aws:SourceIp":"203.0.113"}}""", ParseErrorCodes.InvalidConditionValue, "IPv4 or IPv6")]
    [InlineData("""{"DateLessThan":{"aws:CurrentTime":"2025-13-01"}}""", ParseErrorCodes.InvalidConditionValue, "a date")]
    [InlineData("""{"DateLessThan":{"aws:CurrentTime":"yesterday"}}""", ParseErrorCodes.InvalidConditionValue, "a date")]
    [InlineData("""{"NumericLessThan":{"s3:max-keys":"ten"}}""", ParseErrorCodes.InvalidConditionValue, "a number")]
    [InlineData("""{"Bool":{"aws:SecureTransport":"yes"}}""", ParseErrorCodes.InvalidConditionValue, "\"true\" or \"false\"")]
    [InlineData("""{"Null":{"aws:SourceIp":"absent"}}""", ParseErrorCodes.InvalidConditionValue, "\"true\" (key absent)")]
    [InlineData("""{"BinaryEquals":{"aws:RequestTag/blob":"not base64!"}}""", ParseErrorCodes.InvalidConditionValue, "base64")]
    public void Condition_values_of_the_wrong_type_or_form_are_errors_at_the_value(string condition, string code, string message)
    {
        var text = WithCondition(condition);
        var error = SingleError(text);
        Assert.Equal(code, error.Code);
        Assert.Contains(message, error.Message);
        Assert.True(error.Span.Column > text.IndexOf("\"Condition\"", StringComparison.Ordinal), $"error at {error.Span}, before the condition");
    }

    [Theory]
    [InlineData("\"Effect\":3", ParseErrorCodes.InvalidEffect, "found 3")]
    [InlineData("\"Effect\":\"allow\"", ParseErrorCodes.InvalidEffect, "case-sensitive")]
    [InlineData("\"Effect\":[\"Allow\"]", ParseErrorCodes.InvalidEffect, "found an array")]
    [InlineData("\"Effect\":\"Allow\",\"Action\":7", ParseErrorCodes.InvalidElementType, "expected a string or an array of strings; found a number")]
    [InlineData("\"Effect\":\"Allow\",\"Action\":[\"s3:GetObject\",true]", ParseErrorCodes.InvalidElementType, "expected a string; found a boolean")]
    [InlineData("\"Effect\":\"Allow\",\"Action\":[]", ParseErrorCodes.MissingAction, "empty list")]
    [InlineData("\"Effect\":\"Allow\",\"Action\":\"s3\"", ParseErrorCodes.InvalidAction, "\"service:Action\"")]
    [InlineData("\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"bucket\"", ParseErrorCodes.InvalidArn, "an ARN starting with \"arn:\"")]
    [InlineData("\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":[]", ParseErrorCodes.MissingResource, "empty list")]
    [InlineData("\"Sid\":5,\"Effect\":\"Allow\",\"Action\":\"*\"", ParseErrorCodes.InvalidElementType, "expected a string; found 5")]
    public void Elements_of_the_wrong_type_are_errors(string members, string code, string message)
    {
        var text = "{\"Version\":\"2012-10-17\",\"Statement\":[{" + members + (members.Contains("Resource") ? "" : ",\"Resource\":\"*\"") + "}]}";
        if (!members.Contains("Action")) text = text.Replace("\"Resource\"", "\"Action\":\"*\",\"Resource\"");
        var result = PolicyParser.Parse(text, "p.json");
        var error = Assert.Single(result.Diagnostics, d => d.Code == code);
        Assert.Contains(message, error.Message);
        Assert.True(error.Span.IsKnown);
    }

    [Theory]
    [InlineData("""[{"Effect":"Allow","Action":"*","Resource":"*"},[]]""", "Statement[1]", "each statement must be a JSON object; found an array")]
    [InlineData("\"Allow\"", "Statement", "\"Statement\" must be an object or an array of objects; found a string")]
    [InlineData("null", "Statement", "found null")]
    public void Statement_must_hold_objects(string statement, string path, string message)
    {
        var result = PolicyParser.Parse($$"""{"Version":"2012-10-17","Statement":{{statement}}}""", "p.json");
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal((ParseErrorCodes.InvalidElementType, path), (error.Code, error.JsonPath));
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Errors_name_the_file_line_column_and_what_was_expected()
    {
        var text = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\",\n     \"Condition\": {\"IpAddress\": {\"aws:SourceIp\": \"10.0.0.256/8\"}}}\n  ]\n}\n";
        var error = SingleError(text);
        Assert.Equal("admins.json:5:50: error INVALID_CONDITION_VALUE: \"IpAddress\" on \"aws:SourceIp\" needs an IPv4 or IPv6 address or CIDR such as \"203.0.113.0/24\"; found \"10.0.0.256/8\"",
            error.Format("admins.json"));
    }

    [Fact]
    public void Every_error_of_a_policy_is_reported_in_source_order_not_only_the_first()
    {
        var text = """{"Version":"2012-10-17","Statement":[{"Effect":"allow","Action":"*","Resource":"*"},{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"StringEqualz":{"k":"v"}}},{"Sid":"a b","Effect":"Allow","NotAction":"*","Action":"*","Resource":"*"}]}""";
        var result = PolicyParser.Parse(text, "p.json");
        Assert.Equal([ParseErrorCodes.InvalidEffect, ParseErrorCodes.InvalidConditionOperator, ParseErrorCodes.UnsupportedSid, ParseErrorCodes.UnsupportedElementCombination],
            result.Diagnostics.Select(d => d.Code));
        Assert.Equal(result.Diagnostics.Select(d => d.Span.Offset).Order(), result.Diagnostics.Select(d => d.Span.Offset));
    }

    [Fact]
    public void A_document_with_errors_cannot_be_used_for_decisions()
    {
        var result = PolicyParser.Parse("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"NullIfExists":{"k":"true"}}}]}""", "p.json");
        var ex = Assert.Throws<PolicyParseException>(() => result.GetDocumentOrThrow("p.json"));
        Assert.StartsWith("p.json:1:", ex.Message);
        Assert.Contains("NULL_WITH_IF_EXISTS", ex.Message);
    }

    private static string WithCondition(string condition) =>
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":" + condition + "}]}";

    private static PolicyDiagnostic SingleError(string text, PolicyKind kind = PolicyKind.Identity)
    {
        var result = PolicyParser.Parse(text, "p.json", kind);
        Assert.True(result.Diagnostics.Length == 1, "expected one error, got: " + string.Join("\n", result.Diagnostics.Select(d => d.Format("p.json"))));
        return result.Diagnostics[0];
    }
}
