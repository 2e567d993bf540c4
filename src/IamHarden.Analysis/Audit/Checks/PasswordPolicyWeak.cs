namespace IamHarden.Analysis.Audit.Checks;

/// <summary>password_policy_weak: the account password policy is missing or weaker than required (CIS: length 14, reuse 24).</summary>
public sealed class PasswordPolicyWeak : IAuditCheck
{
    public static CheckMetadata Definition { get; } = new()
    {
        Id = "password_policy_weak",
        Subject = "account",
        Severity = Severity.Medium,
        Title = new("The account password policy is strong", "계정 비밀번호 정책이 충분히 강함"),
        Risk = new("Short or reused passwords are guessed and sprayed; MFA is the second line, not the only one.",
            "짧거나 재사용된 비밀번호는 추측·대입 공격에 취약하며, MFA는 유일한 방어선이 아니라 두 번째 방어선입니다."),
        Logic = "Fires when password-policy.json is absent (no policy: AWS's defaults apply) or weaker than passwordPolicy in the configuration: minimum length, reuse prevention, each required character class, and the maximum age when one is configured. One finding lists every gap.",
        Remediation = new("Set a password policy with at least the required length, reuse prevention and character classes.",
            "요구되는 최소 길이, 재사용 방지, 문자 종류를 갖춘 비밀번호 정책을 설정하십시오."),
        FixCommand = "aws iam update-account-password-policy --minimum-password-length 14 --password-reuse-prevention 24 --require-symbols --require-numbers --require-uppercase-characters --require-lowercase-characters --allow-users-to-change-password",
        GuideSection = "6",
        Cis = CheckMetadata.CisIds("1.8,1.9", "2.8,2.9"),
        IsmsP = ["2.5.4"],
    };

    public CheckMetadata Metadata => Definition;

    public IEnumerable<Finding> Run(AuditContext context)
    {
        var required = context.Config.PasswordPolicy;
        var policy = context.Snapshot.PasswordPolicy;
        var subject = context.Snapshot.RootArn;
        if (policy is null)
        {
            yield return new Finding
            {
                Check = Definition,
                Subject = subject,
                Message = new("The account has no password policy (AWS defaults: 8 characters, no reuse prevention).",
                    "계정에 비밀번호 정책이 없습니다(AWS 기본값: 8자, 재사용 방지 없음)."),
            };
            yield break;
        }
        var gaps = new List<(string En, string Ko)>();
        if (policy.MinimumPasswordLength < required.MinimumLength)
            gaps.Add(($"minimum length {policy.MinimumPasswordLength} < {required.MinimumLength}", $"최소 길이 {policy.MinimumPasswordLength} < {required.MinimumLength}"));
        if ((policy.PasswordReusePrevention ?? 0) < required.ReusePrevention)
            gaps.Add(($"reuse prevention {policy.PasswordReusePrevention ?? 0} < {required.ReusePrevention}", $"재사용 방지 {policy.PasswordReusePrevention ?? 0} < {required.ReusePrevention}"));
        if (required.RequireSymbols && !policy.RequireSymbols) gaps.Add(("symbols not required", "특수문자 미요구"));
        if (required.RequireNumbers && !policy.RequireNumbers) gaps.Add(("numbers not required", "숫자 미요구"));
        if (required.RequireUppercase && !policy.RequireUppercaseCharacters) gaps.Add(("uppercase letters not required", "대문자 미요구"));
        if (required.RequireLowercase && !policy.RequireLowercaseCharacters) gaps.Add(("lowercase letters not required", "소문자 미요구"));
        if (required.MaxAgeDays is { } maxAge && (!policy.ExpirePasswords || policy.MaxPasswordAge is null || policy.MaxPasswordAge > maxAge))
            gaps.Add(($"passwords do not expire within {maxAge} days", $"비밀번호가 {maxAge}일 이내에 만료되지 않음"));
        if (gaps.Count > 0)
            yield return new Finding
            {
                Check = Definition,
                Subject = subject,
                Message = new("The password policy is weaker than required: " + string.Join(", ", gaps.Select(g => g.En)) + ".",
                    "비밀번호 정책이 요구 수준보다 약합니다: " + string.Join(", ", gaps.Select(g => g.Ko)) + "."),
            };
    }
}
