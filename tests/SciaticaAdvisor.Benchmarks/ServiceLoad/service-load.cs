#!/usr/bin/env dotnet
// The load client of service-throughput.sh: drives a running 'sciatica-advisor serve' over loopback
// with a bounded number of requests at a bounded concurrency, and prints requests a second and the
// latency percentiles of each endpoint. Every answer must be a 200 with the body it should have:
// a wrong answer fails the run instead of being counted as fast.
//
//   dotnet run service-load.cs -- BASE_URL REQUESTS CONCURRENCY PROFILE.json BUNDLE.json
//
// PROFILE.json is a symptom profile for POST /advice; BUNDLE.json a FHIR search Bundle of intake
// responses, sent as the CDS Hooks call's prefetch.intake (each call with a hookInstance of its own).
// The same number of warm-up requests as a tenth of REQUESTS (at least 50) goes first, uncounted.
#:property PublishAot=false
// The repository pins package versions centrally; a file-based app names its own (it needs none).
#:property ManagePackageVersionsCentrally=false

using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

if (args.Length != 5
    || !Uri.TryCreate(args[0], UriKind.Absolute, out var baseUrl)
    || !int.TryParse(args[1], CultureInfo.InvariantCulture, out var requests) || requests < 1 || requests > 10_000_000
    || !int.TryParse(args[2], CultureInfo.InvariantCulture, out var concurrency) || concurrency < 1 || concurrency > 1024)
{
    await Console.Error.WriteLineAsync("usage: dotnet run service-load.cs -- BASE_URL REQUESTS(1-10000000) CONCURRENCY(1-1024) PROFILE.json BUNDLE.json");
    return 2;
}

var profile = await File.ReadAllTextAsync(args[3]);
var bundle = JsonNode.Parse(await File.ReadAllTextAsync(args[4]))!;
const string InstancePlaceholder = "00000000-0000-4000-8000-000000000000";
var cdsTemplate = new JsonObject
{
    ["hook"] = "patient-view",
    ["hookInstance"] = InstancePlaceholder,
    ["context"] = new JsonObject { ["userId"] = "Practitioner/load", ["patientId"] = "load-patient" },
    ["prefetch"] = new JsonObject { ["intake"] = bundle },
}.ToJsonString();

using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
{
    BaseAddress = baseUrl,
    Timeout = TimeSpan.FromSeconds(30),
};

var endpoints = new (string Name, Func<HttpRequestMessage> Request, string Expect)[]
{
    ("POST /advice", () => Post("advice", profile, "application/json"), "\"status\":"),
    ("POST /cds-services/sciatica-massage-advice (prefetch Bundle)",
        () => Post("cds-services/sciatica-massage-advice", cdsTemplate.Replace(InstancePlaceholder, Guid.NewGuid().ToString(), StringComparison.Ordinal), "application/json"),
        "\"cards\":[{"),
};

var failed = false;
foreach (var (name, request, expect) in endpoints)
{
    await RunAsync(request, expect, Math.Max(50, requests / 10), concurrency);
    var clock = Stopwatch.StartNew();
    var (latencies, failures) = await RunAsync(request, expect, requests, concurrency);
    clock.Stop();
    Array.Sort(latencies);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{name}: {requests} requests, {concurrency} at a time: {requests / clock.Elapsed.TotalSeconds:F0} requests/s, latency p50 {Milliseconds(Percentile(latencies, 0.50)):F2} ms, p99 {Milliseconds(Percentile(latencies, 0.99)):F2} ms, max {Milliseconds(latencies[^1]):F2} ms"));
    if (failures.Count > 0)
    {
        failed = true;
        await Console.Error.WriteLineAsync($"{name}: {failures.Count} wrong answers, e.g. {failures[0]}");
    }
}

return failed ? 1 : 0;

HttpRequestMessage Post(string path, string body, string contentType) =>
    new(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, contentType) };

async Task<(long[] Latencies, List<string> Failures)> RunAsync(Func<HttpRequestMessage> request, string expect, int count, int workers)
{
    var latencies = new long[count];
    var failures = new List<string>();
    var next = -1;
    await Task.WhenAll(Enumerable.Range(0, workers).Select(async _ =>
    {
        for (var i = Interlocked.Increment(ref next); i < count; i = Interlocked.Increment(ref next))
        {
            using var message = request();
            var start = Stopwatch.GetTimestamp();
            string? failure;
            try
            {
                using var response = await client.SendAsync(message);
                var body = await response.Content.ReadAsStringAsync();
                failure = response.StatusCode == HttpStatusCode.OK && body.Contains(expect, StringComparison.Ordinal) ? null : $"{(int)response.StatusCode} {body[..Math.Min(body.Length, 200)]}";
            }
            catch (HttpRequestException ex)
            {
                failure = ex.Message;
            }
            catch (TaskCanceledException)
            {
                failure = "no answer within 30 s";
            }

            latencies[i] = Stopwatch.GetTimestamp() - start;
            if (failure is not null)
            {
                lock (failures)
                {
                    failures.Add(failure);
                }
            }
        }
    }));
    return (latencies, failures);
}

static long Percentile(long[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

static double Milliseconds(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
