using System.Security.Cryptography;
using System.Text;

namespace SciaticaAdvisor.Rules;

/// <summary>The SHA-256 of a rule file's text, the same on every checkout: UTF-8, no byte-order mark, LF line ends.</summary>
/// <remarks>The built-in set's hash, <c>BuiltIn</c>, is generated at build time (SciaticaAdvisor.csproj).</remarks>
internal static partial class RuleSetHash
{
    public static string Of(string text)
    {
        var normalized = text.TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalized)));
    }
}
