using System.Collections.Immutable;
using IamHarden.Core.Catalog;
using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Lint.Facts;

/// <summary>
/// One statement with what several rules need to know about it, computed on first use: the
/// catalog actions each Action/NotAction value matches, the set of actions the statement covers,
/// and its conditions by key.
/// </summary>
public sealed class StatementFacts
{
    private readonly CatalogFacts _catalog;
    private ImmutableArray<ActionPattern> _actions;
    private ActionSet? _covered;
    private ImmutableArray<ActionDefinition>? _coveredActions;

    internal StatementFacts(Statement statement, CatalogFacts catalog)
    {
        Statement = statement;
        _catalog = catalog;
    }

    public Statement Statement { get; }

    public bool IsAllow => Statement.Effect == Effect.Allow;

    public bool IsDeny => Statement.Effect == Effect.Deny;

    public string JsonPath => Statement.JsonPath;

    /// <summary>"Action" or "NotAction", as written.</summary>
    public string ActionElement => Statement.Actions.IsNegated ? "NotAction" : "Action";

    /// <summary>"Resource" or "NotResource", as written (null in trust policies).</summary>
    public string? ResourceElement => Statement.Resources is null ? null : Statement.Resources.IsNegated ? "NotResource" : "Resource";

    /// <summary>Each Action/NotAction value with the catalog actions it matches.</summary>
    public ImmutableArray<ActionPattern> Actions
    {
        get
        {
            if (_actions.IsDefault)
                _actions = [.. Statement.Actions.Values.Select(v => new ActionPattern(v, _catalog.Expand(v.Value)))];
            return _actions;
        }
    }

    /// <summary>The catalog actions the statement applies to: the listed ones, or for NotAction all the others.</summary>
    public ActionSet Covered
    {
        get
        {
            if (_covered is null)
            {
                var listed = _catalog.SetOf(Statement.Actions.Values.Select(v => v.Value));
                _covered = Statement.Actions.IsNegated ? _catalog.Complement(listed) : listed;
            }
            return _covered;
        }
    }

    /// <summary>The actions of <see cref="Covered"/>, in catalog order.</summary>
    public ImmutableArray<ActionDefinition> CoveredActions =>
        _coveredActions ??= [.. Covered.Indexes().Select(i => _catalog.Catalog.AllActions[i])];

    /// <summary>True when Action lists "*" (every action of every service).</summary>
    public bool CoversEverything => !Statement.Actions.IsNegated && Statement.Actions.Values.Any(v => v.Value == "*");

    /// <summary>True when the statement has a positive Resource list containing "*".</summary>
    public bool ResourceIsEverything => Statement.Resources is { IsNegated: false } r && r.Values.Any(v => v.Value == "*");

    /// <summary>True when the statement names no specific resource: Resource "*" or any NotResource.</summary>
    public bool IsUnscopedByResource => ResourceIsEverything || Statement.Resources is { IsNegated: true };

    private HashSet<string>? _normalizedConditions;
    private List<(LocatedString Value, ArnText Arn, string Path)>? _arns;

    /// <summary>The ARN values of Resource/NotResource split into parts (values that are not ARNs are left out).</summary>
    public IReadOnlyList<(LocatedString Value, ArnText Arn, string Path)> Arns
    {
        get
        {
            if (_arns is null)
            {
                _arns = [];
                if (Statement.Resources is { } resources)
                {
                    for (int i = 0; i < resources.Values.Length; i++)
                    {
                        var value = resources.Values[i];
                        if (value.Value.StartsWith("arn:", StringComparison.Ordinal)) _arns.Add((value, ArnText.Split(value.Value), ResourcePath(i)));
                    }
                }
            }
            return _arns;
        }
    }

    /// <summary>The conditions as comparable text (<see cref="Coverage.Normalize"/>), for subset tests.</summary>
    public HashSet<string> NormalizedConditions => _normalizedConditions ??= [.. Statement.Conditions.Select(Coverage.Normalize)];

    private ArnText?[]? _arnByIndex;

    /// <summary>The i-th Resource/NotResource value split into ARN parts, or null when it is not an ARN.</summary>
    public ArnText? ArnAt(int index)
    {
        if (_arnByIndex is null)
        {
            var values = Statement.Resources?.Values ?? [];
            _arnByIndex = new ArnText?[values.Length];
            for (int i = 0; i < values.Length; i++)
                if (values[i].Value.StartsWith("arn:", StringComparison.Ordinal)) _arnByIndex[i] = ArnText.Split(values[i].Value);
        }
        return _arnByIndex[index];
    }

    private HashSet<string>? _servicePrefixes;

    /// <summary>
    /// The literal service prefixes of Action/NotAction (lower case), or null when a value has a
    /// wildcard service or is "*": a cheap first test before comparing action sets.
    /// </summary>
    public HashSet<string>? ServicePrefixes
    {
        get
        {
            if (_servicePrefixes is null && !_noPrefixes)
            {
                var prefixes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                foreach (var value in Statement.Actions.Values)
                {
                    int colon = value.Value.IndexOf(':');
                    if (colon <= 0 || value.Value.AsSpan(0, colon).IndexOfAny('*', '?') >= 0) { _noPrefixes = true; return null; }
                    prefixes.Add(value.Value[..colon]);
                }
                _servicePrefixes = prefixes;
            }
            return _servicePrefixes;
        }
    }

    private bool _noPrefixes;

    /// <summary>The position of a catalog action in <see cref="ActionSet"/>s.</summary>
    public int CatalogPosition(ActionDefinition action) => _catalog.PositionOf(action);

    public bool HasConditions => !Statement.Conditions.IsEmpty;

    /// <summary>The conditions on <paramref name="key"/> (condition keys are case-insensitive).</summary>
    public IEnumerable<Condition> ConditionsOn(string key) =>
        Statement.Conditions.Where(c => string.Equals(c.Key.Value, key, StringComparison.OrdinalIgnoreCase));

    public bool HasConditionOn(string key) => ConditionsOn(key).Any();

    /// <summary>The JSON path of an element of this statement, e.g. "Statement[1].NotAction".</summary>
    public string PathOf(string element) => JsonPath + "." + element;

    /// <summary>The JSON path of the i-th value of Action/NotAction (or the element itself when it was a single string).</summary>
    public string ActionPath(int index) => Statement.Actions.WasArray ? $"{PathOf(ActionElement)}[{index}]" : PathOf(ActionElement);

    /// <summary>The JSON path of the i-th value of Resource/NotResource.</summary>
    public string ResourcePath(int index) =>
        Statement.Resources!.WasArray ? $"{PathOf(ResourceElement!)}[{index}]" : PathOf(ResourceElement!);

    /// <summary>The JSON path of the i-th value of a condition (or the key when it had one value not in an array).</summary>
    public static string ConditionValuePath(Condition condition, int index) =>
        condition.ValuesWereArray ? $"{condition.JsonPath}[{index}]" : condition.JsonPath;
}
