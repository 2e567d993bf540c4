using System.Text.RegularExpressions;
using IamHarden.Analysis.Configuration;
using IamHarden.Analysis.Tests.Lint;

namespace IamHarden.Analysis.Tests.Configuration;

/// <summary>
/// docs/CONFIG.md and the reader agree: every documented example is accepted, the complete
/// example parses, and every key the reader accepts is documented (in CONFIG.md, or APPLY.md for
/// keys added for plan/apply). The reader's keys are discovered from the reader itself, through
/// its "valid keys" error, so a key added to the reader without docs fails here.
/// </summary>
public partial class ConfigDocsTests
{
    private static readonly string ConfigDoc = File.ReadAllText(LintFixtures.RepositoryFile("docs/CONFIG.md"));

    private static string ApplyDoc => File.Exists(LintFixtures.RepositoryFile("docs/APPLY.md")) ? File.ReadAllText(LintFixtures.RepositoryFile("docs/APPLY.md")) : "";

    [GeneratedRegex(@"^\| `(?<key>[A-Za-z.]+)` \| [^|]+ \| [^|]+ \| `(?<example>[^`]+)` \|", RegexOptions.Multiline)]
    private static partial Regex KeyRow();

    private static List<(string Key, string Example)> DocumentedKeys()
    {
        var table = GeneratedDocs.Section("docs/CONFIG.md", ConfigDoc, "keys");
        return KeyRow().Matches(table).Select(m => (m.Groups["key"].Value, m.Groups["example"].Value)).ToList();
    }

    [Fact]
    public void Every_documented_example_is_accepted()
    {
        var keys = DocumentedKeys();
        Assert.True(keys.Count >= 15, "the key table was not found or not parsed");
        foreach (var (key, example) in keys)
        {
            var path = key.Split('.');
            var yaml = path.Length == 1 ? $"{key}: {example}\n" : $"{path[0]}:\n  {path[1]}: {example}\n";
            var exception = Record.Exception(() => ConfigReader.Parse(yaml, "example.yaml"));
            Assert.True(exception is null, $"{key}: {exception?.Message}");
        }
    }

    [Fact]
    public void The_complete_example_parses_with_its_values()
    {
        var yaml = Regex.Match(ConfigDoc, "## A complete example.*?```yaml\n(?<yaml>.*?)```", RegexOptions.Singleline).Groups["yaml"].Value;
        var config = ConfigReader.Parse(yaml, "CONFIG.md");
        Assert.Equal(["203.0.113.0/24", "2001:db8:1234::/48"], config.AllowedCidrs);
        Assert.Equal(IpRestrictionScope.Admins, config.IpRestriction.Scope);
        Assert.Equal(365, config.PasswordPolicy.MaxAgeDays);
        Assert.Equal("/security/", config.PolicyPath);
        // Every documented key appears in the complete example.
        foreach (var (key, _) in DocumentedKeys())
            Assert.Contains(key.Split('.')[^1] + ":", yaml);
    }

    [Fact]
    public void Every_key_the_reader_accepts_is_documented()
    {
        var documented = DocumentedKeys().Select(k => k.Key).ToHashSet();
        foreach (var key in ReaderKeys())
            Assert.True(documented.Contains(key) || ApplyDoc.Contains($"`{key}`", StringComparison.Ordinal),
                $"the reader accepts \"{key}\" but docs/CONFIG.md (or docs/APPLY.md) does not document it");
    }

    [Fact]
    public void Documented_defaults_are_the_readers_defaults()
    {
        var defaults = ConfigReader.Parse("", "empty.yaml");
        string Default(string key) => Regex.Match(ConfigDoc, $@"^\| `{Regex.Escape(key)}` \| [^|]+ \| `(?<d>[^`]+)`", RegexOptions.Multiline).Groups["d"].Value;
        Assert.Equal(defaults.Thresholds.UnusedCredentialDays.ToString(), Default("thresholds.unusedCredentialDays"));
        Assert.Equal(defaults.Thresholds.AccessKeyMaxAgeDays.ToString(), Default("thresholds.accessKeyMaxAgeDays"));
        Assert.Equal(defaults.Thresholds.RootUseDays.ToString(), Default("thresholds.rootUseDays"));
        Assert.Equal(defaults.PasswordPolicy.MinimumLength.ToString(), Default("passwordPolicy.minimumLength"));
        Assert.Equal(defaults.PasswordPolicy.ReusePrevention.ToString(), Default("passwordPolicy.reusePrevention"));
        Assert.Equal(defaults.Mfa.PolicyName, Default("mfa.policyName"));
        Assert.Equal(defaults.IpRestriction.PolicyName, Default("ipRestriction.policyName"));
        Assert.Equal(defaults.PolicyPath, Default("policyPath"));
        Assert.Equal("admins", Default("ipRestriction.scope"));
        Assert.Null(defaults.PasswordPolicy.MaxAgeDays);
    }

    /// <summary>Every dotted key the reader accepts, found by asking it for its valid keys at each level.</summary>
    private static IEnumerable<string> ReaderKeys()
    {
        foreach (var top in ValidKeys("q: 1\n"))
        {
            var nested = ValidKeys($"{top}:\n  q: 1\n");
            if (nested.Count == 0) yield return top;
            else foreach (var key in nested) yield return $"{top}.{key}";
        }
    }

    /// <summary>The keys the reader lists when given the unknown key "q" (none when the level is not a mapping).</summary>
    private static List<string> ValidKeys(string yaml)
    {
        var error = Assert.Throws<ConfigException>(() => ConfigReader.Parse(yaml, "probe.yaml")).Message;
        var match = Regex.Match(error, @"unknown key ""q"" in [^;]+; valid keys: (?<keys>.+)$");
        return match.Success ? match.Groups["keys"].Value.Split(", ").ToList() : [];
    }
}
