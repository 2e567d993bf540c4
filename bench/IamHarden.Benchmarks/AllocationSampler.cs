using System.Diagnostics.Tracing;

namespace IamHarden.Benchmarks;

/// <summary>
/// Samples what the process allocates, by type: the runtime reports an AllocationTick event about
/// every 100 KB allocated, naming the type of the object that crossed the mark. Enough to see which
/// types make an audit's garbage, without an external profiler.
/// </summary>
public sealed class AllocationSampler : EventListener
{
    private readonly Dictionary<string, long> _bytes = new(StringComparer.Ordinal);
    private bool _on;

    public void Start() => _on = true;

    public void Stop() => _on = false;

    protected override void OnEventSourceCreated(EventSource source)
    {
        // GC keyword (0x1) at verbose level carries the allocation ticks.
        if (source.Name == "Microsoft-Windows-DotNETRuntime") EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x1);
        // GCStart/GCEnd/GCHeapStats come with the same keyword at informational level.
    }

    private readonly List<string> _collections = [];
    private (DateTime Start, int Depth, string Reason)? _gc;

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (_on && e.EventName is { } eventName && e.PayloadNames is { } names)
        {
            if (eventName.StartsWith("GCStart", StringComparison.Ordinal))
                _gc = (e.TimeStamp, Convert.ToInt32(e.Payload![names.IndexOf("Depth")]), e.Payload[names.IndexOf("Reason")]?.ToString() ?? "");
            else if (eventName.StartsWith("GCEnd", StringComparison.Ordinal) && _gc is { } gc)
                lock (_collections) _collections.Add($"gen {gc.Depth} ({gc.Reason}): {(e.TimeStamp - gc.Start).TotalMilliseconds:N1} ms");
            else if (eventName.StartsWith("GCHeapStats", StringComparison.Ordinal))
                lock (_collections) _collections.Add($"    after: gen0 {Mb(e, "GenerationSize0")}, gen1 {Mb(e, "GenerationSize1")}, gen2 {Mb(e, "GenerationSize2")}, LOH {Mb(e, "GenerationSize3")}; promoted {Mb(e, "TotalPromotedSize0")} from gen0, {Mb(e, "TotalPromotedSize1")} from gen1");
        }
        if (!_on || e.EventName is null || !e.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal) || e.PayloadNames is null) return;
        int type = e.PayloadNames.IndexOf("TypeName"), amount = e.PayloadNames.IndexOf("AllocationAmount64");
        if (type < 0 || amount < 0) return;
        var name = e.Payload![type] as string ?? "?";
        lock (_bytes) _bytes[name] = _bytes.GetValueOrDefault(name) + Convert.ToInt64(e.Payload[amount]);
    }

    private static string Mb(EventWrittenEventArgs e, string field) =>
        e.PayloadNames!.IndexOf(field) is var i and >= 0 ? $"{Convert.ToInt64(e.Payload![i]) / 1048576.0:N1} MB" : "?";

    public void Print(int top)
    {
        lock (_collections) foreach (var line in _collections) Console.WriteLine("  " + line);
        lock (_bytes)
        {
            long total = _bytes.Values.Sum();
            Console.WriteLine($"  allocation samples by type (about {total / 1048576:N0} MB sampled):");
            foreach (var (name, bytes) in _bytes.OrderByDescending(p => p.Value).Take(top))
                Console.WriteLine($"    {bytes / 1048576.0,7:N1} MB  {100.0 * bytes / total,5:N1}%  {name}");
        }
    }
}
