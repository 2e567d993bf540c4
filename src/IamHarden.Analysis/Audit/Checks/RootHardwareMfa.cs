namespace IamHarden.Analysis.Audit.Checks;

/// <summary>root_hardware_mfa: the root user's MFA is a hardware device, not a virtual (app) one.</summary>
public sealed class RootHardwareMfa : IAuditCheck
{
    public static CheckMetadata Definition { get; } = new()
    {
        Id = "root_hardware_mfa",
        Subject = "account",
        Severity = Severity.High,
        Title = new("The root user uses a hardware MFA device", "루트 사용자가 하드웨어 MFA 디바이스를 사용함"),
        Risk = new("A virtual MFA app lives on a phone that can be lost, cloned or used for other things; CIS asks for hardware MFA on root.",
            "가상 MFA 앱은 분실·복제될 수 있는 휴대폰에 있으므로, CIS는 루트에 하드웨어 MFA를 요구합니다."),
        Logic = "When the root user has MFA, fires if virtual-mfa-devices.json lists a virtual device assigned to the root ARN (hardware TOTP tokens and FIDO keys never appear there). Without MFA at all, root_mfa_enabled reports instead, so the two never fire together.",
        Remediation = new("Replace the root user's virtual MFA device with a hardware key (FIDO security key or hardware TOTP token).",
            "루트 사용자의 가상 MFA를 하드웨어 키(FIDO 보안 키 또는 하드웨어 TOTP 토큰)로 교체하십시오."),
        FixCommand = "AWS console (root) → Security credentials → Assign MFA device → Security key / Hardware TOTP token; then remove the virtual device",
        GuideSection = "4",
        Cis = CheckMetadata.CisIds("1.6", "2.6"),
        IsmsP = ["2.5.3", "2.5.5"],
    };

    public CheckMetadata Metadata => Definition;

    public IEnumerable<Finding> Run(AuditContext context)
    {
        var snapshot = context.Snapshot;
        bool mfa = snapshot.AccountSummary.TryGetValue("AccountMFAEnabled", out var flag) ? flag == 1 : snapshot.Root?.MfaActive == true;
        if (!mfa) yield break; // root_mfa_enabled reports the missing device
        var virtualDevice = snapshot.VirtualMfaDevices.FirstOrDefault(d => d.UserArn == snapshot.RootArn);
        if (virtualDevice is not null)
            yield return new Finding
            {
                Check = Definition,
                Subject = snapshot.RootArn,
                Message = new($"The root user's MFA is the virtual device {virtualDevice.SerialNumber}.",
                    $"루트 사용자의 MFA가 가상 디바이스({virtualDevice.SerialNumber})입니다."),
            };
    }
}
