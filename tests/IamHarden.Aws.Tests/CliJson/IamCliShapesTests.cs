using System.Text.Json;
using System.Text.Json.Nodes;
using IamHarden.Aws.CliJson;
using IamHarden.Aws.Tests.Infrastructure;

namespace IamHarden.Aws.Tests.CliJson;

/// <summary>
/// The hand-written shapes must list the same members, in the same order and with the same types, as the IAM model
/// the installed AWS CLI uses (botocore's service-2.json), read here through Python.
/// </summary>
public sealed class IamCliShapesTests
{
    [Theory]
    [InlineData("GetAccountAuthorizationDetails")]
    [InlineData("GetAccountSummary")]
    [InlineData("GetAccountPasswordPolicy")]
    [InlineData("ListVirtualMFADevices")]
    public async Task Shapes_match_the_botocore_model(string operation)
    {
        var python = ExternalProcess.Find("python3", "/root/.pyenv/shims/python3")
                     ?? throw new InvalidOperationException("python3 is needed to read the botocore model.");
        var script = File.ReadAllText(TestEnvironment.Fixture("CliJson/describe_shape.py"));
        var result = await ExternalProcess.RunAsync(python, ["-c", script, operation], new Dictionary<string, string?>(), TimeSpan.FromSeconds(60));
        Assert.True(result.ExitCode == 0, result.StandardError);

        var shape = operation switch
        {
            "GetAccountAuthorizationDetails" => IamCliShapes.GetAccountAuthorizationDetails,
            "GetAccountSummary" => IamCliShapes.GetAccountSummary,
            "GetAccountPasswordPolicy" => IamCliShapes.GetAccountPasswordPolicy,
            _ => IamCliShapes.ListVirtualMfaDevices,
        };
        Assert.Equal(result.StandardOutput.Trim(), Describe(shape).ToJsonString());
    }

    /// <summary>The same description describe_shape.py prints: structures as [[name, member]...], lists as {"list": m},
    /// maps as {"map": v}, scalars by botocore type name (policy documents as "policyDocument").</summary>
    private static JsonNode Describe(CliShape shape) => shape switch
    {
        CliStructure s => new JsonArray(s.Members.Select(m => (JsonNode)new JsonArray(JsonValue.Create(m.Name), Describe(m.Shape))).ToArray()),
        CliList l => new JsonObject { ["list"] = Describe(l.Member) },
        CliMap m => new JsonObject { ["map"] = Describe(m.Value) },
        CliScalar { Kind: CliScalarKind.PolicyDocument } => JsonValue.Create("policyDocument"),
        CliScalar c => JsonValue.Create(JsonNamingPolicy.CamelCase.ConvertName(c.Kind.ToString())),
        _ => throw new InvalidOperationException(),
    };
}
