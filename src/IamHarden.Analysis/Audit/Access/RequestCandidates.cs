using IamHarden.Analysis.Snapshot;
using IamHarden.Core.Catalog;
using IamHarden.Core.Evaluation;
using IamHarden.Core.Policy;
using IamHarden.Core.Values;

namespace IamHarden.Analysis.Audit.Access;

/// <summary>
/// The candidate requests the search analyzer tries for one policy set and user: one action per
/// class of catalog actions that the set's action patterns cannot tell apart (plus unknown future
/// actions), the resources the policies name (instantiated) and a sample ARN of the action's
/// resource type, and realistic contexts varied over every condition value the policies use.
/// </summary>
internal sealed class RequestCandidates
{
    private readonly CandidateActions _actions;
    private readonly IamUser _user;
    private readonly string _account;
    private readonly IReadOnlyList<Statement> _statements;
    private List<string>? _namedResources;

    /// <summary>The resources the policies name, instantiated for the user (made when first needed).</summary>
    private List<string> NamedResources => _namedResources ??= _statements.Where(s => s.Resources is not null).SelectMany(s => s.Resources!.Values)
        .Where(v => v.Value != "*").Select(v => Instantiate(v.Value)).Distinct(StringComparer.Ordinal).ToList();

    private readonly RequestContext _common;
    private readonly Func<string, ContextValue> _shared;

    // common: the keys every user's requests carry alike (time, region, transport), set after the identity keys;
    // shared: one value object per text for all requests (the account id).
    public RequestCandidates(CandidateActions actions, IamUser user, RequestContext common, Func<string, ContextValue> shared)
    {
        _actions = actions;
        _user = user;
        _common = common;
        _shared = shared;
        _account = user.Arn.Split(':') is { Length: > 4 } parts ? parts[4] : "123456789012";
        _statements = actions.Statements;
        Principal = user.Principal ?? PrincipalIdentity.DefaultUser;
    }

    public PrincipalIdentity Principal { get; }

    public string OwnUserArn => _user.Arn;
    public string OwnMfaDeviceArn => $"arn:aws:iam::{_account}:mfa/{_user.Name}";

    /// <summary>One representative action per class, then unknown future actions — those the policies can allow at all.</summary>
    public IEnumerable<string> Actions() => _actions.AllowableActions(Principal);

    /// <summary>The set's Deny statements on every resource that read only <paramref name="fixedKeys"/> (no variables), as a policy set; null when there are none.</summary>
    public PolicySet? FixedKeyDenial(IReadOnlySet<string> fixedKeys) => _actions.FixedKeyDenial(fixedKeys);

    /// <summary>False when no request for the action can be allowed, whatever its resource and context.</summary>
    public bool MayBeAllowed(string action) => _actions.Gate.MayBeAllowed(Principal, action);

    /// <summary>False when no request for the action on the resource can be allowed, whatever the context (<paramref name="identity"/> resolves policy variables).</summary>
    public bool MayBeAllowed(string action, string resource, RequestContext identity) =>
        _actions.ResourcesReadRequestKeys || _actions.Gate.MayBeAllowed(Principal, action, resource, identity);

    /// <summary>One IAM permissions-management action per class that the policies can allow at all.</summary>
    public IEnumerable<string> PrivilegeGrantingActions() => _actions.AllowablePrivilegeGranting(Principal);

    /// <summary>Resources worth trying for <paramref name="action"/>: named by the policies (instantiated), the action's sample ARN, and "*".</summary>
    public IEnumerable<string> Resources(string action)
    {
        var result = new List<string>();
        var definition = ActionCatalog.Default.FindAction(action);
        if (definition is null || definition.IsWildcardOnly) result.Add("*");
        if (definition is not null && !definition.IsWildcardOnly)
            // The plainest ARN format first (s3:GetObject: the object, not an access-point object).
            foreach (var type in definition.ResourceTypes.OrderBy(t => t.ResourceType.ArnFormat.Length).Take(2))
                result.Add(SampleArn(type.ResourceType.ArnFormat));
        result.AddRange(NamedResources);
        if (definition is null) result.Add($"arn:aws:{action.Split(':')[0]}:us-east-1:{_account}:thing/example");
        return result.Distinct(StringComparer.Ordinal);
    }

