using System.Reflection;

namespace IamHarden.Cli.Rendering.Html;

/// <summary>
/// The page's template, styles, scripts and interface texts, embedded in the program from
/// Rendering/Html/Page (so the report needs no file beside the executable). Scripts are kept one
/// concept per file and joined here, in dependency order, into one strict-mode function scope.
/// </summary>
internal static class PageResources
{
    private const string Prefix = "IamHarden.Html.";

    /// <summary>The script files in the order they must run: helpers before the parts that use them, main last.</summary>
    private static readonly string[] ScriptFiles =
    [
        "js/dom.js", "js/text.js", "js/model.js", "js/filters.js", "js/clipboard.js", "js/charts.js",
        "js/counterexample.js", "js/summary.js", "js/scorecard.js", "js/matrix.js", "js/user-dialog.js", "js/findings.js", "js/main.js",
    ];

    private static readonly Lazy<string> TemplateText = new(() => Read("report.html"));
    private static readonly Lazy<string> StyleText = new(() => Read("report.css") + Read("print.css"));
    private static readonly Lazy<string> ScriptText = new(() =>
        "(function () {\n'use strict';\n" + string.Concat(ScriptFiles.Select(Read)) + "})();\n");
    private static readonly Lazy<string> InterfaceTextJson = new(() => Read("interface-text.json"));

    public static string Template => TemplateText.Value;
    public static string Style => StyleText.Value;
    public static string Script => ScriptText.Value;
    /// <summary>Labels, headings and help texts of the page in English and Korean.</summary>
    public static string InterfaceText => InterfaceTextJson.Value;

    private static string Read(string name)
    {
        var assembly = Assembly.GetExecutingAssembly();
        using var stream = assembly.GetManifestResourceStream(Prefix + name)
            ?? throw new InvalidOperationException($"the HTML report resource {name} is missing from the program");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
