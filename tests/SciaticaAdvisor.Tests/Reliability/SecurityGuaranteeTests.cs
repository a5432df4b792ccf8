using System.Collections.Concurrent;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using System.Text;
using Microsoft.Extensions.Logging;
using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Profiles;
using SciaticaAdvisor.Rules;
using SciaticaAdvisor.Tests.Reliability.Fuzzing;

namespace SciaticaAdvisor.Tests.Reliability;

/// <summary>The guarantees SECURITY.md makes that the fuzzers do not already check.</summary>
public class SecurityGuaranteeTests
{
    /// <summary>
    /// APIs that load a type, find a member or run code by a name known only at run time. The code that
    /// loads and runs rules must call none of them: a rule file's text can then never reach one.
    /// </summary>
    private static readonly (string Type, string[] Members)[] ByNameApis =
    [
        ("System.Type", ["GetType", "GetMethod", "GetMethods", "GetProperty", "GetProperties", "GetField", "GetFields", "GetMember", "GetMembers", "InvokeMember"]),
        ("System.Activator", ["CreateInstance", "CreateInstanceFrom"]),
        ("System.Reflection.Assembly", ["Load", "LoadFrom", "LoadFile", "LoadWithPartialName", "GetType", "CreateInstance", "UnsafeLoadFrom"]),
        ("System.Reflection.MethodBase", ["Invoke"]),
        ("System.Reflection.MethodInfo", ["Invoke"]),
        ("System.Reflection.PropertyInfo", ["GetValue", "SetValue"]),
        ("System.Reflection.FieldInfo", ["GetValue", "SetValue"]),
        ("System.Diagnostics.Process", ["Start"]),
        ("System.Linq.Expressions.Expression", ["PropertyOrField", "Field(string)", "Property(string)", "Call(string)"]),
    ];

    [Fact]
    public void RuleLoadingAndTheEngine_CallNoApiThatReachesTypesOrMembersByName()
    {
        var calls = CalledMembers(typeof(Advisor).Assembly.Location, ns => ns.StartsWith("SciaticaAdvisor.Rules", StringComparison.Ordinal) || ns == "SciaticaAdvisor.Engine");

        calls.Should().NotBeEmpty("the scan should see the calls the rule code makes");
        calls.Should().Contain("YamlDotNet.Core.Parser::MoveNext()", "the scan should see calls into YamlDotNet");
        var forbidden = calls.Where(call => ByNameApis.Any(api => call.StartsWith(api.Type + "::", StringComparison.Ordinal)
            && api.Members.Any(member => Matches(call[(api.Type.Length + 2)..], member)))).ToList();
        forbidden.Should().BeEmpty();
    }

    [Fact]
    public void ProfileValidationException_SaysWhatIsWrongAtEachPath_WithoutTheValues()
    {
        var json = """{"cause":"pregnancy-at-12-weeks","flare":"none","painSensitivity":"low","painIntensity":11,"hivStatus":"positive"}""";

        var act = () => ProfileReader.Read(json);

        var exception = act.Should().Throw<ProfileValidationException>().Which;
        exception.Message.Should().Be(
            "The profile is not valid: 3 errors: $.cause: unknown value; expected one of herniatedDisc, spinalStenosis, piriformisSyndrome, spondylolisthesis, unknown; "
            + "$.painIntensity: must be between 0 and 10; "
            + "$.hivStatus: unknown property; expected one of cause, flare, painSensitivity, painIntensity, symptomWeeks, symptoms, redFlags, conditions, diagnosisConfirmed, clinicianApproved, weeksInTreatment, avoidStyles.");
        exception.Message.Should().NotContain("pregnancy").And.NotContain("positive").And.NotContain("11");
        exception.Errors.Select(e => e.Message).Should().Contain(m => m.Contains("pregnancy-at-12-weeks"), "the caller still gets the values");
    }

