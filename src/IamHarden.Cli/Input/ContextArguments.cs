using System.Text.Json;
using IamHarden.Core.Evaluation;

namespace IamHarden.Cli.Input;

/// <summary>
/// Reads <c>--context KEY=VALUE</c> arguments. A value written as a JSON array
/// (<c>aws:TagKeys=["a","b"]</c>) is a multivalued entry; repeating a key also makes a list.
/// </summary>
public static class ContextArguments
{
    public static RequestContext Parse(IEnumerable<string>? arguments)
    {
        var singles = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        var lists = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var order = new List<string>();
        foreach (var argument in arguments ?? [])
        {
            int eq = argument.IndexOf('=');
            if (eq <= 0)
                throw new UserInputException($"--context \"{argument}\": expected KEY=VALUE, e.g. aws:SourceIp=203.0.113.9 or aws:TagKeys=[\"a\",\"b\"]");
            var key = argument[..eq];
            var value = argument[(eq + 1)..];
            if (!singles.TryGetValue(key, out var values))
            {
                singles[key] = values = [];
                order.Add(key);
            }
            else lists.Add(key);
            if (value.StartsWith('['))
            {
                lists.Add(key);
                values.AddRange(ParseArray(key, value));
            }
            else values.Add(value);
        }
        var context = new RequestContext();
        foreach (var key in order)
        {
            if (lists.Contains(key)) context.SetList(key, singles[key]);
            else context.Set(key, singles[key][0]);
        }
        return context;
    }

    private static IEnumerable<string> ParseArray(string key, string value)
    {
        try
        {
            var items = JsonSerializer.Deserialize<string[]>(value);
            return items ?? [];
        }
        catch (JsonException)
        {
            throw new UserInputException($"--context {key}={value}: a list must be a JSON array of strings, e.g. {key}=[\"a\",\"b\"]");
        }
    }
}
