using SciaticaAdvisor.Rules;

namespace SciaticaAdvisor.Tests.Rules;

/// <summary>The built-in rule set's SHA-256 is taken at build time; it must be the one <see cref="RuleSetHash.Of"/> gives its text.</summary>
public class BuiltInRuleSetHashTests
{
    [Fact]
    public void TheHashTakenAtBuildTime_IsTheHashOfTheBuiltInText()
    {
        RuleSource.Default.Sha256.Should().Be(RuleSetHash.BuiltIn);
        RuleSetHash.BuiltIn.Should().Be(RuleSetHash.Of(RuleSource.Default.ReadText()));
    }

    [Fact]
    public void TheAdvice_NamesTheBuiltInSetByThatHash_AndAFileOfTheSameTextAlike()
    {
        var text = RuleSource.Default.ReadText();
        var path = Path.Combine(Path.GetTempPath(), $"builtin-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, text);
        try
        {
            var fromFile = new AdvisorBuilder().AddRuleFile(path).Build();

            Advisor.CreateDefault().RuleSet.Sha256.Should().Be(RuleSetHash.BuiltIn);
            fromFile.RuleSet.Sha256.Should().Be(RuleSetHash.BuiltIn, "a file is hashed at load; the same text gives the same hash");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
