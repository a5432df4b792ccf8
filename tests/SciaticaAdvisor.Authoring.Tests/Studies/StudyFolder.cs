using System.Text;

namespace SciaticaAdvisor.Authoring.Tests.Studies;

/// <summary>A scratch folder for a study file, the files it names and its output.</summary>
public sealed class StudyFolder : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("sciatica-study-tests-").FullName;

    public string Root => _root;

    public string PathOf(string name) => Path.Combine(_root, name);

    public string Write(string name, string text)
    {
        var path = PathOf(name);
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
