using System.Text;

namespace SciaticaAdvisor.Cli.Tests.Support;

/// <summary>A scratch folder for one test class's files, removed afterwards.</summary>
public sealed class TempFiles : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("sciatica-cli-tests-").FullName;

    public string PathOf(string name) => Path.Combine(_root, name);

    public string Write(string name, string text) => WriteBytes(name, new UTF8Encoding(false).GetBytes(text));

    public string WriteBytes(string name, byte[] bytes)
    {
        var path = PathOf(name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
