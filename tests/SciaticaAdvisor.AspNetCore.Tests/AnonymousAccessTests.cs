using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using SciaticaAdvisor.AspNetCore.Security;

namespace SciaticaAdvisor.AspNetCore.Tests;

/// <summary>With no issuer and no key configured, a call is let through only when it reached the service on a loopback address.</summary>
public sealed class AnonymousAccessTests
{
    [Theory]
    [InlineData("127.0.0.1", false, true)]
    [InlineData("::1", false, true)]
    [InlineData("10.0.0.5", false, false)]
    [InlineData("192.168.1.20", false, false)]
    [InlineData("10.0.0.5", true, true)]
    public async Task AnonymousCall_IsLetThroughOnlyOnLoopback_UnlessAllowed(string localAddress, bool allowAnonymous, bool letThrough)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddSciaticaAdvisorEndpoints(o => o.AllowAnonymous = allowAnonymous);
        await using var provider = services.BuildServiceProvider();
        var http = new DefaultHttpContext { RequestServices = provider };
        http.Connection.LocalIpAddress = IPAddress.Parse(localAddress);
        var reached = false;

        var result = await new CallerCheck(CallerKinds.Jwt | CallerKinds.ApiKey).InvokeAsync(
            new DefaultEndpointFilterInvocationContext(http),
            _ =>
            {
                reached = true;
                return ValueTask.FromResult<object?>(Results.Ok());
            });

        reached.Should().Be(letThrough);
        if (!letThrough)
        {
            result.Should().BeOfType<ProblemHttpResult>().Which.StatusCode.Should().Be(StatusCodes.Status403Forbidden);
        }
    }
}
