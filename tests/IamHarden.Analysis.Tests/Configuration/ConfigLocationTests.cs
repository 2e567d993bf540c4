using IamHarden.Analysis.Configuration;

namespace IamHarden.Analysis.Tests.Configuration;

/// <summary>The reader remembers where keys and list entries are, so later checks (plan/apply) can point at them.</summary>
public class ConfigLocationTests
{
    private const string Yaml = "allowedCidrs:\n  - 203.0.113.0/24\nmfa:\n  groups: [Admins, Developers]\nipRestriction:\n  scope: admins\n";

    [Fact]
    public void Keys_and_list_entries_have_their_line_and_column()
    {
        var config = ConfigReader.Parse(Yaml, "c.yaml");
        Assert.Equal(new ConfigLocation(4, 3), config.Locations["mfa.groups"]);
        Assert.Equal("c.yaml:4:20", config.Position("mfa.groups[1]"));
        Assert.Equal("c.yaml:2:5", config.Position("allowedCidrs[0]"));
        Assert.Equal("c.yaml", config.Position("breakGlass.users"));
    }

    [Fact]
    public void A_key_left_out_is_told_from_a_key_given_as_an_empty_list()
    {
        var config = ConfigReader.Parse(Yaml + "breakGlass:\n  users: []\n", "c.yaml");
        Assert.True(config.Has("mfa.groups"));
        Assert.False(config.Has("ipRestriction.groups"));
        Assert.True(config.Has("breakGlass.users"));
        Assert.Empty(config.BreakGlass.Users);
    }
}
