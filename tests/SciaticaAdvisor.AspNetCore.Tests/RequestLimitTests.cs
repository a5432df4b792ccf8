using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SciaticaAdvisor.AspNetCore.Tests.Hosting;

namespace SciaticaAdvisor.AspNetCore.Tests;

/// <summary>Bodies that come too slowly or stop half-way, over a real loopback socket: a 408 or a 400, never a 500 or an exception in the log.</summary>
public sealed class RequestLimitTests : IDisposable
{
    private readonly ServiceFactory _factory = new(new() { ["SciaticaAdvisor:Service:RequestBodyTimeout"] = "00:00:00.500" });
    private readonly Uri _url;

    public RequestLimitTests()
    {
        _factory.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        _factory.StartServer();
        _url = new Uri(_factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    public void Dispose() => _factory.Dispose();

    [Theory]
    [InlineData("/advice")]
    [InlineData("/cds-services/sciatica-massage-advice")]
    public async Task SlowBody_Is408(string path)
    {
        using var socket = await Connect();
        await Send(socket, Headers(path, contentLength: 500) + "{ \"cause\": ");

        var answer = await ReadAnswer(socket, TimeSpan.FromSeconds(10));

        answer.Should().StartWith("HTTP/1.1 408");
        answer.Should().Contain("application/problem+json");
    }

    [Theory]
    [InlineData("/advice")]
    [InlineData("/cds-services/sciatica-massage-advice")]
    public async Task AbortedBody_IsA400_AndLogsNoErrorOrStackTrace(string path)
    {
        using (var socket = await Connect())
        {
            await Send(socket, Headers(path, contentLength: 5000) + "{ \"hook\": \"patient-view\", ");
            await Task.Delay(100);
            socket.Shutdown(SocketShutdown.Send);
            await Task.Delay(200);
        }

        var finished = await WaitFor(e => e.Message.StartsWith("Request finished", StringComparison.Ordinal) && e.Message.Contains(path, StringComparison.Ordinal));

        // 400 as the endpoint answers, or 499 where the host notes that the client had already gone: never a 500.
        finished.Message.Should().MatchRegex(" - (400|499) ");
        _factory.Logs.Entries.Should().NotContain(e => e.Exception != null || e.Level >= LogLevel.Error);
    }

    private static string Headers(string path, int contentLength) =>
        $"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: {contentLength}\r\n\r\n";

    private async Task<Socket> Connect()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(IPAddress.Loopback, _url.Port);
        return socket;
    }

    private static async Task Send(Socket socket, string text) => await socket.SendAsync(Encoding.ASCII.GetBytes(text));

    private static async Task<string> ReadAnswer(Socket socket, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        var buffer = new byte[8192];
        var read = await socket.ReceiveAsync(buffer, cts.Token);
        return Encoding.ASCII.GetString(buffer, 0, read);
    }

    private async Task<LogCapture.Entry> WaitFor(Func<LogCapture.Entry, bool> match)
    {
        for (var i = 0; i < 100; i++)
        {
            if (_factory.Logs.Entries.FirstOrDefault(match) is { } entry)
            {
                return entry;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("the request never finished in the log");
    }
}
