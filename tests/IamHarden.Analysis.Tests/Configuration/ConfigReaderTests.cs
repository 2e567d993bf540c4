using IamHarden.Analysis.Configuration;

namespace IamHarden.Analysis.Tests.Configuration;

public class ConfigReaderTests
{
    [Fact]
    public void Reads_the_sample_configuration()
    {
        var config = ConfigReader.Read(Fixtures.Sample("iamharden.yaml"));
        Assert.Equal(["203.0.113.0/24", "2001:db8:1234::/48"], config.AllowedCidrs);
        Assert.Equal(["victor", "walter", "emergency-admin"], config.BreakGlass.Users);
        Assert.Equal(IpRestrictionScope.Admins, config.IpRestriction.Scope);
        Assert.Equal(45, config.Thresholds.UnusedCredentialDays);
        Assert.Contains("Developers", config.Mfa.Groups);
    }

    [Fact]
    public void Every_key_is_optional()
    {
        var config = ConfigReader.Parse("", "empty.yaml");
        Assert.Empty(config.AllowedCidrs);
        Assert.Equal(90, config.Thresholds.AccessKeyMaxAgeDays);
    }

    [Theory]
    [InlineData("alowedCidrs: []", "empty.yaml:1:1: unknown key \"alowedCidrs\" in the configuration; did you mean \"allowedCidrs\"?")]
    [InlineData("thresholds:\n  unusedCredentialDay: 30", "empty.yaml:2:3: unknown key \"unusedCredentialDay\" in thresholds; did you mean \"unusedCredentialDays\"?")]
    [InlineData("allowedCidrs:\n  - 203.0.113.0/24\n  - 300.1.1.1/8", "empty.yaml:3:5: allowedCidrs: \"300.1.1.1/8\" is not an IPv4 or IPv6 address or CIDR")]
    [InlineData("ipRestriction:\n  scope: everyone", "empty.yaml:2:10: ipRestriction.scope must be admins, console-users or all-users")]
    [InlineData("thresholds:\n  accessKeyMaxAgeDays: soon", "empty.yaml:2:24: thresholds.accessKeyMaxAgeDays must be a whole number")]
    [InlineData("allowedCidrs: [a, b", "empty.yaml:2:1: invalid YAML")]
    public void Bad_configuration_is_reported_with_position_and_the_nearest_valid_key(string yaml, string expected) =>
        Assert.StartsWith(expected, Assert.Throws<ConfigException>(() => ConfigReader.Parse(yaml, "empty.yaml")).Message);
}
