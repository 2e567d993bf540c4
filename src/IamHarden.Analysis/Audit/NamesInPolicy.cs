using IamHarden.Core.Matching;
using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Audit;

/// <summary>
/// Which user names a policy could single out: the words of its resources, principals and condition values in IAM's name alphabet
/// (letters, digits and +=,.@_-) — exactly, or as a glob when the word has wildcards — and
/// whether it reads principal tags. Users the policy cannot single out are decided alike up to
/// renaming, so the audit can share their answers.
/// </summary>
internal sealed class NamesInPolicy
{
    private readonly HashSet<string> _words = new(StringComparer.Ordinal);
    /// <summary>Wildcard words by their first character (a name can only match a word that starts like it), and those that start with a wildcard.</summary>
    private readonly Dictionary<char, List<WildcardPattern>> _globsByFirst = [];
    private readonly List<WildcardPattern> _globsStartingWild = [];
    private readonly bool _readsPrincipalTags;


    public NamesInPolicy(PolicyDocument document)
    {
        // Action names never name a user; resources, principals and condition values can.
        foreach (var statement in document.Statements)
        {
            foreach (var value in statement.Resources?.Values ?? []) AddWords(value.Value);
            foreach (var condition in statement.Conditions)
            {
                if (condition.Key.Value.Contains("aws:PrincipalTag", StringComparison.OrdinalIgnoreCase)) _readsPrincipalTags = true;
                foreach (var value in condition.Values) AddWords(value.Value);
            }
            foreach (var entry in statement.Principal?.Entries ?? []) AddWords(entry.Value.Value);
        }
        // Variables such as ${aws:PrincipalTag/team} in resources or values read tags too.
        _readsPrincipalTags |= _words.Any(w => w.Contains("PrincipalTag", StringComparison.OrdinalIgnoreCase));
    }

    private void AddWords(string text)
    {
        int start = -1;
        for (int i = 0; i <= text.Length; i++)
        {
            bool inWord = i < text.Length && (char.IsLetterOrDigit(text[i]) || "+=,.@_-*?".Contains(text[i]));
            if (inWord && start < 0) start = i;
            else if (!inWord && start >= 0)
            {
                var word = text[start..i];
                // A word of wildcards alone ("*" in "Resource": "*") treats every name alike.
                if (word.Trim('*', '?').Length == 0) { }
                else if (word.Contains('*') || word.Contains('?'))
                {
                    var glob = WildcardPattern.Glob(word, ignoreCase: false);
                    if (word[0] is '*' or '?') _globsStartingWild.Add(glob);
                    else
                    {
                        if (!_globsByFirst.TryGetValue(word[0], out var list)) _globsByFirst[word[0]] = list = [];
                        list.Add(glob);
                    }
                }
                else _words.Add(word);
                start = -1;
            }
        }
    }

    /// <summary>True when the policy reads principal tags, names <paramref name="userName"/>, or has a wildcard word that matches it.</summary>
    public bool MayName(string userName)
    {
        if (_readsPrincipalTags || _words.Contains(userName)) return true;
        foreach (var glob in _globsStartingWild)
            if (glob.IsMatch(userName)) return true;
        if (userName.Length > 0 && _globsByFirst.TryGetValue(userName[0], out var globs))
            foreach (var glob in globs)
                if (glob.IsMatch(userName)) return true;
        return false;
    }
}
