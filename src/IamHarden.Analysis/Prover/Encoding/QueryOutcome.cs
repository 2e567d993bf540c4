namespace IamHarden.Analysis.Prover.Encoding;

/// <summary>What the solver answered for one query.</summary>
internal enum QueryStatus { Satisfiable, Unsatisfiable, Unknown }

/// <summary>The answer, the requests of the model when satisfiable, why when unknown, and how long it took.</summary>
internal sealed record QueryOutcome(QueryStatus Status, IReadOnlyList<ModelDecoder.DecodedRequest> Requests, string? Reason, TimeSpan Elapsed);
