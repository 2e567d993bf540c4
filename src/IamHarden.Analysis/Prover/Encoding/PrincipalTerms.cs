using IamHarden.Analysis.Prover.Smt;

namespace IamHarden.Analysis.Prover.Encoding;

/// <summary>
/// The principal's name and path as SMT terms: literals for a named user, or unknowns constrained
/// to what IAM allows (names of letters, digits and +=,.@_-; paths "/" or "/…/"), shared by every
/// request of the query.
/// </summary>
internal sealed class PrincipalTerms
{
    private static readonly CharSet NameCharacters = CharSet.Of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+=,.@_-");
    private static readonly CharSet PathCharacters = CharSet.Range('!', '~');

    public PrincipalTerms(ProverPrincipal principal)
    {
        Principal = principal;
        Name = principal.Name is { } n ? Smt.Smt.Str(n) : "principal_name";
        Path = principal.Path is { } p ? Smt.Smt.Str(p) : "principal_path";
    }

    public ProverPrincipal Principal { get; }
    public string Name { get; }
    public string Path { get; }

    public bool NameIsOpen => Principal.Name is null;
    public bool PathIsOpen => Principal.Path is null;

    public string Arn => Smt.Smt.Concat([Smt.Smt.Str($"arn:aws:iam::{Principal.Account}:user"), Path, Name]);

    /// <summary>The user's own virtual MFA device, named after the user (arn:aws:iam::ACCOUNT:mfa/NAME).</summary>
    public string OwnMfaDevice => Smt.Smt.Concat([Smt.Smt.Str($"arn:aws:iam::{Principal.Account}:mfa/"), Name]);

    public void Declare(SmtScript script)
    {
        if (NameIsOpen)
        {
            script.Comment("the user's name and path (any IAM user of the account)");
            script.Declare(Name, "String");
            script.Assert(Smt.Smt.InRegex(Name, SmtRegex.Loop(NameCharacters.ToRegex(), 1, 64)));
        }
        if (PathIsOpen)
        {
            script.Declare(Path, "String");
            script.Assert(Smt.Smt.InRegex(Path, SmtRegex.Union([SmtRegex.Literal("/"), SmtRegex.Concat(SmtRegex.Literal("/"), SmtRegex.Plus(PathCharacters.ToRegex()), SmtRegex.Literal("/"))])));
            script.Assert(Smt.Smt.Le(Smt.Smt.Length(Path), "512"));
        }
    }

    public IEnumerable<string> ModelSymbols()
    {
        if (NameIsOpen) yield return Name;
        if (PathIsOpen) yield return Path;
    }
}
