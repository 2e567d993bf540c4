using IamHarden.Core.Policy;
using IamHarden.Core.Policy.Syntax;

namespace IamHarden.Analysis.Lint.Facts;

/// <summary>Finds the positioned JSON a statement was read from, for the rules that look at what the model leaves out (empty objects).</summary>
public static class StatementSyntax
{
    public static JsonObjectSyntax? Find(PolicyDocument document, Statement statement)
    {
        if (document.Syntax is not { } root) return null;
        var member = root.Members.FirstOrDefault(m => m.Name == "Statement");
        return member?.Value switch
        {
            JsonObjectSyntax single when single.Span == statement.Span => single,
            JsonArraySyntax array => array.Items.OfType<JsonObjectSyntax>().FirstOrDefault(o => o.Span == statement.Span),
            _ => null,
        };
    }
}
