using System.Text;

namespace IamHarden.Cli.Rendering.Html;

/// <summary>
/// JSON made safe to sit inside a &lt;script type="application/json"&gt; element. The HTML parser
/// ends a script at "&lt;/script" and treats "&lt;!--" specially whatever the JSON means, so every
/// "&lt;" becomes the JSON escape \u003c. JSON has "&lt;" only inside strings, where the escape
/// parses back to the same character, so the data is unchanged for JSON.parse.
/// </summary>
public static class ScriptData
{
    public static string Escape(string json)
    {
        if (!json.Contains('<')) return json;
        var sb = new StringBuilder(json.Length + 64);
        foreach (var c in json)
        {
            if (c == '<') sb.Append("\\u003c");
            else sb.Append(c);
        }
        return sb.ToString();
    }
}
