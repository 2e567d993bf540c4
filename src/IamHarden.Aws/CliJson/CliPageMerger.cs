using System.Text.Json.Nodes;

namespace IamHarden.Aws.CliJson;

/// <summary>
/// Merges the pages of a paginated answer the way the AWS CLI does (botocore's <c>build_full_result</c>): for each
/// result key in the paginator's order, the first page that has it sets it and later pages append to it; the
/// pagination members (<c>IsTruncated</c>, <c>Marker</c>) and everything else are dropped.
/// </summary>
internal static class CliPageMerger
{
    public static JsonObject Merge(IEnumerable<JsonObject> pages, IReadOnlyList<string> resultKeys)
    {
        var merged = new JsonObject();
        foreach (var page in pages)
        {
            foreach (var key in resultKeys)
            {
                if (page[key] is not JsonArray items)
                    continue;
                var moved = items.ToArray();
                items.Clear();
                if (merged[key] is JsonArray existing)
                {
                    foreach (var item in moved)
                        existing.Add(item);
                }
                else
                {
                    merged[key] = new JsonArray(moved);
                }
            }
        }
        return merged;
    }
}
