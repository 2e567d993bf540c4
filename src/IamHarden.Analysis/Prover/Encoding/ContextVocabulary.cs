using IamHarden.Analysis.Prover.Smt;
using IamHarden.Core.Catalog;
using IamHarden.Core.Policy;
using IamHarden.Core.Values;

namespace IamHarden.Analysis.Prover.Encoding;

/// <summary>
/// Everything about the request context a query needs to know before it is written: every key
/// the policies (or the property, or the assumptions) read, with its representation; the
/// alphabet strings are drawn from; and the decimal scale of numeric values.
/// </summary>
internal sealed class ContextVocabulary
{
    private readonly Dictionary<string, ContextKeyPlan> _keys;

    private ContextVocabulary(Dictionary<string, ContextKeyPlan> keys, CharSet alphabet, int numericScale)
    {
        _keys = keys;
        Alphabet = alphabet;
        NumericScale = numericScale;
    }

    public IEnumerable<ContextKeyPlan> Keys => _keys.Values.OrderBy(k => k.Id);

    /// <summary>The characters free strings are made of (see <see cref="Builder.BuildAlphabet"/>).</summary>
    public CharSet Alphabet { get; }

    /// <summary>Numeric values are integers divided by 10^NumericScale: one decimal digit more than any policy value has.</summary>
    public int NumericScale { get; }

    public ContextKeyPlan? Find(string key) => _keys.GetValueOrDefault(key.ToLowerInvariant());

    public ContextKeyPlan Get(string key) => Find(key) ?? throw new InvalidOperationException($"key {key} was not collected");

    /// <summary>Collects keys and characters from policies and other sources, then decides the representations.</summary>
    internal sealed class Builder(ActionCatalog catalog)
    {
        private sealed class Usage
        {
            public required string Name;
            public readonly HashSet<ConditionFamily> Families = [];
            public bool AsVariable;
            public int Qualified;
            public readonly List<byte[]> Binary = [];
        }

        private readonly Dictionary<string, Usage> _usage = new(StringComparer.Ordinal);
        private readonly List<string> _order = [];
        private readonly HashSet<char> _chars = [];
        private int _maxFractionDigits;

        public void AddStatement(Statement statement, bool substitute)
        {
            if (statement.Resources is { } resources)
                foreach (var r in resources.Values) AddText(r.Value, substitute);
            foreach (var condition in statement.Conditions)
            {
                var usage = Use(condition.Key.Value);
                var family = condition.Operator.Family;
                if (family != ConditionFamily.Null) usage.Families.Add(family);
                if (condition.Operator.Qualifier != SetQualifier.None) usage.Qualified++;
                foreach (var v in condition.Values)
                {
                    if (condition.Operator.AllowsVariables) AddText(v.Value, substitute);
                    if (family == ConditionFamily.Numeric && AwsNumber.TryParse(v.Value, out var n)) _maxFractionDigits = Math.Max(_maxFractionDigits, n.Scale);
                    if (family == ConditionFamily.Binary && AwsBinary.TryParse(v.Value, out var bytes) && !usage.Binary.Any(b => b.AsSpan().SequenceEqual(bytes)))
                        usage.Binary.Add(bytes);
                }
            }
        }

        /// <summary>A key the property or the assumptions read, with the family they read it with (null: presence only).</summary>
        public void Require(string key, ConditionFamily? family)
        {
            var usage = Use(key);
            if (family is { } f && f != ConditionFamily.Null) usage.Families.Add(f);
        }

        public bool Contains(string key) => _usage.ContainsKey(key.ToLowerInvariant());

        /// <summary>A pinned context value (verify --context): its characters and decimal places count too.</summary>
        public void AddPinnedValue(string text)
        {
            AddCharacters(text);
            if (AwsNumber.TryParse(text, out var n)) _maxFractionDigits = Math.Max(_maxFractionDigits, n.Scale);
        }

        /// <summary>Characters that literal values (principal name, pinned context values) bring in.</summary>
        public void AddCharacters(string text)
        {
            foreach (var c in text) _chars.Add(c);
        }

        private void AddText(string text, bool substitute)
        {
            var template = PolicyVariableTemplate.Parse(text, substitute);
            foreach (var part in template.Parts)
            {
                if (part.IsVariable)
                {
                    Use(part.Text).AsVariable = true;
                    if (part.DefaultValue is { } d) AddCharacters(d);
                }
                else AddCharacters(part.Text);
            }
        }

