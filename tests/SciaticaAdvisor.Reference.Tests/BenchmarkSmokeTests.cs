using System.Reflection;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.NoEmit;
using BenchmarkDotNet.Validators;
using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Benchmarks;
using SciaticaAdvisor.Profiles;
using SciaticaAdvisor.Serialization;

namespace SciaticaAdvisor.Reference.Tests;

/// <summary>
/// Every benchmark class of the benchmark project, so it never rots: BenchmarkDotNet's own checks of
/// the class (what <c>BenchmarkRunner</c> validates before it runs anything), then, for each
/// parameter case, its global setup, each benchmark method once and its cleanup, called directly;
/// each method must return an answer, and benchmarks that do the same work must return the same
/// one. Not a measurement: no timing is asserted anywhere in the tests. (A BenchmarkDotNet dry run
/// of every case did the same minus the answers, at several minutes of CPU.)
/// </summary>
[CpuCost(7)]
public class BenchmarkSmokeTests
{
    private static readonly IConfig Config = ManualConfig.CreateEmpty()
        .AddJob(Job.Dry.WithToolchain(InProcessNoEmitToolchain.Instance))
        .WithOptions(ConfigOptions.DisableLogFile)
        .WithArtifactsPath(Path.Combine(Path.GetTempPath(), "sciatica-bench-smoke"));

    /// <summary>Every public class of the benchmark project with a <c>[Benchmark]</c> method.</summary>
    public static TheoryData<Type> BenchmarkClasses() => new(Discovered());

    private static IEnumerable<Type> Discovered() =>
        typeof(AdviseBenchmarks).Assembly.GetExportedTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && t.GetMethods().Any(m => m.IsDefined(typeof(BenchmarkAttribute))))
            .OrderBy(t => t.FullName, StringComparer.Ordinal);

    [Fact]
    public void Discovery_FindsTheBenchmarkClasses()
    {
        Discovered().Should().Contain(
        [
            typeof(AdviseBenchmarks), typeof(CompileBenchmarks), typeof(ScalingBenchmarks), typeof(JsonBenchmarks),
            typeof(Benchmarks.Comparison.RulesEngineBenchmarks), typeof(Benchmarks.Pipeline.ChunkSizeBenchmarks),
            typeof(Benchmarks.Pipeline.PipelineStageBenchmarks),
        ]);
    }

    [Theory]
    [MemberData(nameof(BenchmarkClasses))]
    public void Benchmark_SetsUpAndEachMethodAnswersOnce(Type benchmarks)
    {
        var run = BenchmarkConverter.TypeToBenchmarks(benchmarks, Config);
        run.BenchmarksCases.Should().NotBeEmpty();

        // BenchmarkDotNet's validators as BenchmarkRunner applies them, except the ones that execute
        // the benchmarks (this test does that itself, once, and looks at the answers).
        var parameters = new ValidationParameters(run.BenchmarksCases, run.Config);
        var errors = run.Config.GetValidators()
            .Where(v => v is not ExecutionValidatorBase)
            .SelectMany(v => v.Validate(parameters))
            .Where(e => e.IsCritical)
            .Select(e => e.Message);
        errors.Should().BeEmpty();

        // One instance per parameter case (and setup method), as a BenchmarkDotNet process would set it up.
        foreach (var group in run.BenchmarksCases.GroupBy(c => (c.Parameters.DisplayInfo, c.Descriptor.GlobalSetupMethod, c.Descriptor.GlobalCleanupMethod)))
        {
            var first = group.First();
            var instance = Activator.CreateInstance(benchmarks)!;
            foreach (var parameter in first.Parameters.Items)
            {
                SetParameter(instance, parameter.Name, parameter.Value);
            }

            Invoke(first.Descriptor.GlobalSetupMethod, instance);
            var answers = new List<(BenchmarkCase Case, object? Answer)>();
            foreach (var benchmark in group)
            {
                Invoke(benchmark.Descriptor.IterationSetupMethod, instance);
                var answer = Invoke(benchmark.Descriptor.WorkloadMethod, instance);
                Invoke(benchmark.Descriptor.IterationCleanupMethod, instance);

                var name = $"{benchmarks.Name}.{benchmark.Descriptor.WorkloadMethod.Name} [{group.Key.DisplayInfo}]";
                answer.Should().NotBeNull($"{name} returns its answer");
                answer.Should().NotBeAssignableTo<Task>($"{name} is run synchronously here");
                answers.Add((benchmark, answer));
            }

            Invoke(first.Descriptor.GlobalCleanupMethod, instance);
            AgreeWhereTheWorkIsTheSame(benchmarks, group.Key.DisplayInfo, answers);
        }
    }

    /// <summary>
    /// Benchmarks of one case that advise give the same advice, byte for byte (the hand-coded
    /// baseline aside: its scores are its own, and OracleAgreementTests compares what GUIDANCE
    /// fixes); in a class that groups its benchmarks by category, the benchmarks of a category
    /// compare ways to do one thing, so they return equal answers.
    /// </summary>
    private static void AgreeWhereTheWorkIsTheSame(Type benchmarks, string parameters, List<(BenchmarkCase Case, object? Answer)> answers)
    {
        var advice = answers
            .Where(a => a.Answer is MassageAdvice && a.Case.Descriptor.WorkloadMethod.Name != nameof(AdviseBenchmarks.HandCoded))
            .Select(a => (Name: a.Case.Descriptor.WorkloadMethod.Name, Json: AdvisorJson.Serialize((MassageAdvice)a.Answer!)))
            .ToList();
        foreach (var (name, json) in advice.Skip(1))
        {
            json.Should().Be(advice[0].Json, $"{benchmarks.Name}.{name} and .{advice[0].Name} [{parameters}] advise the same profiles");
        }

        if (benchmarks.IsDefined(typeof(GroupBenchmarksByAttribute)))
        {
            foreach (var category in answers.GroupBy(a => string.Join(",", a.Case.Descriptor.Categories)))
            {
                var answersOfCategory = category.Select(a => a.Answer is SymptomProfile p ? AdvisorJson.Serialize(p) : a.Answer).ToList();
                answersOfCategory.Should().AllBeEquivalentTo(answersOfCategory[0], $"the {benchmarks.Name} benchmarks of category '{category.Key}' [{parameters}] do the same work");
            }
        }
    }

    private static void SetParameter(object instance, string name, object value)
    {
        const BindingFlags Any = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static;
        var type = instance.GetType();
        if (type.GetProperty(name, Any) is { } property)
        {
            property.SetValue(property.SetMethod!.IsStatic ? null : instance, value);
        }
        else
        {
            var field = type.GetField(name, Any) ?? throw new InvalidOperationException($"{type.Name} has no parameter member {name}");
            field.SetValue(field.IsStatic ? null : instance, value);
        }
    }

    private static object? Invoke(MethodInfo? method, object instance)
    {
        if (method is null)
        {
            return null;
        }

        try
        {
            return method.Invoke(method.IsStatic ? null : instance, null);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
    }
}
