using System.Net;
using System.Net.Sockets;
using System.Text;
using SciaticaAdvisor.Cli.Tests.Support;

namespace SciaticaAdvisor.Cli.Tests.Commands;

public sealed class ServeCommandTests
{
    [Theory]
    [InlineData("http://0.0.0.0:5999")]
    [InlineData("http://*:5999")]
    [InlineData("http://clinic-host:5999")]
    public async Task Serve_OffLoopbackWithoutAuthentication_RefusesToStart(string url)
    {
        var result = await Tool.RunAsync("serve", "--urls", url);

        result.ExitCode.Should().Be(2);
        result.Stderr.Should().Contain("refusing to listen").And.Contain("--allow-anonymous");
    }

    [Fact]
    public async Task Serve_WithARuleFileThatDoesNotLoad_ExitsTwoWithItsErrors()
    {
        using var files = new TempFiles();
        var broken = files.Write("broken.yaml", "name: broken\nversion: 1\nrules: [ { id: x } ]\n");

        var result = await Tool.RunAsync("serve", "--urls", $"http://127.0.0.1:{FreePort()}", "--rules", broken);

        result.ExitCode.Should().Be(2);
        result.Stderr.Should().Contain("broken.yaml");
    }

    [Fact]
    public async Task Serve_AnswersHealthAndAdvice_ThenStopsGracefullyWhenAsked()
    {
        var url = $"http://127.0.0.1:{FreePort()}";
        using var stop = new CancellationTokenSource();
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var serving = Task.Run(() => CliApp.RunAsync(["serve", "--urls", url], new CliContext(TextReader.Null, stdout, stderr), stop.Token));
        using var client = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30) };

        var ready = await WaitForReady(client, serving);
        var readiness = await client.GetStringAsync("/health/ready");
        var advice = await client.PostAsync("/advice", new StringContent(File.ReadAllText(Repository.PathOf("samples/profiles/piriformis.json")), Encoding.UTF8, "application/json"));
        var adviceJson = await advice.Content.ReadAsStringAsync();
        var page = await client.GetAsync("/");
        await stop.CancelAsync();
        var exitCode = await serving.WaitAsync(TimeSpan.FromSeconds(30));

        ready.Should().Be(HttpStatusCode.OK);
        advice.StatusCode.Should().Be(HttpStatusCode.OK);
        adviceJson.Should().StartWith("{\"status\":\"recommended\"");
        var ruleSet = System.Text.Json.Nodes.JsonNode.Parse(adviceJson)!["ruleSet"]!;
        var loaded = System.Text.Json.Nodes.JsonNode.Parse(readiness)!["checks"]!["rule-set"]!["data"]!;
        foreach (var key in new[] { "name", "version", "sha256" })
        {
            loaded[key]!.GetValue<string>().Should().Be(ruleSet[key]!.GetValue<string>(), "readiness names the rule set that advises");
        }
        page.StatusCode.Should().Be(HttpStatusCode.OK);
        exitCode.Should().Be(0);
    }

    [Fact]
    public async Task Serve_ReloadsARuleFileReplacedWhileServing_AndKeepsTheLastGoodOneWhenTheNextDoesNotLoad()
    {
        using var files = new TempFiles();
        var rules = File.ReadAllText(Repository.PathOf("rules/sciatica-massage.yaml"));
        var path = files.Write("clinic.yaml", rules.Replace("version: 1.1.0", "version: 7.0.0", StringComparison.Ordinal));
        var url = $"http://127.0.0.1:{FreePort()}";
        using var stop = new CancellationTokenSource();
        var serving = Task.Run(() => CliApp.RunAsync(["serve", "--urls", url, "--rules", path], new CliContext(TextReader.Null, TextWriter.Null, TextWriter.Null), stop.Token));
        // Generous: a reload compiles the rule set, which is slow when the whole solution's tests share two cores.
        using var client = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30) };
        await WaitForReady(client, serving);
        var before = await ReadyVersion(client);

        // An atomic replace, as docs/clinic-service.md asks: write a new file, rename it over the old one.
        File.Move(files.Write("next.yaml", rules.Replace("version: 1.1.0", "version: 7.1.0", StringComparison.Ordinal)), path, overwrite: true);
        var reloaded = await VersionOnceChanged(client, before);
        File.Move(files.Write("broken.yaml", "name: broken\nversion: 9\nrules: [ { id: x } ]\n"), path, overwrite: true);
        await Task.Delay(TimeSpan.FromSeconds(3));
        var afterBroken = await ReadyVersion(client);
        var advice = await client.PostAsync("/advice", new StringContent(File.ReadAllText(Repository.PathOf("samples/profiles/piriformis.json")), Encoding.UTF8, "application/json"));
        await stop.CancelAsync();
        await serving.WaitAsync(TimeSpan.FromSeconds(30));

        before.Should().Be("7.0.0");
        reloaded.Should().Be("7.1.0", "serve reloads a rule file that changes");
        afterBroken.Should().Be("7.1.0", "a file that does not load leaves the last good rule set answering");
        advice.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    private static async Task<string> ReadyVersion(HttpClient client) =>
        System.Text.Json.Nodes.JsonNode.Parse(await client.GetStringAsync("/health/ready"))!["checks"]!["rule-set"]!["data"]!["version"]!.GetValue<string>();

    private static async Task<string> VersionOnceChanged(HttpClient client, string before)
    {
        var version = before;
        for (var i = 0; i < 100 && version == before; i++)
        {
            await Task.Delay(200);
            version = await ReadyVersion(client);
        }

        return version;
    }

    private static async Task<HttpStatusCode> WaitForReady(HttpClient client, Task<int> serving)
    {
        for (var i = 0; i < 150 && !serving.IsCompleted; i++)
        {
            try
            {
                var response = await client.GetAsync("/health/ready");
                return response.StatusCode;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(200);
            }
        }

        return serving.IsCompleted ? throw new InvalidOperationException($"serve ended with {await serving}") : HttpStatusCode.ServiceUnavailable;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
