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

    public static TheoryData<string> Packages => new() { "SciaticaAdvisor", "SciaticaAdvisor.Extensions.DependencyInjection", "SciaticaAdvisor.Cli" };

    public static TheoryData<string> Libraries => new() { "SciaticaAdvisor", "SciaticaAdvisor.Extensions.DependencyInjection" };

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
    }

    [Theory]
    [MemberData(nameof(Libraries))]
    public void LibraryPackage_CarriesTheAssemblyAndItsXmlDocs(string id)
    {
        using var zip = ZipFile.OpenRead(_packed.Files.Single(f => IsPackage(f, id, ".nupkg")));

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

    [Fact]
    public void Packages_InstallIntoAScratchProjectThatAdvises()
    {
        var scratch = Directory.CreateTempSubdirectory("sciatica-scratch-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(scratch, "nuget.config"), $"""
                <configuration>
                  <packageSources><add key="packed" value="{_packed.Output}" /></packageSources>
                </configuration>
                """);
            File.WriteAllText(Path.Combine(scratch, "Scratch.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFramework>net10.0</TargetFramework>
                    <ImplicitUsings>enable</ImplicitUsings>
                    <Nullable>enable</Nullable>
                    <RestorePackagesPath>packages</RestorePackagesPath>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="SciaticaAdvisor.Extensions.DependencyInjection" Version="{_packed.Version}" />
                    <PackageReference Include="Microsoft.Extensions.DependencyInjection" Version="10.0.0" />
                  </ItemGroup>
                </Project>
                """);
            File.WriteAllText(Path.Combine(scratch, "Program.cs"), """
                using Microsoft.Extensions.DependencyInjection;
                using SciaticaAdvisor;
                using SciaticaAdvisor.Profiles;

                var services = new ServiceCollection();
                services.AddSciaticaAdvisor(o => o.RuleFiles.Add(args[0]));
                using var provider = services.BuildServiceProvider();
                var profile = ProfileReader.Read("{ \"cause\": \"piriformisSyndrome\", \"flare\": \"none\", \"painSensitivity\": \"low\", \"painIntensity\": 3, \"diagnosisConfirmed\": true, \"clinicianApproved\": true }");
                Console.WriteLine(provider.GetRequiredService<Advisor>().Advise(profile).Status);
                """);
            File.WriteAllText(Path.Combine(scratch, "rules.yaml"), TestRules.Valid("1.0.0"));

            var output = DotnetCli.Run(scratch, "run", "--", "rules.yaml");

            output.Trim().Should().Be("Recommended");
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
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

    /// <summary>
    /// Packs every project in src/ once for the class, from the build the tests already ran, into a
    /// temporary folder: what <c>dotnet pack --no-build --no-restore -c Release -o DIR</c> does for
    /// each project, in one MSBuild process (one <c>dotnet pack</c> per project paid MSBuild's start-up
    /// and JIT six times over; the packages are the same).
    /// </summary>
    public sealed class Packed : IDisposable
    {
        /// <summary>A version no earlier run used, so a NuGet cache never hands back an older package.</summary>
        public string Version { get; } = $"1.0.0-pack.{DateTime.UtcNow:yyyyMMddHHmmssfff}";

        public string Output { get; } = Directory.CreateTempSubdirectory("sciatica-pack-").FullName;

        private readonly string _traversal = Directory.CreateTempSubdirectory("sciatica-pack-proj-").FullName;

        public Packed()
        {
            var projects = Directory.GetFiles(Path.Combine(RepoRoot.Path, "src"), "*.csproj", SearchOption.AllDirectories);
            projects.Should().NotBeEmpty();
            var items = string.Concat(projects.Order(StringComparer.Ordinal).Select(p => $"<ProjectToPack Include=\"{System.Security.SecurityElement.Escape(p)}\" />"));
            var traversal = Path.Combine(_traversal, "pack.proj");
            File.WriteAllText(traversal, $"""
                <Project>
                  <ItemGroup>{items}</ItemGroup>
                  <Target Name="Pack">
                    <MSBuild Projects="@(ProjectToPack)" Targets="Pack" />
                  </Target>
                </Project>
                """);

            // The global properties dotnet pack --no-build -o sets, passed on to every project.
            DotnetCli.Run(
                RepoRoot.Path, "msbuild", traversal, "-t:Pack", "-m:1", "-nr:false", "-nologo", "-v:m",
                $"-p:Configuration={Configuration}", "-p:NoBuild=true", "-p:_IsPacking=true",
                $"-p:PackageOutputPath={Output}{Path.DirectorySeparatorChar}", "-p:_CommandLineDefinedOutputPath=true", $"-p:PackageVersion={Version}");

            Files = Directory.GetFiles(Output);
        }

        public IReadOnlyList<string> Files { get; }

        public void Dispose()
        {
            Directory.Delete(Output, recursive: true);
            Directory.Delete(_traversal, recursive: true);
        }
    }
}
