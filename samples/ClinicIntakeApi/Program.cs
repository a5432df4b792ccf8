using System.Text.Json;
using System.Text.Json.Serialization;
using ClinicIntakeApi.Advice;
using ClinicIntakeApi.CdsHooks;
using ClinicIntakeApi.Health;

var builder = WebApplication.CreateBuilder(args);

// Rule files and reload come from configuration ("SciaticaAdvisor" section); a rule file that does
// not load stops the app at start, with every error and its line and column.
builder.Services.AddSciaticaAdvisor().BindConfiguration("SciaticaAdvisor");
builder.Services.AddProblemDetails();

// The OpenAPI document describes the profile and advice from their C# types; write enums as the
// contract does (camelCase strings), not as numbers.
builder.Services.ConfigureHttpJsonOptions(json =>
    json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase)));
builder.Services.AddOpenApi();
builder.Services.AddHealthChecks().AddCheck<RuleSetHealthCheck>("rule-set");

// CDS Hooks clients (an EHR's SMART app, the CDS Hooks sandbox) call from the browser: the spec
// asks services to allow cross-origin requests, so the CDS endpoints do; the rest of the API does not.
builder.Services.AddCors(cors => cors.AddPolicy(CdsHooksEndpoints.CorsPolicy, policy =>
    policy.AllowAnyOrigin().AllowAnyHeader().WithMethods("GET", "POST")));

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseDefaultFiles();
app.UseStaticFiles();
app.UseCors();

app.MapOpenApi();
app.MapAdviceEndpoints();
app.MapCdsHooks();
app.MapHealthChecks("/health");

app.Run();
