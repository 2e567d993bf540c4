using System.Text.Json;

namespace IamHarden.Benchmarks;

/// <summary>
/// The requests of <see cref="RequestGenerator"/> as `simulate --requests` JSONL lines
/// (<c>{"id":"r1","action":..,"resource":..,"context":{..}}</c>), deterministic for a seed.
/// </summary>
public static class RequestLines
{
    public static byte[] Generate(int count, int seed = 7)
    {
        using var buffer = new MemoryStream();
        Write(buffer, count, seed);
        return buffer.ToArray();
    }

    public static void Write(Stream output, int count, int seed = 7)
    {
        const int Chunk = 100_000;
        for (int start = 0; start < count; start += Chunk)
        {
            var requests = RequestGenerator.Generate(Math.Min(Chunk, count - start), seed + start);
            for (int i = 0; i < requests.Length; i++)
            {
                using (var json = new Utf8JsonWriter(output))
                {
                    var r = requests[i];
                    json.WriteStartObject();
                    json.WriteString("id", $"r{start + i + 1}");
                    json.WriteString("action", r.Action);
                    json.WriteString("resource", r.Resource);
                    json.WriteStartObject("context");
                    foreach (var (key, value) in r.Context.Entries) json.WriteString(key, value[0]);
                    json.WriteEndObject();
                    json.WriteEndObject();
                }
                output.WriteByte((byte)'\n');
            }
        }
    }
}
