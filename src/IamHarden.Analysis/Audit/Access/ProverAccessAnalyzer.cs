using IamHarden.Analysis.Prover;
using IamHarden.Analysis.Prover.Encoding;
using IamHarden.Analysis.Prover.Properties;
using IamHarden.Analysis.Snapshot;
using IamHarden.Core.Catalog;
using IamHarden.Core.Evaluation;
using IamHarden.Core.Values;

namespace IamHarden.Analysis.Audit.Access;

/// <summary>
/// Answers the audit's access questions with the prover (Z3): "none" is proved for every
/// action of the catalog, every unknown future action, every resource and every context; a
/// request it reports comes from the solver and was replayed through the evaluator. A solver
/// time-out, an unsupported construct or a prover/evaluator disagreement answers "unknown" with
/// the reason, never "none". The user's name, ARN and tags are what AWS would put in the request.
/// Requires libz3 (<see cref="Prover.Z3.Z3Library.IsAvailable"/>).
/// </summary>
public sealed class ProverAccessAnalyzer(TimeSpan? timeout = null) : IAccessAnalyzer
{
    private readonly TimeSpan _timeout = timeout ?? TimeSpan.FromSeconds(30);

    private const string Proof = "proved by Z3 over every action (catalog and unknown future ones), resource and context";

    /// <summary>Permissions-management actions of IAM, the ones that hand out privileges.</summary>
    private static readonly Lazy<IReadOnlyList<string>> PermissionsManagement = new(() =>
        ActionCatalog.Default.FindService("iam")!.Actions.Where(a => a.AccessLevel == AccessLevel.PermissionsManagement).Select(a => a.FullName).ToList());

    public AccessAnswer AllowedWithoutMfa(PolicySet policies, IamUser user, CredentialKind credentials, IReadOnlyList<string> enrollmentActions)
    {
        var property = new MfaProperty(enrollmentActions) { Credentials = credentials == CredentialKind.AccessKeys ? WithoutMfa.AccessKeys : WithoutMfa.Session };
        return Answer(policies, user, property);
    }

    public AccessAnswer EnrollmentDenied(PolicySet policies, IamUser user, IReadOnlyList<string> requiredActions)
    {
        var principal = Principal(user);
        foreach (var action in requiredActions)
        {
            // GetSessionToken needs no permission at all (AWS); it is not part of enrolment.
            if (action.Equals("sts:GetSessionToken", StringComparison.OrdinalIgnoreCase)) continue;
            var property = new EnrollmentPossibleProperty(action, MfaEnrollableProperty.TargetOf(action));
            var result = PolicyProver.Verify(policies, property, Options(principal));
            switch (result.Verdict)
            {
                case Verdict.Refuted: continue; // some request does it
                case Verdict.Proved:
                    var example = property.Example(PrincipalIdentity.Parse(user.Arn), user.Name);
                    if (PolicyEvaluator.Decide(policies, example) == Decision.Allowed)
                        return AccessAnswer.Unknown($"internal error (a bug in IamHarden, please report it): the prover says {action} is always denied, the evaluator allows {example.Context}");
                    return AccessAnswer.Found(example, proven: true, note: $"{action} is denied in every console session without MFA ({Proof})");
                default:
                    return AccessAnswer.Unknown(result.Reason ?? "the prover could not decide");
            }
        }
        return AccessAnswer.NotFound(proven: true, Proof);
    }

    public AccessAnswer AllowedFromOutside(PolicySet policies, IamUser user, IReadOnlyList<IpRange> allowed)
    {
        var property = new SourceIpProperty(allowed, allowed.Select(r => r.ToString()).ToList(), allowServiceCalls: false, allowVpcEndpointCalls: false) { DirectCallsOnly = true };
        return Answer(policies, user, property);
    }

    public AccessAnswer PrivilegedAccess(PolicySet policies, IamUser user) =>
        Answer(policies, user, new NeverProperty(PermissionsManagement.Value, "no IAM permissions-management action is allowed"));

    public AccessAnswer ServiceCallDenied(PolicySet policies, IamUser user, IReadOnlyList<IpRange> allowed)
    {
        if (allowed.Count == 0) return AccessAnswer.NotFound(proven: true, "no approved address to compare with");
        try
        {
            var query = Query.Build(policies, Principal(user), new RequestContext(), vocabulary =>
            {
                vocabulary.Require(RequestFacts.SourceIp, Core.Policy.ConditionFamily.IpAddress);
                vocabulary.Require(RequestFacts.ViaAwsService, Core.Policy.ConditionFamily.Bool);
            }, new Query.Parts(q => ServiceCallQuestion.Goal(q, allowed)), requestCount: 2);
            var outcome = QueryRunner.Run(query, _timeout);
            if (outcome.Status == QueryStatus.Unsatisfiable) return AccessAnswer.NotFound(proven: true, Proof);
            if (outcome.Status == QueryStatus.Unknown) return AccessAnswer.Unknown(outcome.Reason!);
            var (direct, viaService) = (outcome.Requests[0].Request, outcome.Requests[1].Request);
            if (PolicyEvaluator.Decide(policies, direct) != Decision.Allowed || PolicyEvaluator.Decide(policies, viaService) != Decision.ExplicitDeny)
                return AccessAnswer.Unknown($"internal error (a bug in IamHarden, please report it): the prover and the evaluator disagree about {viaService.Action} made by an AWS service");
            return AccessAnswer.Found(viaService, proven: true);
        }
        catch (UnsupportedPolicyException ex)
        {
            return AccessAnswer.Unknown(ex.Message);
        }
    }

    private AccessAnswer Answer(PolicySet policies, IamUser user, VerificationProperty property)
    {
        var result = PolicyProver.Verify(policies, property, Options(Principal(user)));
        return result.Verdict switch
        {
            Verdict.Refuted => AccessAnswer.Found(result.Counterexample!.Request, proven: true, result.Counterexample.AbsentKeys),
            Verdict.Proved => AccessAnswer.NotFound(proven: true, Proof),
            _ => AccessAnswer.Unknown(result.Reason ?? "the prover could not decide"),
        };
    }

    private ProverOptions Options(ProverPrincipal principal) => new() { Principal = principal, Timeout = _timeout };

    private static ProverPrincipal Principal(IamUser user) => ProverPrincipal.User(user.Arn, user.Tags);
}
