using System.Security.Cryptography;
using System.Text;

namespace IamHarden.Cli.Rendering.Html;

/// <summary>
/// The report's Content-Security-Policy: nothing may be loaded or sent (default-src 'none' covers
/// fetch, images, fonts, frames, media and workers), and only our own inline script and style run,
/// named by their SHA-256 hashes. Hashes rather than a nonce because the file is static: a nonce
/// written once into a file is no secret, while a hash admits exactly the bytes we wrote and
/// keeps the output deterministic. JSON data blocks are not scripts and need no entry.
/// </summary>
public static class ContentSecurityPolicy
{
    public static string For(string script, string style) =>
        $"default-src 'none'; script-src '{Hash(script)}'; style-src '{Hash(style)}'; img-src 'none'; base-uri 'none'; form-action 'none'";

    /// <summary>"sha256-BASE64" of the exact text between the tags, as UTF-8 — what the browser hashes.</summary>
    public static string Hash(string inlineText) => "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(inlineText)));
}
