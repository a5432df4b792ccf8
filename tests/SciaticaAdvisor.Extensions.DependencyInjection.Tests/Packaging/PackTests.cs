using System.Diagnostics;
using System.IO.Compression;
using System.Xml.Linq;

namespace SciaticaAdvisor.Extensions.DependencyInjection.Tests.Packaging;

/// <summary>Packs every shipped project (from the build the tests already ran) and checks what a user downloads.</summary>
[Trait("Category", "Pack")]
public sealed class PackTests : IClassFixture<PackTests.Packed>
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    private readonly Packed _packed;

    public PackTests(Packed packed) => _packed = packed;

    public static TheoryData<string> Packages => new() { "SciaticaAdvisor", "SciaticaAdvisor.Extensions.DependencyInjection" };

    [Theory]
    [MemberData(nameof(Packages))]
    public void Pack_ProducesAPackageAndASymbolPackage(string id)
    {
        _packed.Files.Should().Contain(f => IsPackage(f, id, ".nupkg"));
        _packed.Files.Should().Contain(f => IsPackage(f, id, ".snupkg"));
    }

    [Theory]
    [MemberData(nameof(Packages))]
    public void Package_CarriesItsReadmeLicenseAndRepository(string id)
    {
        using var zip = ZipFile.OpenRead(_packed.Files.Single(f => IsPackage(f, id, ".nupkg")));
        var nuspec = Nuspec(zip);
        string? Element(string name) => nuspec.Descendants().FirstOrDefault(e => e.Name.LocalName == name)?.Value;
        XElement? Node(string name) => nuspec.Descendants().FirstOrDefault(e => e.Name.LocalName == name);

        zip.Entries.Should().Contain(e => e.FullName == "README.md" && e.Length > 200);
        Element("readme").Should().Be("README.md");
        Node("license")!.Attribute("type")!.Value.Should().Be("expression");
        Element("license").Should().Be("MIT");
        Element("description").Should().NotBeNullOrWhiteSpace();
        Element("projectUrl").Should().StartWith("https://");
        Node("repository")!.Attribute("url")!.Value.Should().StartWith("https://");
        zip.Entries.Should().Contain(e => e.FullName == $"lib/net10.0/{id}.dll");
        zip.Entries.Should().Contain(e => e.FullName == $"lib/net10.0/{id}.xml", "the XML docs ship with the library");
    }

    [Fact]
    public void SymbolPackage_HoldsThePdbs()
    {
        foreach (var id in new[] { "SciaticaAdvisor", "SciaticaAdvisor.Extensions.DependencyInjection" })
        {
            using var zip = ZipFile.OpenRead(_packed.Files.Single(f => IsPackage(f, id, ".snupkg")));
            zip.Entries.Should().Contain(e => e.FullName == $"lib/net10.0/{id}.pdb");
        }
    }

    [Fact]
    public void DependencyInjectionPackage_DependsOnTheLibraryPackage()
    {
        using var zip = ZipFile.OpenRead(_packed.Files.Single(f => IsPackage(f, "SciaticaAdvisor.Extensions.DependencyInjection", ".nupkg")));

        Nuspec(zip).Descendants().Where(e => e.Name.LocalName == "dependency").Select(e => e.Attribute("id")!.Value)
            .Should().Contain("SciaticaAdvisor");
    }

    private static bool IsPackage(string file, string id, string extension)
    {
        var name = Path.GetFileName(file);
        return name.EndsWith(extension, StringComparison.Ordinal)
            && name.StartsWith(id + ".", StringComparison.Ordinal)
            && char.IsDigit(name[id.Length + 1]);
    }

    private static XDocument Nuspec(ZipArchive zip)
    {
        using var stream = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open();
        return XDocument.Load(stream);
    }

    /// <summary>Runs <c>dotnet pack --no-build</c> once for the class into a temporary folder.</summary>
    public sealed class Packed : IDisposable
    {
        private readonly string _output = Directory.CreateTempSubdirectory("sciatica-pack-").FullName;

        public Packed()
        {
            foreach (var project in new[] { "src/SciaticaAdvisor/SciaticaAdvisor.csproj", "src/SciaticaAdvisor.Extensions.DependencyInjection/SciaticaAdvisor.Extensions.DependencyInjection.csproj" })
            {
                Pack(Path.Combine(RepoRoot.Path, project));
            }

            Files = Directory.GetFiles(_output);
        }

        public IReadOnlyList<string> Files { get; }

        public void Dispose() => Directory.Delete(_output, recursive: true);

        private void Pack(string project)
        {
            var start = new ProcessStartInfo("dotnet")
            {
                ArgumentList = { "pack", project, "--no-build", "--no-restore", "-c", Configuration, "-o", _output, "-nologo" },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("dotnet pack took more than two minutes");
            }

            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"dotnet pack {project} exited {process.ExitCode}:\n{stdout.Result}\n{stderr.Result}");
            }
        }
    }
}
