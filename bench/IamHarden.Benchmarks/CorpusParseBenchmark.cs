using BenchmarkDotNet.Attributes;
using IamHarden.Core.Evaluation;
using IamHarden.Core.Policy;

namespace IamHarden.Benchmarks;

/// <summary>
/// Issue target: the whole AWS managed policy corpus (1,594 default versions, pretty-printed
/// UTF-8 as on disk) parsed in under 300 ms; also parsed and compiled into matchers, as the
/// audit does with every policy of an account.
/// </summary>
[MemoryDiagnoser]
public class CorpusParseBenchmark
{
    private IReadOnlyList<(string Name, byte[] Document)> _corpus = null!;

    [GlobalSetup]
    public void Setup() => _corpus = ManagedPolicyCorpus.Load();

    [Benchmark]
    public int ParseCorpus()
    {
        int statements = 0;
        foreach (var (name, document) in _corpus)
        {
            var result = PolicyParser.Parse(document, name);
            if (result.HasErrors) throw new InvalidOperationException(name);
            statements += result.Document!.Statements.Length;
        }
        return statements;
    }

    [Benchmark]
    public int ParseAndCompileCorpus()
    {
        int count = 0;
        foreach (var (name, document) in _corpus)
            count += CompiledPolicy.Compile(PolicyParser.Parse(document, name).GetDocumentOrThrow(name)).Name.Length > 0 ? 1 : 0;
        return count;
    }
}
