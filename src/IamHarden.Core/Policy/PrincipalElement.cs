using System.Collections.Immutable;
using IamHarden.Core.Policy.Syntax;

namespace IamHarden.Core.Policy;

/// <summary>The kinds of principal a Principal element can name.</summary>
public enum PrincipalType { AWS, Service, Federated, CanonicalUser }

/// <summary>One principal named in a Principal/NotPrincipal element, e.g. AWS "arn:aws:iam::111122223333:root".</summary>
public sealed record PrincipalEntry(PrincipalType Type, LocatedString Value);

/// <summary>Principal or NotPrincipal: either the bare wildcard "*" or a map of principal types to values.</summary>
public sealed record PrincipalElement(bool IsNegated, bool IsWildcard, ImmutableArray<PrincipalEntry> Entries, SourceSpan Span);
