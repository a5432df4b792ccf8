using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SciaticaAdvisor.AspNetCore;
using SciaticaAdvisor.Cli.Advising;
using SciaticaAdvisor.Cli.Serving;

namespace SciaticaAdvisor.Cli.Commands;

/// <summary><c>serve [--urls URL] [--rules FILE ...]</c>: the clinic service (CONTRACT section 5) until stopped.</summary>
internal static class ServeCommand
{
    public static readonly string[] Examples =
    [
        "sciatica-advisor serve",
        "sciatica-advisor serve --urls http://127.0.0.1:5080 --rules @default --rules clinic.yaml",
        "sciatica-advisor serve --urls http://0.0.0.0:8080 --config service.json",
    ];

    public static Command Create(CliContext context, Option<string[]> rules)
    {
        var urls = new Option<string[]>("--urls")
        {
            Description = $"Where to listen, ';'-separated or repeated (default {ListenAddresses.Default}). A non-loopback address needs an issuer or API key configured, or --allow-anonymous.",
            HelpName = "URL",
        };
        var config = new Option<string?>("--config")
        {
            Description = "A JSON settings file: sections SciaticaAdvisor (RuleFiles, ReloadOnChange) and SciaticaAdvisor:Service (PublicBaseUrl, TrustedIssuers, ApiKeys, CorsOrigins, limits). Environment variables such as SciaticaAdvisor__Service__ApiKeys__0 work too.",
            HelpName = "FILE",
        };
        var allowAnonymous = new Option<bool>("--allow-anonymous") { Description = "Accept calls without credentials on a non-loopback address (behind a gateway that authenticates)." };
        var command = new Command(
            "serve",
            "Runs the clinic service: POST /advice and /advice/fhir, the intake Questionnaire, CDS Hooks 2.0 at /cds-services, the intake page at /, "
            + "/health/live and /health/ready, and /openapi/v1.json. Rule files are reloaded when they change. Stops gracefully on Ctrl+C or SIGTERM.")
        {
            urls,
            config,
            allowAnonymous,
        };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var listen = ListenAddresses.Of(parsed.GetValue(urls));
            if (listen.FirstOrDefault(u => !ListenAddresses.IsValid(u)) is { } bad)
            {
                throw new CommandFailure(ExitCodes.Invalid, $"sciatica-advisor: --urls '{bad}' is not an http or https URL with a host");
            }

            var app = Build(listen, RulesOption.LayersOf(parsed, rules), parsed.GetValue(config), parsed.GetValue(allowAnonymous));
            await using (app)
            {
                SciaticaServiceOptions options;
                try
                {
                    options = app.Services.GetRequiredService<IOptions<SciaticaServiceOptions>>().Value;
                }
                catch (OptionsValidationException ex)
                {
                    throw new CommandFailure(ExitCodes.Invalid, [.. ex.Failures]);
                }

                var open = listen.Where(u => !ListenAddresses.IsLoopback(u)).ToList();
                if (open.Count > 0 && options.TrustedIssuers.Count == 0 && options.ApiKeys.Count == 0 && !options.AllowAnonymous)
                {
                    throw new CommandFailure(
                        ExitCodes.Invalid,
                        $"sciatica-advisor: refusing to listen on {string.Join(", ", open)} without authentication: configure SciaticaAdvisor:Service:TrustedIssuers or ApiKeys, "
                        + "listen on 127.0.0.1, or pass --allow-anonymous when a gateway in front authenticates callers");
                }

                try
                {
                    await app.StartAsync(cancellationToken);
                }
                catch (OptionsValidationException ex)
                {
                    throw new CommandFailure(ExitCodes.Invalid, [.. ex.Failures]);
                }
                catch (IOException ex)
                {
                    throw new CommandFailure(ExitCodes.Invalid, $"sciatica-advisor: cannot listen on {string.Join(", ", listen)}: {ex.Message}");
                }

                await context.Error.WriteLineAsync($"sciatica-advisor: serving on {string.Join(", ", listen)}; Ctrl+C stops");
                await context.Error.FlushAsync(CancellationToken.None);
                await app.WaitForShutdownAsync(cancellationToken);
                return ExitCodes.Success;
            }
        });
        return command;
    }

    private static WebApplication Build(IReadOnlyList<string> urls, IReadOnlyList<string> layers, string? configFile, bool allowAnonymous)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = Directory.GetCurrentDirectory() });
        if (configFile is not null)
        {
            if (!File.Exists(configFile))
            {
                throw new CommandFailure(ExitCodes.Invalid, $"sciatica-advisor: the settings file '{configFile}' does not exist");
            }

            builder.Configuration.AddJsonFile(Path.GetFullPath(configFile), optional: false, reloadOnChange: false);
        }

        builder.WebHost.UseUrls([.. urls]);
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(15));

        // Command-line rule layers replace the configured ones; reload is on unless configured off.
        var advisor = builder.Services.AddSciaticaAdvisor(o => o.ReloadOnChange = true).BindConfiguration("SciaticaAdvisor");
        if (layers.Count > 0)
        {
            if (layers.Skip(1).Contains(RuleLayersLoader.DefaultLayer))
            {
                throw new CommandFailure(ExitCodes.Invalid, $"sciatica-advisor: serve layers {RuleLayersLoader.DefaultLayer} only as the first --rules");
            }

            advisor.PostConfigure(o =>
            {
                o.RuleFiles.Clear();
                o.UseDefaultRules = layers[0] == RuleLayersLoader.DefaultLayer;
                foreach (var layer in layers.Where(l => l != RuleLayersLoader.DefaultLayer))
                {
                    o.RuleFiles.Add(layer);
                }
            });
        }

        var service = builder.Services.AddSciaticaAdvisorEndpoints().BindConfiguration("SciaticaAdvisor:Service");
        if (allowAnonymous)
        {
            service.PostConfigure(o => o.AllowAnonymous = true);
        }

        builder.Services.AddHealthChecks().AddCheck<RuleSetHealthCheck>("rule-set", tags: ["ready"]);

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseCors();
        app.MapSciaticaAdvice();
        app.MapCdsHooks();
        app.MapSciaticaIntakePage();
        app.MapSciaticaOpenApi();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthResponse.WriteAsync });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = HealthResponse.WriteAsync });
        return app;
    }
}