    /// <summary>
    /// Contexts derived from <paramref name="baseContext"/>: the base itself, then one variation per
    /// condition value the policies use (a key set to that value, or removed), so that conditions
    /// that could allow the request get their chance.
    /// </summary>
    public IEnumerable<RequestContext> Contexts(RequestContext baseContext, IReadOnlySet<string> fixedKeys)
    {
        yield return baseContext;
        foreach (var condition in _statements.SelectMany(s => s.Conditions))
        {
            var key = condition.Key.Value;
            if (fixedKeys.Contains(key)) continue;
            if (baseContext.Contains(key)) yield return baseContext.Clone().Remove(key);
            foreach (var value in condition.Values.Take(4))
            {
                var text = Instantiate(value.Value);
                if (condition.Operator.Family == ConditionFamily.IpAddress && IpRange.TryParse(text, out var range))
                    text = range.Network.BaseAddress.ToString();
                if (condition.Operator.Family == ConditionFamily.Arn || condition.Operator.Kind is ConditionOperatorKind.StringLike or ConditionOperatorKind.StringNotLike)
                    text = text.Replace('*', 'x').Replace('?', 'x');
                var variant = baseContext.Clone();
                if (condition.Operator.Qualifier != SetQualifier.None) variant.SetList(key, [text]);
                else variant.Set(key, text);
                yield return variant;
            }
        }
    }

    /// <summary>The user whose requests these are.</summary>
    public IamUser User => _user;

    private RequestContext? _base;

    /// <summary>The keys AWS sets for an IAM user calling with its own credentials (a new copy each time: callers add to it).</summary>
    public RequestContext BaseContext() => (_base ??= MakeBaseContext()).Clone();

    private RequestContext MakeBaseContext()
    {
        var caller = _user.Caller;
        var context = new RequestContext()
            .Set("aws:username", caller.UserNameValue)
            .Set("aws:userid", caller.UserIdValue)
            .Set("aws:PrincipalArn", caller.PrincipalArnValue)
            .Set("aws:PrincipalAccount", _shared(_account));
        foreach (var (key, value) in _common.Entries) context.Set(key, value);
        foreach (var (key, value) in _user.Tags) context.Set("aws:PrincipalTag/" + key, value);
        return context;
    }

    /// <summary>Addresses inside the ranges the policies mention (for "from an approved network").</summary>
    public IReadOnlyList<string> AddressesNamedByPolicies() => _actions.AddressesNamedByPolicies();

    /// <summary>The ranges of every IpAddress/NotIpAddress condition on <paramref name="key"/>.</summary>
    public IReadOnlyList<IpRange> RangesNamedByPolicies(string key) => _actions.RangesNamedByPolicies(key);

    private string Instantiate(string pattern)
    {
        // Most resources name no variable and no wildcard: they are what they say (unless the partition is left empty).
        if (pattern.AsSpan().IndexOfAny('$', '*', '?') < 0 && !pattern.StartsWith("arn::", StringComparison.Ordinal)) return pattern;
        var text = pattern
            .Replace("${aws:username}", _user.Name, StringComparison.OrdinalIgnoreCase)
            .Replace("${aws:userid}", _user.UserId, StringComparison.OrdinalIgnoreCase)
            .Replace("${aws:PrincipalArn}", _user.Arn, StringComparison.OrdinalIgnoreCase)
            .Replace("${*}", "*").Replace("${?}", "?").Replace("${$}", "$");
        if (!text.StartsWith("arn:", StringComparison.Ordinal)) return text.Replace('*', 'x').Replace('?', 'x');
        var parts = text.Split(':', 6);
        if (parts.Length == 6)
        {
            if (parts[1] is "*" or "") parts[1] = "aws";
            if (parts[3].Contains('*') || parts[3].Contains('?')) parts[3] = "us-east-1";
            if (parts[4].Contains('*') || parts[4].Contains('?')) parts[4] = _account;
            text = string.Join(':', parts);
        }
        return text.Replace('*', 'x').Replace('?', 'x');
    }

    private string SampleArn(string format) => format
        .Replace("${Partition}", "aws").Replace("${Account}", _account).Replace("${Region}", "us-east-1")
        .Replace("${UserNameWithPath}", _user.Name).Replace("${UserName}", _user.Name)
        .Replace("${MfaTokenIdWithPath}", _user.Name)
        is var s && s.Contains("${") ? System.Text.RegularExpressions.Regex.Replace(s, @"\$\{[^}]*\}", "example") : s;
}
