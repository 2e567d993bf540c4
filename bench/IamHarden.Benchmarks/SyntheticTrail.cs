using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace IamHarden.Benchmarks;

/// <summary>
/// A large CloudTrail history for the replay benchmark: the sample account's month of records
/// (samples/cloudtrail) repeated with fresh eventIDs until <c>events</c> records are written, in
/// gzip files of 10,000 records laid out as CloudTrail delivers them.
/// </summary>
public static class SyntheticTrail
{
    public const int RecordsPerFile = 10_000;

    /// <summary>The sample's records, as JSON objects.</summary>
    public static List<JsonObject> SampleRecords(string sampleTrail)
    {
        var records = new List<JsonObject>();
        foreach (var file in Directory.EnumerateFiles(sampleTrail, "*.json.gz", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            using var gzip = new GZipStream(File.OpenRead(file), CompressionMode.Decompress);
            var root = JsonNode.Parse(gzip)!.AsObject();
            records.AddRange(root["Records"]!.AsArray().Select(r => r!.AsObject()));
        }
        return records;
    }

    /// <summary>One file's bytes of <paramref name="count"/> records, eventIDs numbered from <paramref name="first"/>.</summary>
    public static byte[] FileBytes(List<JsonObject> sample, long first, int count)
    {
        var records = new JsonArray();
        for (int i = 0; i < count; i++)
        {
            var copy = sample[(int)((first + i) % sample.Count)].DeepClone().AsObject();
            copy["eventID"] = $"00000000-0000-4000-8000-{first + i:D12}";
            records.Add(copy);
        }
        return JsonSerializer.SerializeToUtf8Bytes(new JsonObject { ["Records"] = records });
    }

    public static void Write(string directory, string sampleTrail, long events)
    {
        var sample = SampleRecords(sampleTrail);
        var folder = Path.Combine(directory, "AWSLogs", "111122223333", "CloudTrail", "ap-northeast-2", "2026", "11", "30");
        Directory.CreateDirectory(folder);
        for (long first = 0, n = 0; first < events; first += RecordsPerFile, n++)
        {
            var count = (int)Math.Min(RecordsPerFile, events - first);
            using var file = File.Create(Path.Combine(folder, $"111122223333_CloudTrail_ap-northeast-2_20261130T{n / 60 % 24:D2}{n % 60:D2}Z_synthetic{n:D5}.json.gz"));
            using var gzip = new GZipStream(file, CompressionLevel.Fastest);
            gzip.Write(FileBytes(sample, first, count));
        }
    }
}
