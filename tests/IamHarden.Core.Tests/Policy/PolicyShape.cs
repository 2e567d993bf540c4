using System.Text;
using IamHarden.Core.Policy;

namespace IamHarden.Core.Tests.Policy;

/// <summary>
/// Everything a document says, without positions, as one string: two documents with the same
/// shape mean the same thing to the evaluator. Written independently of the printer, so a
/// round trip is judged by something other than the code under test.
/// </summary>
internal static class PolicyShape
{
    public static string Of(PolicyDocument d)
    {
        var b = new StringBuilder();
        b.Append($"kind={d.Kind} version={d.Version} id={Quote(d.Id?.Value)} array={d.StatementWasArray || d.Statements.Length != 1}\n");
        foreach (var s in d.Statements)
        {
            b.Append($"  #{s.Index} sid={Quote(s.Sid?.Value)} {s.Effect}\n");
            if (s.Principal is { } p)
                b.Append($"    {(p.IsNegated ? "NotPrincipal" : "Principal")} {(p.IsWildcard ? "*" : string.Join(", ", p.Entries.Select(e => $"{e.Type}={Quote(e.Value.Value)}")))}\n");
            b.Append($"    {(s.Actions.IsNegated ? "NotAction" : "Action")} {List(s.Actions)}\n");
            if (s.Resources is { } r) b.Append($"    {(r.IsNegated ? "NotResource" : "Resource")} {List(r)}\n");
            foreach (var c in s.Conditions)
                b.Append($"    {c.Operator.Name} {Quote(c.Key.Value)} {(c.ValuesWereArray ? "[" : "")}{string.Join(", ", c.Values.Select(v => Quote(v.Value)))}{(c.ValuesWereArray ? "]" : "")}\n");
        }
        return b.ToString();
    }

    private static string List(ValueList list) =>
        (list.WasArray ? "[" : "") + string.Join(", ", list.Values.Select(v => Quote(v.Value))) + (list.WasArray ? "]" : "");

    private static string Quote(string? s) => s is null ? "-" : System.Text.Json.JsonSerializer.Serialize(s);
}
