using System.Runtime.CompilerServices;
using IamHarden.Core.Evaluation;
using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Audit.Access;

/// <summary>
/// One statement compiled as a policy of its own (Version 2012-10-17, identity), once per
/// statement: a managed policy's statement is shared by every policy set that holds the policy,
/// and the searches that test statements on their own would otherwise compile it again for each.
/// </summary>
internal static class StatementAlone
{
    private static readonly ConditionalWeakTable<Statement, CompiledPolicy> Compiled = new();

    public static CompiledPolicy Of(Statement statement) => Compiled.GetValue(statement, s =>
        CompiledPolicy.Compile(new PolicyDocument("statement", PolicyKind.Identity, PolicyVersion.V2012_10_17, default, null, [s], true)));
}
