using System.Text;

namespace IamHarden.Cli.Tests.Verify;

/// <summary>Splits a command line the way a POSIX shell would for the quoting IamHarden prints (bare words and '...' with '\'' inside).</summary>
internal static class ShellWords
{
    public static List<string> Split(string commandLine)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        bool inWord = false;
        for (int i = 0; i < commandLine.Length; i++)
        {
            char c = commandLine[i];
            if (c == '\'')
            {
                int end = commandLine.IndexOf('\'', i + 1);
                if (end < 0) throw new FormatException("unterminated quote in " + commandLine);
                word.Append(commandLine, i + 1, end - i - 1);
                i = end;
                inWord = true;
            }
            else if (c == '\\' && i + 1 < commandLine.Length)
            {
                word.Append(commandLine[++i]);
                inWord = true;
            }
            else if (c == ' ')
            {
                if (inWord) words.Add(word.ToString());
                word.Clear();
                inWord = false;
            }
            else
            {
                if ("\"$`;&|<>*?()".Contains(c)) throw new FormatException($"unquoted shell character {c} in {commandLine}");
                word.Append(c);
                inWord = true;
            }
        }
        if (inWord) words.Add(word.ToString());
        return words;
    }
}
