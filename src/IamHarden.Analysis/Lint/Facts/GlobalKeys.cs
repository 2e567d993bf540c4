namespace IamHarden.Analysis.Lint.Facts;

/// <summary>The global condition keys the guide's policies and their traps are about (spec §7).</summary>
public static class GlobalKeys
{
    public const string MultiFactorAuthPresent = "aws:MultiFactorAuthPresent";
    public const string MultiFactorAuthAge = "aws:MultiFactorAuthAge";
    public const string SourceIp = "aws:SourceIp";
    public const string ViaAwsService = "aws:ViaAWSService";
    public const string CalledVia = "aws:CalledVia";
    public const string SourceVpc = "aws:SourceVpc";
    public const string SourceVpce = "aws:SourceVpce";
    public const string VpcSourceIp = "aws:VpcSourceIp";

    /// <summary>Keys present only on requests through a VPC endpoint, exactly when aws:SourceIp is absent.</summary>
    public static readonly string[] VpcEndpointKeys = [SourceVpc, SourceVpce, VpcSourceIp];

    public static bool Is(string key, string name) => string.Equals(key, name, StringComparison.OrdinalIgnoreCase);
}