        private Usage Use(string key)
        {
            var lower = key.ToLowerInvariant();
            if (!_usage.TryGetValue(lower, out var usage))
            {
                _usage[lower] = usage = new Usage { Name = key };
                _order.Add(lower);
            }
            return usage;
        }

        public ContextVocabulary Build()
        {
            var plans = new Dictionary<string, ContextKeyPlan>(StringComparer.Ordinal);
            int id = 0;
            foreach (var lower in _order)
            {
                var usage = _usage[lower];
                var definition = catalog.FindConditionKey(usage.Name);
                bool multi = definition?.IsMultiValued ?? usage.Qualified > 0;
                var (kind, unsupported) = Decide(usage);
                plans[lower] = new ContextKeyPlan
                {
                    Id = id++,
                    Name = usage.Name,
                    Kind = kind,
                    IsMultiValued = multi,
                    ElementBound = Math.Max(1, usage.Qualified),
                    BinaryValues = usage.Binary,
                    Unsupported = unsupported,
                    Families = usage.Families,
                };
            }
            // Decimal has at most 28 fractional digits.
            return new ContextVocabulary(plans, BuildAlphabet(), Math.Min(28, _maxFractionDigits + 1));
        }

        private static (KeyKind, string?) Decide(Usage usage)
        {
            var f = usage.Families;
            bool stringish = f.Contains(ConditionFamily.String) || f.Contains(ConditionFamily.Arn);
            var typed = f.Where(x => x is not (ConditionFamily.String or ConditionFamily.Arn)).ToHashSet();
            if (typed.Count == 0) return (stringish || usage.AsVariable ? KeyKind.String : KeyKind.NullOnly, null);
            if (typed.SetEquals([ConditionFamily.Bool])) return (KeyKind.Bool, null);
            string? Mixed() => stringish || usage.AsVariable
                ? $"the policies read {usage.Name} both as text and as {string.Join(" and ", typed)}; the prover does not model that mix"
                : null;
            if (typed.SetEquals([ConditionFamily.Numeric])) return (KeyKind.Numeric, Mixed());
            if (typed.SetEquals([ConditionFamily.Date])) return (KeyKind.Date, Mixed());
            if (typed.SetEquals([ConditionFamily.Date, ConditionFamily.Numeric])) return (KeyKind.EpochSeconds, Mixed());
            if (typed.SetEquals([ConditionFamily.IpAddress])) return (KeyKind.Ip, Mixed());
            if (typed.SetEquals([ConditionFamily.Binary])) return (KeyKind.Binary, Mixed());
            return (KeyKind.String, $"the policies read {usage.Name} with {string.Join(", ", f.Order())} operators; the prover does not model that mix");
        }

        /// <summary>
        /// Free strings (resources, string values) are drawn from printable ASCII plus every
        /// character the policies and literal inputs use, and every character equal to one of them
        /// ignoring case. Matching only ever compares characters with the policies' own, so a
        /// counterexample that needs another character works as well with an unused printable one;
        /// this keeps counterexamples readable and out of UTF-16 surrogates. If the policies used
        /// every printable character there would be none to spare, so then every BMP character is allowed.
        /// </summary>
        private CharSet BuildAlphabet()
        {
            var used = new HashSet<char>(_chars);
            var printable = Enumerable.Range(' ', '~' - ' ' + 1).Select(c => (char)c).ToList();
            // Case variants beyond ASCII count too: U+0131 'ı' upper-cases to 'I', so it equals 'i' ignoring case.
            var withVariants = new HashSet<char>(used);
            var uppers = used.Select(char.ToUpperInvariant).ToHashSet();
            for (int c = 0; c <= 0xFFFF; c++)
                if (!char.IsSurrogate((char)c) && uppers.Contains(char.ToUpperInvariant((char)c))) withVariants.Add((char)c);
            bool spare = printable.Any(c => c != ':' && !withVariants.Contains(c));
            if (!spare) return CharSet.Range('\0', '\uD7FF').Union(CharSet.Range('\uE000', '\uFFFF'));
            return CharSet.Of(printable.Concat(withVariants.Where(c => !char.IsSurrogate(c))));
        }
    }
}
