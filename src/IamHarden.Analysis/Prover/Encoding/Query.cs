using IamHarden.Analysis.Prover.Encoding.Strings;
using IamHarden.Analysis.Prover.Smt;
using IamHarden.Core.Catalog;
using IamHarden.Core.Evaluation;
using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Prover.Encoding;

/// <summary>
/// One satisfiability question about a policy set: the unknowns of one or more requests, the
/// facts AWS guarantees, the pinned context, each request's decision, and a goal (usually "the
/// property is violated"). Satisfiable means a counterexample exists.
/// </summary>
/// <remarks>
/// The query is written twice. The first pass only records which patterns each string (the
/// resource, each String key) is compared with; <see cref="StringPlanner"/> then chooses how each
/// is held — most become a cell number and need no string reasoning — and the second pass writes
/// the query the solver gets.
/// </remarks>
internal sealed class Query
{
    /// <summary>What the caller adds once the requests and decisions exist.</summary>
    public sealed record Parts(Func<Query, string> Goal, Func<Query, IReadOnlyList<string>>? Preferences = null, IReadOnlyList<string>? ExactActions = null);

    private Query(PolicySet policies, ProverPrincipal principal, RequestContext pins, ContextVocabulary vocabulary, ActionUniverse actions,
        StringPlanner strings, int requestCount)
    {
        Policies = policies;
        Actions = actions;
        Pins = pins;
        Vocabulary = vocabulary;
        Script = new SmtScript();
        Patterns = new PatternEncoder(vocabulary.Alphabet);
        Statements = new StatementEncoder(actions, Patterns, new ConditionEncoder(Patterns));
        Principal = new PrincipalTerms(principal);
        Principal.Declare(Script);
        var fixedValues = RequestFacts.FixedValues(principal, pins);
        var decisions = new DecisionEncoder(Statements);
        var requests = new List<RequestSymbols>();
        var results = new List<DecisionEncoder.Decision>();
        for (int i = 0; i < requestCount; i++)
        {
            var request = new RequestSymbols(requestCount == 1 ? "r" : $"r{i + 1}", vocabulary, strings, Patterns, fixedValues);
            request.Declare(Script, actions);
            RequestFacts.Assert(Script, request, Principal);
            ContextPins.Assert(Script, request, pins);
            requests.Add(request);
            results.Add(decisions.Encode(policies, request, Script));
        }
        Requests = requests;
        Decisions = results;
    }

    /// <summary>Builds the query with its goal (and preferences), planning strings on a first pass.</summary>
    public static Query Build(PolicySet policies, ProverPrincipal principal, RequestContext pins, Action<ContextVocabulary.Builder> require, Parts parts, int requestCount = 1)
    {
        DecisionEncoder.EnsureSupported(policies);
        var actions = ActionUniverse.Default;
        var vocabulary = Vocabularize(policies, principal, pins, require, actions.Catalog);
        var strings = new StringPlanner();
        var recording = new Query(policies, principal, pins, vocabulary, actions, strings, requestCount);
        recording.Goal = parts.Goal(recording);
        parts.Preferences?.Invoke(recording);
        strings.Finish();
        var query = new Query(policies, principal, pins, vocabulary, actions, strings, requestCount);
        query.Goal = parts.Goal(query);
        query.Preferences = parts.Preferences?.Invoke(query) ?? [];
        query.FutureNames = parts.ExactActions?.Where(a => actions.IndexOf(a) is null).Select(a => a.ToLowerInvariant()).Distinct().ToList();
        return query;
    }

    public PolicySet Policies { get; }
    public ActionUniverse Actions { get; }
    public RequestContext Pins { get; }
    public ContextVocabulary Vocabulary { get; }
    public SmtScript Script { get; }
    public PatternEncoder Patterns { get; }
    public StatementEncoder Statements { get; }
    public PrincipalTerms Principal { get; }
    public IReadOnlyList<RequestSymbols> Requests { get; }
    public IReadOnlyList<DecisionEncoder.Decision> Decisions { get; }

    /// <summary>The formula asserted last: satisfiable means the question's answer is "yes, this request".</summary>
    public string Goal { get; private set; } = Smt.Smt.True;

    /// <summary>
    /// The only names a future action may have in this query (the goal's exact action names the
    /// catalog does not list), or null when any name may matter. Empty means no future action can
    /// answer the question, so that half of the search is skipped.
    /// </summary>
    public IReadOnlyList<string>? FutureNames { get; private set; }

    /// <summary>Formulas tried in order to make the answer readable.</summary>
    public IReadOnlyList<string> Preferences { get; private set; } = [];

    public RequestSymbols Request => Requests[0];
    public DecisionEncoder.Decision Decision => Decisions[0];

    public ActionCatalog Catalog => Actions.Catalog;

    private static ContextVocabulary Vocabularize(PolicySet policies, ProverPrincipal principal, RequestContext pins, Action<ContextVocabulary.Builder> require, ActionCatalog catalog)
    {
        var builder = new ContextVocabulary.Builder(catalog);
        foreach (var policy in AllPolicies(policies))
        {
            bool substitute = policy.Document.Version.SubstitutesVariables();
            foreach (var statement in policy.Document.Statements) builder.AddStatement(statement, substitute);
        }
        require(builder);
        RequestFacts.Require(builder);
        foreach (var (_, value) in pins.Entries)
            foreach (var v in value.Values) builder.AddPinnedValue(v);
        builder.AddCharacters(principal.Account);
        if (principal.Name is { } name) builder.AddCharacters(name);
        if (principal.Path is { } path) builder.AddCharacters(path);
        if (principal.Tags is { } tags) foreach (var (k, v) in tags) { builder.AddCharacters(k); builder.AddCharacters(v); }
        return builder.Build();
    }

    private static IEnumerable<CompiledPolicy> AllPolicies(PolicySet set)
    {
        foreach (var p in set.Identity) yield return p;
        if (set.PermissionsBoundary is { } b) yield return b;
        foreach (var level in set.ServiceControlPolicyLevels)
            foreach (var p in level) yield return p;
    }
}
