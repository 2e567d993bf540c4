using BenchmarkDotNet.Attributes;
using IamHarden.Core.Evaluation;
using IamHarden.Core.Simulation;

namespace IamHarden.Benchmarks;

/// <summary>
/// The in-process part of `simulate --requests FILE.jsonl --output jsonl`: 100,000 JSONL request
/// lines (the iam-oracle gen-bench mix: the guide's two policies plus allow-all, contexts that sit
/// on the policies' boundaries) read, decided and written, on one thread. docs/PERFORMANCE.md has
/// the end-to-end figure for a 1,000,000-line file (process start-up and file I/O included).
/// </summary>
[MemoryDiagnoser]
public class BatchSimulationBenchmark
{
    private const int Lines = 100_000;
    private byte[] _input = null!;
    private PolicySet _policies = null!;

    [GlobalSetup]
    public void Setup()
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "fixtures", "policies");
        CompiledPolicy Load(string file) => CompiledPolicy.Parse(File.ReadAllText(Path.Combine(dir, file)), file);
        _policies = PolicySet.OfIdentity(Load("guide-force-mfa.json"), Load("guide-ip-restriction.json"), Load("administrator-access.json"));
        _input = RequestLines.Generate(Lines);
    }

    [Benchmark(OperationsPerInvoke = Lines)]
    public long SimulateLines()
    {
        var output = new CountingStream();
        new BatchSimulator(_policies, new BatchLineParser(PrincipalIdentity.DefaultUser)).Run(new MemoryStream(_input, writable: false), output);
        return output.Length;
    }

    /// <summary>Discards what is written, keeping only the count, so the benchmark measures the simulator and not a MemoryStream.</summary>
    private sealed class CountingStream : Stream
    {
        private long _length;
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _length;
        public override long Position { get => _length; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => _length += count;
        public override void Write(ReadOnlySpan<byte> buffer) => _length += buffer.Length;
    }
}
