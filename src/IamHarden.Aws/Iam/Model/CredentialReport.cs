using System.Text;

namespace IamHarden.Aws;

/// <summary>A credential report: the decoded CSV bytes exactly as AWS produced them, and when AWS generated it
/// (IAM regenerates at most every four hours, so this may be older than the request).</summary>
public sealed record CredentialReport(byte[] Content, string ReportFormat, DateTimeOffset GeneratedTime)
{
    /// <summary>The CSV as text (UTF-8).</summary>
    public string Text => Encoding.UTF8.GetString(Content);
}
