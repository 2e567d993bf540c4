using IamHarden.Analysis.Prover.Encoding.Strings;
using IamHarden.Analysis.Prover.Smt;
using IamHarden.Core.Matching;

namespace IamHarden.Analysis.Prover.Encoding;

/// <summary>
/// The unknowns of one request in a query: the action (a catalog index, or the future-action index
/// with a name), the resource, and every context key of the vocabulary. A query can hold two
/// requests (a direct call and the same call made by an AWS service), each with its own prefix.
/// </summary>
internal sealed class RequestSymbols
{
    public const string ResourceOwner = "resource";

    private static readonly StringPattern Star = Literal("*");
    private static readonly StringPattern ArnShape = new(WildcardPattern.Glob("arn:*", ignoreCase: false), false);

    private readonly Dictionary<int, KeyTerms> _keys = [];

    public RequestSymbols(string prefix, ContextVocabulary vocabulary, StringPlanner strings, PatternEncoder patterns, IReadOnlyDictionary<string, string> fixedValues)
    {
        Prefix = prefix;
        Vocabulary = vocabulary;
        IStringValue Strings(string owner, string symbol, string? fixedValue) => strings.ValueFor(owner, symbol, fixedValue, patterns, vocabulary.Alphabet);
        Resource = Strings(ResourceOwner, prefix + "_resource", null);
        foreach (var plan in vocabulary.Keys)
            _keys[plan.Id] = new KeyTerms(plan, prefix, vocabulary.NumericScale, fixedValues.GetValueOrDefault(plan.Name.ToLowerInvariant()), Strings);
    }

    public string Prefix { get; }
    public ContextVocabulary Vocabulary { get; }

    /// <summary>Int: the catalog index of the action, or <see cref="ActionUniverse.FutureIndex"/>.</summary>
    public string Action => Prefix + "_action";

    /// <summary>String: the name of a future action (read only when Action is the future index).</summary>
    public string FutureActionName => Prefix + "_future_action";

    /// <summary>The resource ARN, or "*" for actions without resource-level permissions.</summary>
    public IStringValue Resource { get; }

    public string ResourceIsStar => Resource.Matches(Star);

    /// <summary>The formula "the resource is exactly <paramref name="arn"/>".</summary>
    public string ResourceIs(string arn) => Resource.Matches(Literal(arn));

    public static StringPattern Literal(string text) => new(WildcardPattern.Literally(text, ignoreCase: false), false);

    public KeyTerms Key(ContextKeyPlan plan) => _keys[plan.Id];

    public KeyTerms? Key(string name) => Vocabulary.Find(name) is { } plan ? _keys[plan.Id] : null;

    public IEnumerable<KeyTerms> Keys => _keys.Values;

    public void Declare(SmtScript script, ActionUniverse actions)
    {
        script.Comment($"request {Prefix}: action (catalog index, {actions.FutureIndex} = an action the catalog does not list), resource, context keys");
        script.Declare(Action, "Int");
        script.Assert($"(and (<= 0 {Action}) (<= {Action} {actions.FutureIndex}))");
        script.Declare(FutureActionName, "String");
        script.Assert(Smt.Smt.InRegex(FutureActionName, ActionUniverse.FutureNameRegex));
        Resource.Declare(script);
        // Requests name an ARN, or "*" for actions without resource-level permissions.
        script.Assert(Smt.Smt.Or(ResourceIsStar, Resource.Matches(ArnShape)));
        foreach (var key in Keys.OrderBy(k => k.Plan.Id))
        {
            script.Comment($"{key.Stem}: {key.Plan}{(key.FixedValue is { } v ? " = " + v : "")}");
            key.Declare(script);
        }
    }

    public IEnumerable<string> ModelSymbols()
    {
        yield return Action;
        yield return FutureActionName;
        foreach (var s in Resource.ModelSymbols()) yield return s;
        foreach (var key in Keys.OrderBy(k => k.Plan.Id))
            foreach (var s in key.ModelSymbols()) yield return s;
    }
}
