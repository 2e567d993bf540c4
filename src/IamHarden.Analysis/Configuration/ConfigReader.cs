using IamHarden.Core.Text;
using IamHarden.Core.Values;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace IamHarden.Analysis.Configuration;

/// <summary>
/// Reads the YAML configuration strictly: every key must be known (the error names the nearest
/// valid key), every value must have the right type, and CIDRs must parse — with file, line and
/// column in every message.
/// </summary>
public static class ConfigReader
{
    public static IamHardenConfig Read(string path)
    {
        if (!File.Exists(path)) throw new ConfigException($"{path}: no such configuration file");
        return Parse(File.ReadAllText(path), path);
    }

    public static IamHardenConfig Parse(string yaml, string fileName)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            throw new ConfigException($"{fileName}:{ex.Start.Line}:{ex.Start.Column}: invalid YAML: {ex.Message.Split('\n')[0]}");
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
            return new IamHardenConfig { Source = fileName };
        var reader = new Reader(fileName);
        return reader.Config(stream.Documents[0].RootNode);
    }

    private sealed class Reader(string file)
    {
        private readonly Dictionary<string, ConfigLocation> _locations = new(StringComparer.Ordinal);

        private void Locate(string path, YamlNode node) => _locations[path] = new ConfigLocation((int)node.Start.Line, (int)node.Start.Column);

        private ConfigException Error(YamlNode node, string message) => new($"{file}:{node.Start.Line}:{node.Start.Column}: {message}");

        public IamHardenConfig Config(YamlNode root)
        {
            var config = new IamHardenConfig { Source = file };
            foreach (var (key, value) in Mapping(root, "the configuration", ["allowedCidrs", "breakGlass", "ipRestriction", "mfa", "thresholds", "passwordPolicy", "policyPath"]))
            {
                config = key switch
                {
                    "allowedCidrs" => config with { AllowedCidrs = Cidrs(value, "allowedCidrs") },
                    "breakGlass" => config with { BreakGlass = BreakGlass(value) },
                    "ipRestriction" => config with { IpRestriction = IpRestriction(value) },
                    "mfa" => config with { Mfa = Mfa(value) },
                    "thresholds" => config with { Thresholds = Thresholds(value) },
                    "passwordPolicy" => config with { PasswordPolicy = Password(value) },
                    _ => config with { PolicyPath = PolicyPath(value) },
                };
            }
            return config with { Locations = _locations };
        }

        private BreakGlassSettings BreakGlass(YamlNode node)
        {
            var result = new BreakGlassSettings();
            foreach (var (key, value) in Mapping(node, "breakGlass", ["users"]))
                result = result with { Users = Strings(value, "breakGlass.users") };
            return result;
        }

        private IpRestrictionSettings IpRestriction(YamlNode node)
        {
            var result = new IpRestrictionSettings();
            foreach (var (key, value) in Mapping(node, "ipRestriction", ["scope", "groups", "policyName", "vpcEndpoints", "vpcSourceCidrs"]))
            {
                result = key switch
                {
                    "scope" => result with { Scope = Scalar(value, "ipRestriction.scope") switch
                    {
                        "admins" => IpRestrictionScope.Admins,
                        "console-users" => IpRestrictionScope.ConsoleUsers,
                        "all-users" => IpRestrictionScope.AllUsers,
                        var other => throw Error(value, $"ipRestriction.scope must be admins, console-users or all-users; found \"{other}\""),
                    } },
                    "groups" => result with { Groups = Strings(value, "ipRestriction.groups") },
                    "policyName" => result with { PolicyName = PolicyName(value, "ipRestriction.policyName") },
                    "vpcEndpoints" => result with { VpcEndpoints = Strings(value, "ipRestriction.vpcEndpoints") },
                    _ => result with { VpcSourceCidrs = Cidrs(value, "ipRestriction.vpcSourceCidrs") },
                };
            }
            return result;
        }

        private MfaSettings Mfa(YamlNode node)
        {
            var result = new MfaSettings();
            foreach (var (key, value) in Mapping(node, "mfa", ["groups", "policyName"]))
                result = key == "groups" ? result with { Groups = Strings(value, "mfa.groups") } : result with { PolicyName = PolicyName(value, "mfa.policyName") };
            return result;
        }

        private Thresholds Thresholds(YamlNode node)
        {
            var result = new Thresholds();
            foreach (var (key, value) in Mapping(node, "thresholds", ["unusedCredentialDays", "accessKeyMaxAgeDays", "rootUseDays"]))
            {
                int days = Integer(value, "thresholds." + key, 1, 3650);
                result = key switch
                {
                    "unusedCredentialDays" => result with { UnusedCredentialDays = days },
                    "accessKeyMaxAgeDays" => result with { AccessKeyMaxAgeDays = days },
                    _ => result with { RootUseDays = days },
                };
            }
            return result;
        }

        private PasswordRequirements Password(YamlNode node)
        {
            var result = new PasswordRequirements();
            foreach (var (key, value) in Mapping(node, "passwordPolicy", ["minimumLength", "reusePrevention", "requireSymbols", "requireNumbers", "requireUppercase", "requireLowercase", "maxAgeDays"]))
            {
                result = key switch
                {
                    "minimumLength" => result with { MinimumLength = Integer(value, "passwordPolicy.minimumLength", 6, 128) },
                    "reusePrevention" => result with { ReusePrevention = Integer(value, "passwordPolicy.reusePrevention", 0, 24) },
                    "requireSymbols" => result with { RequireSymbols = Bool(value, "passwordPolicy.requireSymbols") },
                    "requireNumbers" => result with { RequireNumbers = Bool(value, "passwordPolicy.requireNumbers") },
                    "requireUppercase" => result with { RequireUppercase = Bool(value, "passwordPolicy.requireUppercase") },
                    "requireLowercase" => result with { RequireLowercase = Bool(value, "passwordPolicy.requireLowercase") },
                    _ => result with { MaxAgeDays = Integer(value, "passwordPolicy.maxAgeDays", 1, 1095) },
                };
            }
            return result;
        }

        private string PolicyPath(YamlNode node)
        {
            var path = Scalar(node, "policyPath");
            if (!path.StartsWith('/') || !path.EndsWith('/'))
                throw Error(node, $"policyPath must start and end with \"/\" (e.g. /security/); found \"{path}\"");
            return path;
        }

        private string PolicyName(YamlNode node, string what)
        {
            var name = Scalar(node, what);
            if (name.Length is 0 or > 128 || !name.All(c => char.IsAsciiLetterOrDigit(c) || "+=,.@_-".Contains(c)))
                throw Error(node, $"{what} \"{name}\" is not a valid IAM policy name (letters, digits and +=,.@_- only, at most 128 characters)");
            return name;
        }

        private IEnumerable<(string Key, YamlNode Value)> Mapping(YamlNode node, string what, string[] known)
        {
            if (node is not YamlMappingNode mapping) throw Error(node, $"{what} must be a mapping of keys to values");
            var seen = new HashSet<string>();
            foreach (var (keyNode, value) in mapping.Children)
            {
                var key = ((YamlScalarNode)keyNode).Value ?? "";
                if (!known.Contains(key))
                {
                    var nearest = FuzzyMatch.Best(key, known, Math.Max(2, key.Length / 2));
                    throw Error(keyNode, $"unknown key \"{key}\" in {what}" + (nearest is null ? $"; valid keys: {string.Join(", ", known)}" : $"; did you mean \"{nearest}\"?"));
                }
                if (!seen.Add(key)) throw Error(keyNode, $"\"{key}\" appears twice in {what}");
                Locate(what == "the configuration" ? key : what + "." + key, keyNode);
                yield return (key, value);
            }
        }

        private string Scalar(YamlNode node, string what) =>
            node is YamlScalarNode { Value: { } v } ? v : throw Error(node, $"{what} must be a single value");

        private IReadOnlyList<string> Strings(YamlNode node, string what)
        {
            if (node is YamlScalarNode { Value: null or "" }) return [];
            if (node is not YamlSequenceNode sequence) throw Error(node, $"{what} must be a list, e.g. [a, b]");
            for (int i = 0; i < sequence.Children.Count; i++) Locate($"{what}[{i}]", sequence.Children[i]);
            return sequence.Children.Select(c => Scalar(c, what + " entry")).ToList();
        }

        private IReadOnlyList<string> Cidrs(YamlNode node, string what)
        {
            var values = Strings(node, what);
            if (node is YamlSequenceNode sequence)
                for (int i = 0; i < values.Count; i++)
                    if (!IpRange.TryParse(values[i], out _))
                        throw Error(sequence.Children[i], $"{what}: \"{values[i]}\" is not an IPv4 or IPv6 address or CIDR (e.g. 203.0.113.0/24)");
            return values;
        }

        private int Integer(YamlNode node, string what, int min, int max)
        {
            var text = Scalar(node, what);
            if (!int.TryParse(text, out var value) || value < min || value > max)
                throw Error(node, $"{what} must be a whole number from {min} to {max}; found \"{text}\"");
            return value;
        }

        private bool Bool(YamlNode node, string what)
        {
            var text = Scalar(node, what);
            return text switch
            {
                "true" or "True" or "yes" => true,
                "false" or "False" or "no" => false,
                _ => throw Error(node, $"{what} must be true or false; found \"{text}\""),
            };
        }
    }
}
