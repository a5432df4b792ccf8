using System.Text;
using SciaticaAdvisor.Files;
using SciaticaAdvisor.Rules;
using SciaticaAdvisor.Scenarios;
using SciaticaAdvisor.Tests.Scenarios;

namespace SciaticaAdvisor.Tests.Files;

/// <summary>Files the user names are read through a stream and a bound, whatever their stat length says.</summary>
public sealed class BoundedFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sciatica-bounded-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void RuleFile_ThatIsAnEndlessDevice_IsRefusedAtTheBound()
    {
        if (!File.Exists("/dev/zero"))
        {
            return;
        }

        // /dev/zero says it is 0 bytes long and never ends: a reader that trusts stat reads until memory runs out.
        var act = () => new AdvisorBuilder().AddRuleFile("/dev/zero").Build();

        act.Should().Throw<RuleSetException>().Which.Errors.Should().ContainSingle()
            .Which.ToString().Should().Be("/dev/zero: the rule file is larger than 1048576 bytes, the most allowed");
    }

    [Fact]
    public void RuleFileReadText_ReadsAsTheBuilderDoes_AndItsTextBuildsTheSameRules()
    {
        var path = Path.Combine(_folder, "extra.yaml");
        File.WriteAllBytes(path, [.. "\uFEFF"u8, .. File.ReadAllBytes(RepoPaths.DefaultRuleFile)]);

        var text = RuleFile.ReadText(path);
        var fromText = new AdvisorBuilder().AddRules(text, path).Build();
        var fromFile = new AdvisorBuilder().AddRuleFile(path).Build();

        text.Should().NotStartWith("\uFEFF");
        fromText.RuleSet.Should().Be(fromFile.RuleSet);
    }

    [Fact]
    public void RuleFileReadText_RefusesOneByteOverTheBound_AndBadUtf8_NamingThePath()
    {
        var large = Path.Combine(_folder, "large.yaml");
        File.WriteAllBytes(large, new byte[RuleFile.MaxBytes + 1]);
        var broken = Path.Combine(_folder, "broken.yaml");
        File.WriteAllBytes(broken, [.. "name: x\nversion: "u8, 0xC3, 0x28]);

        var tooLarge = () => RuleFile.ReadText(large);
        var notUtf8 = () => RuleFile.ReadText(broken);

        tooLarge.Should().Throw<RuleSetException>().Which.Errors.Should().ContainSingle()
            .Which.ToString().Should().Be($"{large}: the rule file is larger than 1048576 bytes, the most allowed");
        notUtf8.Should().Throw<RuleSetException>().Which.Errors.Should().ContainSingle()
            .Which.Should().Match<RuleSetError>(e => e.Source == broken && e.Line == 2 && e.Column == 10);
    }

    [Fact]
    public void ScenarioFile_ThatIsAnEndlessDevice_IsRefusedAtTheBound()
    {
        if (!File.Exists("/dev/urandom"))
        {
            return;
        }

        var act = () => ScenarioFile.Load("/dev/urandom");

        act.Should().Throw<ScenarioException>().Which.Problem.Should().Be("the scenario file is larger than 1048576 bytes, the most allowed");
    }

    [Fact]
    public void ProcFile_WhoseStatLengthIsZero_IsReadWhole()
    {
        if (!File.Exists("/proc/self/status"))
        {
            return;
        }

        new FileInfo("/proc/self/status").Length.Should().Be(0, "the point: /proc files have no length");

        var read = BoundedFile.ReadText("/proc/self/status", 1 << 20, "file");

        read.Text.Should().Contain("Name:");
    }

    [Fact]
    public void FileOfExactlyTheLimit_IsRead_AndOneByteMore_IsRefused()
    {
        var path = Path.Combine(_folder, "f.bin");
        File.WriteAllBytes(path, new byte[100]);
        BoundedFile.ReadBytes(path, 100, "file").Bytes.Should().HaveCount(100);

        File.WriteAllBytes(path, new byte[101]);
        var read = BoundedFile.ReadBytes(path, 100, "file");

        read.Bytes.Should().BeNull();
        read.TooLarge.Should().BeTrue();
    }

    [Fact]
    public void MissingFile_AndFolder_AreProblemsNotExceptions()
    {
        BoundedFile.ReadBytes(Path.Combine(_folder, "none"), 10, "rule file").Problem.Should().Be("the rule file does not exist");
        BoundedFile.ReadBytes(_folder, 10, "rule file").Problem.Should().Be("the rule file is a directory");
    }

    [Fact]
    public void InvalidUtf8_IsAProblemAtItsLineAndColumn()
    {
        var read = BoundedFile.Decode([.. "name: x\nver"u8, 0xC3, 0x28, .. "sion: 1\n"u8], "rule file");

        read.Text.Should().BeNull();
        (read.Line, read.Column).Should().Be((2, 4));
        read.Problem.Should().Be("the rule file is not valid UTF-8: byte 0xC3 at line 2, column 4 cannot be read; save it as UTF-8");
    }

    [Fact]
    public void ByteOrderMark_IsDropped_AndUtf16_IsNamed()
    {
        BoundedFile.Decode([0xEF, 0xBB, 0xBF, .. "a: é"u8], "file").Text.Should().Be("a: é");
        BoundedFile.Decode(Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("a: b")).ToArray(), "file").Problem.Should().Contain("UTF-16");
    }
}