    [Fact]
    public void Advise_OnAnInvalidProfileBuiltInCSharp_SaysWhatIsWrong_WithoutTheValue()
    {
        var profile = FuzzOracle.Probes[0] with { PainIntensity = 4711 };

        var act = () => FuzzRuleSet.Build().Advise(profile);

        act.Should().Throw<ProfileValidationException>().Which.Message.Should()
            .Be("The profile is not valid: $.painIntensity: must be between 0 and 10.");
    }

    [Fact]
    public void Logs_CarryNoProfileContent()
    {
        var sink = new CapturingLoggerFactory();
        var advisor = new AdvisorBuilder().AddRules(FuzzRuleSet.Text, FuzzRuleSet.SourceName).UseLoggerFactory(sink).Build();
        var random = new Random(3);
        for (var i = 0; i < 300; i++)
        {
            advisor.Advise(ProfileReader.Read(FuzzRuleSet.ValidProfileJson(random)));
        }

        sink.Messages.Should().HaveCountGreaterThan(300, "the debug log should record every advice");
        var profileWords = FuzzRuleSet.AllValues.Where(v => v is not "none" and not "low" and not "moderate" and not "high" and not "unknown").ToList();
        sink.Messages.Should().NotContain(m => profileWords.Any(w => m.Contains(w, StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public void RuleSetException_NeverCarriesAnotherExceptionsDetails()
    {
        // A load error is a position and a message of ours: no inner exception, no stack of the parser.
        var act = () => new AdvisorBuilder().AddRules("a: [ { b: c\n- d", "x.yaml").Build();

        act.Should().Throw<RuleSetException>().Which.InnerException.Should().BeNull();
    }

    /// <summary>"Field(string)" matches only the overloads that take a string; a bare name matches every overload.</summary>
    private static bool Matches(string called, string member)
    {
        var name = called.Split('(')[0];
        return member.EndsWith("(string)", StringComparison.Ordinal)
            ? name == member[..^"(string)".Length] && called.Contains("System.String", StringComparison.Ordinal)
            : name == member;
    }

    /// <summary>Every member the methods of the chosen namespaces (and their nested and compiler-made types) call, as "Type::Member".</summary>
    private static HashSet<string> CalledMembers(string assemblyPath, Func<string, bool> inNamespace)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        var calls = new HashSet<string>(StringComparer.Ordinal);
        foreach (var handle in metadata.TypeDefinitions)
        {
            var type = metadata.GetTypeDefinition(handle);
            var outer = type;
            while (outer.GetDeclaringType() is { IsNil: false } declaring)
            {
                outer = metadata.GetTypeDefinition(declaring);
            }

            if (!inNamespace(metadata.GetString(outer.Namespace)))
            {
                continue;
            }

            foreach (var methodHandle in type.GetMethods())
            {
                var method = metadata.GetMethodDefinition(methodHandle);
                if (method.RelativeVirtualAddress == 0)
                {
                    continue;
                }

                var il = pe.GetMethodBody(method.RelativeVirtualAddress).GetILBytes()!;
                for (var i = 0; i + 4 < il.Length; i++)
                {
                    // call, callvirt, newobj and ldftn/ldvirtftn operands: a 4-byte token after the opcode.
                    var isCall = il[i] is 0x28 or 0x6F or 0x73 || (il[i] == 0xFE && il[i + 1] is 0x06 or 0x07);
                    if (!isCall)
                    {
                        continue;
                    }

                    var at = il[i] == 0xFE ? i + 2 : i + 1;
                    if (at + 4 > il.Length)
                    {
                        continue;
                    }

                    var token = BitConverter.ToInt32(il, at);
                    if (Describe(metadata, token) is { } called)
                    {
                        calls.Add(called);
                    }
                }
            }
        }

        return calls;
    }

    private static string? Describe(MetadataReader metadata, int token)
    {
        var table = token >> 24;
        var row = token & 0xFFFFFF;
        if (row == 0)
        {
            return null;
        }

        try
        {
            switch (table)
            {
                case 0x0A when row <= metadata.GetTableRowCount(TableIndex.MemberRef):
                    var reference = metadata.GetMemberReference(MetadataTokens.MemberReferenceHandle(row));
                    var parameters = reference.GetKind() == MemberReferenceKind.Method
                        ? "(" + string.Join(",", reference.DecodeMethodSignature(new TypeNames(metadata), null).ParameterTypes) + ")"
                        : "";
                    return $"{TypeName(metadata, reference.Parent)}::{metadata.GetString(reference.Name)}{parameters}";
                case 0x2B when row <= metadata.GetTableRowCount(TableIndex.MethodSpec):
                    var spec = metadata.GetMethodSpecification(MetadataTokens.MethodSpecificationHandle(row));
                    return spec.Method.Kind == HandleKind.MemberReference
                        ? Describe(metadata, MetadataTokens.GetToken(spec.Method))
                        : null;
                default:
                    return null;
            }
        }
        catch (BadImageFormatException)
        {
            return null;
        }
    }

    private static string TypeName(MetadataReader metadata, EntityHandle parent)
    {
        switch (parent.Kind)
        {
            case HandleKind.TypeReference:
                var reference = metadata.GetTypeReference((TypeReferenceHandle)parent);
                var ns = metadata.GetString(reference.Namespace);
                return (ns.Length > 0 ? ns + "." : "") + metadata.GetString(reference.Name);
            case HandleKind.TypeSpecification:
                // A generic instantiation: name its generic type.
                var blob = metadata.GetBlobReader(metadata.GetTypeSpecification((TypeSpecificationHandle)parent).Signature);
                if (blob.ReadSignatureTypeCode() == SignatureTypeCode.GenericTypeInstance)
                {
                    blob.ReadSignatureTypeCode();
                    var generic = blob.ReadTypeHandle();
                    return generic.Kind == HandleKind.TypeReference ? TypeName(metadata, generic) : "(local generic)";
                }

                return "(type spec)";
            default:
                return "(local)";
        }
    }

    /// <summary>Names the types in a member signature, enough to tell a string parameter from others.</summary>
    private sealed class TypeNames(MetadataReader metadata) : ISignatureTypeProvider<string, object?>
    {
        public string GetPrimitiveType(PrimitiveTypeCode typeCode) => "System." + typeCode;

        public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => metadata.GetString(metadata.GetTypeDefinition(handle).Name);

        public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) => TypeName(metadata, handle);

        public string GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) => "(type spec)";

        public string GetSZArrayType(string elementType) => elementType + "[]";

        public string GetArrayType(string elementType, ArrayShape shape) => elementType + "[,]";

        public string GetByReferenceType(string elementType) => elementType + "&";

        public string GetPointerType(string elementType) => elementType + "*";

        public string GetGenericInstantiation(string genericType, System.Collections.Immutable.ImmutableArray<string> typeArguments) => $"{genericType}<{string.Join(",", typeArguments)}>";

        public string GetGenericMethodParameter(object? genericContext, int index) => "!!" + index;

        public string GetGenericTypeParameter(object? genericContext, int index) => "!" + index;

        public string GetFunctionPointerType(MethodSignature<string> signature) => "fnptr";

        public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) => unmodifiedType;

        public string GetPinnedType(string elementType) => elementType;
    }

    private sealed class CapturingLoggerFactory : ILoggerFactory
    {
        public ConcurrentQueue<string> Messages { get; } = new();

        public void AddProvider(ILoggerProvider provider)
        {
        }

        public ILogger CreateLogger(string categoryName) => new Logger(Messages);

        public void Dispose()
        {
        }

        private sealed class Logger(ConcurrentQueue<string> messages) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var text = new StringBuilder(formatter(state, exception));
                if (state is IEnumerable<KeyValuePair<string, object?>> values)
                {
                    foreach (var (key, value) in values)
                    {
                        text.Append(' ').Append(key).Append('=').Append(value);
                    }
                }

                messages.Enqueue(text.ToString());
            }
        }
    }
}
