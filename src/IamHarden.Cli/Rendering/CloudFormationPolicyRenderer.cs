using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using IamHarden.Core.Policy;

namespace IamHarden.Cli.Rendering;

/// <summary>A CloudFormation template (JSON) with one AWS::IAM::ManagedPolicy per policy, attached to its groups.</summary>
public static partial class CloudFormationPolicyRenderer
{
    [GeneratedRegex("[^A-Za-z0-9]")]
    private static partial Regex NotAlphanumeric();

    public static string Render(IEnumerable<GeneratedPolicy> policies, string description)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("AWSTemplateFormatVersion", "2010-09-09");
            json.WriteString("Description", description);
            json.WriteStartObject("Resources");
            foreach (var policy in policies)
            {
                // Logical ids are alphanumeric.
                json.WriteStartObject(NotAlphanumeric().Replace(policy.Name, "") + "Policy");
                json.WriteString("Type", "AWS::IAM::ManagedPolicy");
                json.WriteStartObject("Properties");
                json.WriteString("ManagedPolicyName", policy.Name);
                json.WriteString("Description", policy.Description);
                if (policy.Groups.Count > 0)
                {
                    json.WriteStartArray("Groups");
                    foreach (var g in policy.Groups) json.WriteStringValue(g);
                    json.WriteEndArray();
                }
                json.WritePropertyName("PolicyDocument");
                PolicyPrinter.Write(json, policy.Document);
                json.WriteEndObject();
                json.WriteEndObject();
            }
            json.WriteEndObject();
            json.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }
}
