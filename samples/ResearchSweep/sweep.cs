#!/usr/bin/env dotnet
// Runs a research study (docs/studies.md) through the study API and prints where its results are:
// the rows as Parquet or CSV, summary.md, sensitivity.md and the PNG charts.
//
//   dotnet run sweep.cs                                    # study.yaml beside this file, into ./sweep-output
//   dotnet run sweep.cs -- my-study.yaml --output results --format csv
#:project ../../src/SciaticaAdvisor.Authoring/SciaticaAdvisor.Authoring.csproj
#:package System.CommandLine@3.0.0
// REQUIRED: file-based apps default to AOT settings, under which the rules' expression trees run
// interpreted through reflection; a JIT-compiled app advises far faster.
#:property PublishAot=false
// The repository pins package versions centrally; a file-based app names its own.
#:property ManagePackageVersionsCentrally=false

using System.CommandLine;
using SciaticaAdvisor.Studies;

var studyArgument = new Argument<string>("STUDY") { Description = "The study file.", DefaultValueFactory = _ => "study.yaml" };
var outputOption = new Option<string>("--output") { Description = "The output directory.", DefaultValueFactory = _ => "sweep-output" };
var formatOption = new Option<string>("--format") { Description = "parquet or csv.", DefaultValueFactory = _ => "parquet" };
formatOption.AcceptOnlyFromAmong("parquet", "csv");
var root = new RootCommand("Runs a SciaticaAdvisor research study and reports where its results are.") { studyArgument, outputOption, formatOption };
root.SetAction(async (parsed, cancellationToken) =>
{
    try
    {
        var study = Study.Load(parsed.GetRequiredValue(studyArgument));
        var options = new StudyRunOptions
        {
            OutputDirectory = parsed.GetRequiredValue(outputOption),
            Format = parsed.GetValue(formatOption) == "csv" ? StudyFormat.Csv : StudyFormat.Parquet,
        };
        var result = await study.RunAsync(options, null, cancellationToken);
        Console.WriteLine($"{study.Name}: {result.Profiles} profiles x {study.Variants.Length} variants = {result.Rows} rows in {result.Elapsed.TotalSeconds:0.0} s");
        foreach (var file in result.Files)
        {
            Console.WriteLine($"  {file}");
        }

        // A variant whose rules fault on a profile has a row with its 'fault' column set for it; the run still completes.
        foreach (var fault in result.Faults)
        {
            Console.Error.WriteLine($"variant '{fault.Variant}' is at fault on {fault.Rows} profiles: {fault.FirstMessage}");
        }

        return result.Faults.IsEmpty ? 0 : 1;
    }
    catch (StudyException ex)
    {
        ex.Errors.ToList().ForEach(e => Console.Error.WriteLine(e));
        return 2;
    }
});
return await root.Parse(args).InvokeAsync();
