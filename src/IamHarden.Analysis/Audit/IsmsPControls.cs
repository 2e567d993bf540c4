namespace IamHarden.Analysis.Audit;

/// <summary>
/// The ISMS-P (정보보호 및 개인정보보호 관리체계 인증, KISA) controls the audit checks refer to, with
/// their official Korean names, so reports and docs can say which control a finding is about.
/// </summary>
public static class IsmsPControls
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        ["2.5.1"] = "사용자 계정 관리",
        ["2.5.3"] = "사용자 인증",
        ["2.5.4"] = "비밀번호 관리",
        ["2.5.5"] = "특수 계정 및 권한 관리",
        ["2.5.6"] = "접근권한 검토",
        ["2.6.1"] = "네트워크 접근",
        ["2.6.6"] = "원격접근 통제",
        ["2.12.1"] = "재해·재난 대비 안전조치",
    };

    /// <summary>The control's name, or null for a control IamHarden does not know.</summary>
    public static string? Name(string control) => Names.GetValueOrDefault(control);
}
