using System.Collections.Concurrent;
using IamHarden.Analysis.Prover.Smt;
using IamHarden.Core.Catalog;
using IamHarden.Core.Matching;

namespace IamHarden.Analysis.Prover.Encoding;

/// <summary>
/// Every action a request can name: the catalog's actions, numbered 0..N-1 in order of their
/// lower-cased full names (so a prefix wildcard covers one contiguous range), and index N for
/// an action the catalog does not know (a future or unlisted action), whose name the solver
/// picks as a string of the form service:name. Patterns match case-insensitively, exactly as the
/// evaluator's action matcher does.
/// </summary>
internal sealed class ActionUniverse
{
    private static readonly Lazy<ActionUniverse> DefaultUniverse = new(() => new ActionUniverse(ActionCatalog.Default));

    /// <summary>The characters of a future action name: AWS names are ASCII letters, digits and '-' (service) — lower-cased, as case never matters.</summary>
    private static readonly CharSet NameCharacters = CharSet.Of("abcdefghijklmnopqrstuvwxyz0123456789-:");

    private readonly ActionDefinition[] _actions;
    private readonly string[] _lowerNames;
    private readonly Dictionary<ActionDefinition, int> _index;
    private readonly ConcurrentDictionary<string, PatternMatch> _patterns = new(StringComparer.Ordinal);

    private ActionUniverse(ActionCatalog catalog)
    {
        Catalog = catalog;
        _actions = [.. catalog.AllActions.OrderBy(a => a.FullName.ToLowerInvariant(), StringComparer.Ordinal)];
        _lowerNames = [.. _actions.Select(a => a.FullName.ToLowerInvariant())];
        _index = new Dictionary<ActionDefinition, int>(ReferenceEqualityComparer.Instance);
        for (int i = 0; i < _actions.Length; i++) _index[_actions[i]] = i;
    }

    public static ActionUniverse Default => DefaultUniverse.Value;

    public ActionCatalog Catalog { get; }

    /// <summary>The number of catalog actions; also the index that stands for "an action not in the catalog".</summary>
    public int FutureIndex => _actions.Length;

    public ActionDefinition this[int index] => _actions[index];

    /// <summary>The index of a catalog action by name (any casing), or null.</summary>
    public int? IndexOf(string fullName) => Catalog.FindAction(fullName) is { } action ? _index[action] : null;

    /// <summary>The regex every future action name satisfies: service:name, lower-case.</summary>
    public static string FutureNameRegex { get; } = SmtRegex.Concat(
        SmtRegex.Plus(CharSet.Of("abcdefghijklmnopqrstuvwxyz0123456789-").ToRegex()),
        SmtRegex.Literal(":"),
        SmtRegex.Plus(CharSet.Of("abcdefghijklmnopqrstuvwxyz0123456789").ToRegex()));

    /// <summary>
    /// A test on a future action's (lower-case) name. Simple shapes are string operations, which the
    /// solver decides far faster than it intersects regular expressions; the rest is a regex.
    /// </summary>
    public readonly record struct FutureTest(FutureTestKind Kind, string Text);

    public enum FutureTestKind { Everything, Equals, Prefix, Suffix, Contains, Regex }

    /// <summary>What one Action/NotAction pattern (or a list of them) matches: catalog indexes, and the tests on future names.</summary>
    public sealed record PatternMatch(IndexIntervals Catalog, IReadOnlyList<FutureTest> Future);

    public PatternMatch Match(string pattern) => _patterns.GetOrAdd(pattern, Compute);

    /// <summary>What a list of patterns matches together (the statement's Action or NotAction list, before negation).</summary>
    public PatternMatch MatchAny(IEnumerable<string> patterns)
    {
        var matches = patterns.Select(Match).ToList();
        if (matches.Count == 1) return matches[0];
        return new PatternMatch(IndexIntervals.UnionAll(matches.Select(m => m.Catalog)), matches.SelectMany(m => m.Future).Distinct().ToList());
    }

    /// <summary>What a statement's Action/NotAction list matches, computed once per list (policies are shared by queries and passes).</summary>
    public PatternMatch MatchAny(Core.Policy.ValueList list) =>
        _lists.GetValue(list, l => MatchAny(l.Values.Select(v => v.Value)));

    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<Core.Policy.ValueList, PatternMatch> _lists = new();

