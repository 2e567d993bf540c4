using BenchmarkDotNet.Running;
using IamHarden.Benchmarks;

// Benchmarks: dotnet run -c Release --project bench/IamHarden.Benchmarks -- --filter '*'
// Synthetic account for the audit target: dotnet run -c Release --project bench/IamHarden.Benchmarks -- generate-account DIR [users groups policies]
if (args.Length >= 2 && args[0] == "generate-account")
{
    int Arg(int i, int fallback) => args.Length > i ? int.Parse(args[i]) : fallback;
    SyntheticAccount.Write(args[1], Arg(2, 10_000), Arg(3, 1_000), Arg(4, 3_000));
    Console.WriteLine($"wrote {args[1]}");
    return;
}
// JSONL requests for the end-to-end simulate measurement: ... -- generate-requests FILE [count]
if (args.Length >= 2 && args[0] == "generate-requests")
{
    using (var file = File.Create(args[1])) RequestLines.Write(file, args.Length > 2 ? int.Parse(args[2]) : 1_000_000);
    Console.WriteLine($"wrote {args[1]}");
    return;
}
// Synthetic CloudTrail history for replay: dotnet run -c Release --project bench/IamHarden.Benchmarks -- generate-trail DIR [events]
if (args.Length >= 2 && args[0] == "generate-trail")
{
    var events = args.Length > 2 ? long.Parse(args[2]) : 1_000_000;
    SyntheticTrail.Write(args[1], Path.Combine(AppContext.BaseDirectory, "fixtures", "cloudtrail"), events);
    Console.WriteLine($"wrote {events:N0} events to {args[1]}");
    return;
}
// Audit target (parse, audit, ratio, memory): ... -- profile-audit DIR [questions]
if (args.Length >= 2 && args[0] == "profile-audit")
{
    AuditProfile.Run(args[1], questions: args.Length > 2 && args[2] == "questions");
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
