// A clinic's own ASP.NET Core app hosting SciaticaAdvisor's endpoints beside its other endpoints.
// `sciatica-advisor serve` hosts the same endpoints on their own; this is how to put them in yours.
var builder = WebApplication.CreateBuilder(args);

// Rule files and reload from the "SciaticaAdvisor" section; a rule file that does not load stops the
// app at start. Limits, the public URL, trusted EHRs, API keys and CORS origins from "SciaticaAdvisor:Service".
builder.Services.AddSciaticaAdvisor().BindConfiguration("SciaticaAdvisor");
builder.Services.AddSciaticaAdvisorEndpoints().BindConfiguration("SciaticaAdvisor:Service");
builder.Services.AddHealthChecks();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseCors();

app.MapSciaticaAdvice();           // POST /advice, POST /advice/fhir, GET /fhir/Questionnaire, GET /schemas/*
app.MapCdsHooks();                 // GET /cds-services, POST /cds-services/sciatica-massage-advice(/feedback)
app.MapSciaticaIntakePage();       // GET / (the intake page for clinic staff), GET /about
app.MapSciaticaOpenApi();          // GET /openapi/v1.json
app.MapHealthChecks("/health");
app.MapGet("/clinic/opening-hours", () => "Mon-Fri 8:00-18:00"); // the clinic's own endpoints live beside them

app.Run();

/// <summary>The sample app, visible to its tests.</summary>
public partial class Program;
