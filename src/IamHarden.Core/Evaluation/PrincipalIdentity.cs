namespace IamHarden.Core.Evaluation;

/// <summary>What kind of caller makes a request.</summary>
public enum PrincipalKind { User, Role, RoleSession, FederatedUser, Root, Service, Anonymous }

/// <summary>
/// The caller of a request, read from its ARN: IAM user, role session
/// (arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION), federated user, account root, an AWS service
/// principal (e.g. "cloudformation.amazonaws.com") or anonymous ("*").
/// </summary>
public sealed record PrincipalIdentity(string Arn, PrincipalKind Kind, string Partition, string AccountId, string Name)
{
    /// <summary>The default caller of `simulate`: arn:aws:iam::123456789012:user/alice.</summary>
    public static PrincipalIdentity DefaultUser { get; } = Parse("arn:aws:iam::123456789012:user/alice");

    /// <summary>For a role session: the role's name (sessions carry no role path).</summary>
    public string? RoleName => Kind == PrincipalKind.RoleSession ? Name.Split('/')[0] : Kind == PrincipalKind.Role ? Name : null;

    public static bool TryParse(string text, out PrincipalIdentity principal)
    {
        principal = null!;
        if (text == "*" || text.Equals("anonymous", StringComparison.OrdinalIgnoreCase))
        {
            principal = new PrincipalIdentity("*", PrincipalKind.Anonymous, "aws", "", "anonymous");
            return true;
        }
        if (!text.StartsWith("arn:", StringComparison.Ordinal))
        {
            if (text.EndsWith(".amazonaws.com", StringComparison.Ordinal) || text.EndsWith(".amazonaws.com.cn", StringComparison.Ordinal))
            {
                principal = new PrincipalIdentity(text, PrincipalKind.Service, "aws", "", text);
                return true;
            }
            return false;
        }
        var parts = text.Split(':', 6);
        if (parts.Length != 6 || parts[4].Length != 12 || !parts[4].All(char.IsAsciiDigit)) return false;
        string partition = parts[1], service = parts[2], account = parts[4], resource = parts[5];
        PrincipalKind? kind = (service, resource) switch
        {
            ("iam", "root") => PrincipalKind.Root,
            ("iam", var r) when r.StartsWith("user/", StringComparison.Ordinal) => PrincipalKind.User,
            ("iam", var r) when r.StartsWith("role/", StringComparison.Ordinal) => PrincipalKind.Role,
            ("sts", var r) when r.StartsWith("assumed-role/", StringComparison.Ordinal) && r.Count(c => c == '/') == 2 => PrincipalKind.RoleSession,
            ("sts", var r) when r.StartsWith("federated-user/", StringComparison.Ordinal) => PrincipalKind.FederatedUser,
            _ => null,
        };
        if (kind is null) return false;
        var name = kind switch
        {
            PrincipalKind.Root => "root",
            PrincipalKind.RoleSession => resource["assumed-role/".Length..],
            _ => resource[(resource.LastIndexOf('/') + 1)..],
        };
        principal = new PrincipalIdentity(text, kind.Value, partition, account, name);
        return true;
    }

    public static PrincipalIdentity Parse(string text) =>
        TryParse(text, out var p) ? p : throw new FormatException(
            $"\"{text}\" is not a principal ARN; expected e.g. arn:aws:iam::123456789012:user/alice, arn:aws:sts::123456789012:assumed-role/Role/session, arn:aws:iam::123456789012:root or a service such as s3.amazonaws.com");

    public override string ToString() => Arn;
}
