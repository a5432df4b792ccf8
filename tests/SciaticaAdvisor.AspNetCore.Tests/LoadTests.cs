using System.Diagnostics;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using SciaticaAdvisor.AspNetCore.Tests.Hosting;

namespace SciaticaAdvisor.AspNetCore.Tests;

/// <summary>A bounded load over loopback: every call answered correctly, none lost. Not a speed measurement.</summary>
public sealed class LoadTests
{
    [Fact]
    public async Task TwoThousandCallsOnEightConnections_AreAllAnswered()
    {
        using var factory = new ServiceFactory();
        factory.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        var url = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 8 }) { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30) };
        var profile = Intakes.Response().ToJsonString();
        var cds = Intakes.CdsRequest(Intakes.Response()).ToJsonString();
        var clock = Stopwatch.StartNew();

        var statuses = await Task.WhenAll(Enumerable.Range(0, 8).Select(async worker =>
        {
            var codes = new List<HttpStatusCode>();
            for (var i = 0; i < 250; i++)
            {
                using var response = i % 2 == 0
                    ? await client.PostAsync("/advice/fhir", new StringContent(profile, Encoding.UTF8, "application/fhir+json"))
                    : await client.PostAsync("/cds-services/sciatica-massage-advice", new StringContent(cds, Encoding.UTF8, "application/json"));
                codes.Add(response.StatusCode);
            }

            return codes;
        }));

        statuses.SelectMany(s => s).Should().HaveCount(2000).And.OnlyContain(s => s == HttpStatusCode.OK);
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(90), "a bound against a hang, not a speed target");
    }
}