    /// <summary>The formula "the future name <paramref name="name"/> passes one of the tests".</summary>
    public static string FutureFormula(IReadOnlyList<FutureTest> tests, string name)
    {
        if (tests.Any(t => t.Kind == FutureTestKind.Everything)) return Smt.Smt.True;
        var parts = tests.Where(t => t.Kind != FutureTestKind.Regex).Select(t => t.Kind switch
        {
            FutureTestKind.Equals => Smt.Smt.Eq(name, Smt.Smt.Str(t.Text)),
            FutureTestKind.Prefix => $"(str.prefixof {Smt.Smt.Str(t.Text)} {name})",
            FutureTestKind.Suffix => $"(str.suffixof {Smt.Smt.Str(t.Text)} {name})",
            _ => $"(str.contains {name} {Smt.Smt.Str(t.Text)})",
        }).ToList();
        var regexes = tests.Where(t => t.Kind == FutureTestKind.Regex).Select(t => t.Text).ToList();
        if (regexes.Count > 0) parts.Add(Smt.Smt.InRegex(name, SmtRegex.Union(regexes)));
        return Smt.Smt.Or(parts);
    }

    private PatternMatch Compute(string pattern)
    {
        if (pattern == "*") return new PatternMatch(IndexIntervals.Range(0, _actions.Length - 1), [new FutureTest(FutureTestKind.Everything, "")]);
        IEnumerable<int> indexes;
        if (pattern.All(char.IsAscii))
        {
            // The catalog's index answers ASCII patterns exactly as the evaluator's case-insensitive glob does.
            indexes = Catalog.Expand(pattern).Select(a => _index[a]).Order();
        }
        else
        {
            // Non-ASCII letters can still match ASCII names case-insensitively (U+0131 'ı' upper-cases to 'I'): ask the evaluator's own glob.
            var glob = WildcardPattern.Glob(pattern, ignoreCase: true);
            indexes = Enumerable.Range(0, _actions.Length).Where(i => glob.IsMatch(_actions[i].FullName));
        }
        return new PatternMatch(IndexIntervals.FromSortedIndexes(indexes), FutureTests(pattern));
    }

    /// <summary>The pattern's tests on future names; none when a literal character can never appear in one.</summary>
    private static IReadOnlyList<FutureTest> FutureTests(string pattern)
    {
        // Each literal becomes the one name character equal to it ignoring case (names are lower-case).
        var lowered = new char[pattern.Length];
        for (int i = 0; i < pattern.Length; i++)
        {
            char c = pattern[i];
            if (c is '*' or '?') { lowered[i] = c; continue; }
            var accepted = NameCharacters.Chars.Where(n => char.ToUpperInvariant(n) == char.ToUpperInvariant(c)).ToList();
            if (accepted.Count != 1) return [];
            lowered[i] = accepted[0];
        }
        var text = new string(lowered);
        if (text.IndexOf('?') < 0)
        {
            var pieces = text.Split('*');
            if (pieces.Length == 1) return [new FutureTest(FutureTestKind.Equals, text)];
            if (pieces.All(p => p.Length == 0)) return [new FutureTest(FutureTestKind.Everything, "")];
            if (pieces.Length == 2 && pieces[1].Length == 0) return [new FutureTest(FutureTestKind.Prefix, pieces[0])];
            if (pieces.Length == 2 && pieces[0].Length == 0) return [new FutureTest(FutureTestKind.Suffix, pieces[1])];
            if (pieces.Length == 3 && pieces[0].Length == 0 && pieces[2].Length == 0) return [new FutureTest(FutureTestKind.Contains, pieces[1])];
        }
        return [new FutureTest(FutureTestKind.Regex, FutureRegex(text))];
    }

    /// <summary>A lower-cased pattern as a regex over future names.</summary>
    private static string FutureRegex(string lowered)
    {
        var builder = new SmtRegex.Builder();
        string any = NameCharacters.ToRegex();
        foreach (var c in lowered)
        {
            if (c == '*') builder.Regex(SmtRegex.Star(any));
            else if (c == '?') builder.Regex(any);
            else builder.Char(c);
        }
        return builder.Build();
    }
}
