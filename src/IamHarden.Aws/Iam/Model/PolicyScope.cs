namespace IamHarden.Aws;

/// <summary>Which managed policies ListPolicies returns: all, AWS managed, or customer managed ("Local").</summary>
public enum PolicyScope
{
    All,
    Aws,
    Local,
}
