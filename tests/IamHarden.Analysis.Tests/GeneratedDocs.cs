namespace IamHarden.Analysis.Tests;

/// <summary>
/// Generated parts of the docs: each sits between <c>&lt;!-- name:begin --&gt;</c> and
/// <c>&lt;!-- name:end --&gt;</c> markers; tests compare it with what is committed and, with
/// IAMHARDEN_UPDATE_DOCS=1, rewrite it.
/// </summary>
internal static class GeneratedDocs
{
    public static bool Updating => Environment.GetEnvironmentVariable("IAMHARDEN_UPDATE_DOCS") == "1";

    /// <summary>The text of section <paramref name="name"/> in <paramref name="path"/>.</summary>
    public static string Section(string path, string text, string name)
    {
        var (begin, end) = Markers(name);
        int start = text.IndexOf(begin, StringComparison.Ordinal), stop = text.IndexOf(end, StringComparison.Ordinal);
        if (start < 0 || stop < start) throw new InvalidOperationException($"{path} has no {begin} ... {end} section");
        return text[(start + begin.Length)..stop].Trim('\n');
    }

    public static void Replace(string path, string name, string content)
    {
        var text = File.ReadAllText(path);
        var (begin, end) = Markers(name);
        int start = text.IndexOf(begin, StringComparison.Ordinal), stop = text.IndexOf(end, StringComparison.Ordinal);
        File.WriteAllText(path, text[..(start + begin.Length)] + "\n" + content + "\n" + text[stop..]);
    }

    /// <summary>Rewrites the section when updating; returns whether the committed text equals <paramref name="expected"/>.</summary>
    public static bool IsCurrent(string path, string name, string expected)
    {
        if (Updating) Replace(path, name, expected);
        return Section(path, File.ReadAllText(path), name) == expected;
    }

    private static (string, string) Markers(string name) => ($"<!-- {name}:begin -->", $"<!-- {name}:end -->");
}
