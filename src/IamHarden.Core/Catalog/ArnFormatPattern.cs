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
                string excluded = inHeader ? ":"
                    : next < format.Length ? (format[next] is '$' or '*' ? "" : format[next].ToString())
                    : i == resourceStart ? "/"
                    : "";
                steps.Add(Step.OneOf(excluded));
                steps.Add(Step.RunOf(excluded));
                i = next;
                continue;
            }
            steps.Add(c == '*' ? Step.RunOf(inHeader ? ":" : "") : Step.Literal(c));
            i++;
        }
        return new ArnFormatPattern([.. steps]);
    }

    /// <summary>True when some ARN of this format also matches <paramref name="arnPattern"/>.</summary>
    public bool Intersects(string arnPattern)
    {
        var other = ParsePolicyPattern(arnPattern);
        int width = other.Length + 1;
        var seen = new bool[(steps.Length + 1) * width];
        var pending = new Stack<(int Format, int Pattern)>();
        Visit(0, 0);
        while (pending.Count > 0)
        {
            var (f, p) = pending.Pop();
            if (f == steps.Length && p == other.Length) return true;
            Step? formatStep = f < steps.Length ? steps[f] : null;
            Step? patternStep = p < other.Length ? other[p] : null;

            // A run may also end without consuming anything.
            if (formatStep is { IsRun: true }) Visit(f + 1, p);
            if (patternStep is { IsRun: true }) Visit(f, p + 1);

            // Or both sides consume one common character.
            if (formatStep is { } fs && patternStep is { } ps && fs.SharesCharacterWith(ps))
                Visit(fs.IsRun ? f : f + 1, ps.IsRun ? p : p + 1);
        }
        return false;

        void Visit(int f, int p)
        {
            int index = f * width + p;
            if (seen[index]) return;
            seen[index] = true;
            pending.Push((f, p));
        }
    }

    private static Step[] ParsePolicyPattern(string pattern)
    {
        var steps = new List<Step>(pattern.Length);
        for (int i = 0; i < pattern.Length; i++)
        {
            char c = pattern[i];
            if (c == '$' && i + 1 < pattern.Length && pattern[i + 1] == '{' && pattern.IndexOf('}', i + 2) is var close and > 0)
            {
                string body = pattern[(i + 2)..close];
                steps.Add(body is "*" or "?" or "$" ? Step.Literal(body[0]) : Step.RunOf(""));
                i = close;
                continue;
            }
            steps.Add(c switch
            {
                '*' => Step.RunOf(""),
                '?' => Step.OneOf(""),
                _ => Step.Literal(c),
            });
        }
        return [.. steps];
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

    /// <summary>
    /// One step of a pattern: a literal character, or one character / a run of characters from
    /// "everything except <see cref="Excluded"/>".
    /// </summary>
    private readonly record struct Step(char Character, string? Excluded, bool IsRun)
    {
        public static Step Literal(char c) => new(c, null, false);
        public static Step OneOf(string excluded) => new('\0', excluded, false);
        public static Step RunOf(string excluded) => new('\0', excluded, true);

        public bool IsLiteral => Excluded is null;

        /// <summary>
        /// Whether some character satisfies both steps. Two "all but a few" sets always share one,
        /// since the alphabet is far larger than any exclusion list.
        /// </summary>
        public bool SharesCharacterWith(Step other) => (IsLiteral, other.IsLiteral) switch
        {
            (true, true) => Character == other.Character,
            (true, false) => !other.Excluded!.Contains(Character),
            (false, true) => !Excluded!.Contains(other.Character),
            _ => true,
        };
    }
}
