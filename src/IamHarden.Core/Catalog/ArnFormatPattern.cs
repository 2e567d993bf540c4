namespace IamHarden.Core.Catalog;

/// <summary>
/// One ARN format of a resource type (such as <c>arn:${Partition}:s3:::${BucketName}/${ObjectName}</c>),
/// compiled to answer one question: can some concrete ARN both have this format and match a given
/// ARN pattern (a concrete ARN, or one with <c>*</c>, <c>?</c> and policy variables)?
/// </summary>
/// <remarks>
/// <para>How the format reads (the rule <see cref="ResourceTypeDefinition.Matches"/> documents):</para>
/// <list type="bullet">
/// <item>The header is everything before the format's fifth colon (partition, service, region,
/// account). There a placeholder such as <c>${Region}</c> is one or more characters other than
/// ':', and a literal <c>*</c> any run of characters other than ':'.</item>
/// <item>In the resource part a placeholder is one or more characters other than the character
/// that follows it in the format (<c>${BucketName}/</c> holds no '/', <c>${LogGroupName}:</c> no ':').
/// A placeholder that ends the format holds any characters (object keys and IAM paths have
/// slashes), except when it is the whole resource part (<c>${BucketName}</c>, <c>${TopicName}</c>):
/// then it holds no '/', so a bucket ARN is not an object ARN. A literal <c>*</c> is any run.</item>
/// <item>Literal text compares ordinally, case-sensitive, as AWS compares resource ARNs.</item>
/// </list>
/// <para>In the ARN pattern, <c>*</c> is any run, <c>?</c> one character, a policy variable such
/// as <c>${aws:username}</c> any run (its value is not known here), and <c>${*}</c>, <c>${?}</c>,
/// <c>${$}</c> the literal characters.</para>
/// <para>Both sides become sequences of "one character from a set" and "any run from a set"
/// steps; the answer is whether the two sequences accept a common string, found by a search over
/// pairs of positions (at most format length × pattern length states).</para>
/// </remarks>
internal sealed class ArnFormatPattern
{
    private const int HeaderColonCount = 5;

    // Above this many search states the bookkeeping moves from the stack to the heap.
    private const int MaxStackStates = 8192;

    private readonly Step[] steps;

    private ArnFormatPattern(Step[] steps) => this.steps = steps;

    /// <summary>Compiles one format (a single ARN, not a comma-separated list).</summary>
    public static ArnFormatPattern Compile(string format)
    {
        var steps = new List<Step>(format.Length);
        int resourceStart = IndexAfterNthColon(format, HeaderColonCount);
        int i = 0;
        while (i < format.Length)
        {
            bool inHeader = resourceStart < 0 || i < resourceStart;
            char c = format[i];
            if (c == '$' && i + 1 < format.Length && format[i + 1] == '{' && format.IndexOf('}', i + 2) is var close and > 0)
            {
                int next = close + 1;
                char excluded = inHeader ? ':'
                    : next < format.Length ? (format[next] is '$' or '*' ? Step.NothingExcluded : format[next])
                    : i == resourceStart ? '/'
                    : Step.NothingExcluded;
                steps.Add(Step.OneOf(excluded));
                steps.Add(Step.RunOf(excluded));
                i = next;
                continue;
            }
            steps.Add(c == '*' ? Step.RunOf(inHeader ? ':' : Step.NothingExcluded) : Step.Literal(c));
            i++;
        }
        return new ArnFormatPattern([.. steps]);
    }

    /// <summary>True when some ARN of this format also matches <paramref name="arnPattern"/>.</summary>
    public bool Intersects(string arnPattern)
    {
        Span<Step> other = arnPattern.Length <= 512 ? stackalloc Step[arnPattern.Length] : new Step[arnPattern.Length];
        other = other[..ParsePolicyPattern(arnPattern, other)];

        int width = other.Length + 1;
        int states = (steps.Length + 1) * width;
        Span<bool> seen = states <= MaxStackStates ? stackalloc bool[states] : new bool[states];
        Span<int> pending = states <= MaxStackStates ? stackalloc int[states] : new int[states];
        int pendingCount = 0;
        Visit(0, 0, seen, pending, ref pendingCount, width);
        while (pendingCount > 0)
        {
            int state = pending[--pendingCount];
            int f = state / width, p = state % width;
            if (f == steps.Length && p == other.Length) return true;
            bool hasFormatStep = f < steps.Length, hasPatternStep = p < other.Length;

            // A run may also end without consuming anything.
            if (hasFormatStep && steps[f].IsRun) Visit(f + 1, p, seen, pending, ref pendingCount, width);
            if (hasPatternStep && other[p].IsRun) Visit(f, p + 1, seen, pending, ref pendingCount, width);

            // Or both sides consume one common character.
            if (hasFormatStep && hasPatternStep && steps[f].SharesCharacterWith(other[p]))
                Visit(steps[f].IsRun ? f : f + 1, other[p].IsRun ? p : p + 1, seen, pending, ref pendingCount, width);
        }
        return false;
    }

    private static void Visit(int f, int p, Span<bool> seen, Span<int> pending, ref int pendingCount, int width)
    {
        int state = f * width + p;
        if (seen[state]) return;
        seen[state] = true;
        pending[pendingCount++] = state;
    }

    /// <summary>Writes the steps of a policy's ARN pattern into <paramref name="steps"/>; returns how many.</summary>
    private static int ParsePolicyPattern(string pattern, Span<Step> steps)
    {
        int count = 0;
        for (int i = 0; i < pattern.Length; i++)
        {
            char c = pattern[i];
            if (c == '$' && i + 1 < pattern.Length && pattern[i + 1] == '{' && pattern.IndexOf('}', i + 2) is var close and > 0)
            {
                var body = pattern.AsSpan(i + 2, close - i - 2);
                steps[count++] = body is "*" or "?" or "$" ? Step.Literal(body[0]) : Step.RunOf(Step.NothingExcluded);
                i = close;
                continue;
            }
            steps[count++] = c switch
            {
                '*' => Step.RunOf(Step.NothingExcluded),
                '?' => Step.OneOf(Step.NothingExcluded),
                _ => Step.Literal(c),
            };
        }
        return count;
    }

    private static int IndexAfterNthColon(string text, int n)
    {
        int index = -1;
        for (int k = 0; k < n; k++)
        {
            index = text.IndexOf(':', index + 1);
            if (index < 0) return -1;
        }
        return index + 1;
    }

    private enum StepKind : byte { Literal, One, Run }

    /// <summary>
    /// One step of a pattern: a literal character, or one character / a run of characters from
    /// "everything except <see cref="Character"/>". The rules above never exclude more than one
    /// character, which keeps a step small enough to live on the stack.
    /// </summary>
    private readonly record struct Step(StepKind Kind, char Character)
    {
        public const char NothingExcluded = '\0';

        public static Step Literal(char c) => new(StepKind.Literal, c);
        public static Step OneOf(char excluded) => new(StepKind.One, excluded);
        public static Step RunOf(char excluded) => new(StepKind.Run, excluded);

        public bool IsRun => Kind == StepKind.Run;

        /// <summary>
        /// Whether some character satisfies both steps. Two "all but one" sets always share one,
        /// since the alphabet is far larger.
        /// </summary>
        public bool SharesCharacterWith(Step other) => (Kind == StepKind.Literal, other.Kind == StepKind.Literal) switch
        {
            (true, true) => Character == other.Character,
            (true, false) => other.Character == NothingExcluded || Character != other.Character,
            (false, true) => Character == NothingExcluded || other.Character != Character,
            _ => true,
        };
    }
}
