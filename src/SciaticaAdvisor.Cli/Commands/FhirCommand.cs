using System.CommandLine;
using Hl7.Fhir.Serialization;
using SciaticaAdvisor.Cli.Fhir;
using SciaticaAdvisor.Fhir;
using SciaticaAdvisor.Serialization;

namespace SciaticaAdvisor.Cli.Commands;

/// <summary><c>fhir questionnaire|codesystem|profile|careplan</c>: the FHIR R4 door of CONTRACT section 4.</summary>
internal static class FhirCommand
{
    public static readonly string[] Examples =
    [
        "sciatica-advisor fhir questionnaire > sciatica-intake.json",
        "sciatica-advisor fhir profile response.json | sciatica-advisor advise",
        "sciatica-advisor fhir careplan profile.json --subject Patient/123 --pretty",
    ];

    public static Command Create(CliContext context, Option<string[]> rules)
    {
        var command = new Command("fhir", "FHIR R4: prints the intake Questionnaire and its CodeSystem, reads a QuestionnaireResponse (or a search Bundle of them) into a profile, writes advice as a CarePlan bundle.")
        {
            Publish(context, "questionnaire", "Prints the intake Questionnaire as FHIR JSON.", () => IntakeQuestionnaire.Create().ToJson(pretty: true)),
            Publish(context, "codesystem", "Prints the CodeSystem of the intake's answers as FHIR JSON.", () => IntakeQuestionnaire.CreateCodeSystem().ToJson(pretty: true)),
            Profile(context),
            CarePlan(context, rules),
        };
        return command;
    }

    private static Command Publish(CliContext context, string name, string description, Func<string> write)
    {
        var command = new Command(name, description);
        command.SetAction(async (_, cancellationToken) =>
        {
            await context.Out.WriteAsync(write().AsMemory(), cancellationToken);
            await context.Out.WriteAsync('\n');
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Profile(CliContext context)
    {
        var file = File("The QuestionnaireResponse or search Bundle as FHIR JSON; '-' or none reads standard input.");
        var command = new Command(
            "profile",
            "Reads a QuestionnaireResponse to the intake, or a search Bundle of them (the most recent completed or amended), "
            + "and writes the profile as compact JSON on one line, for 'advise'. An unusable response exits 2 with each error as 'path: message'.")
        {
            file,
        };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var profile = FhirInput.ReadResponse(FhirInput.ReadBytes(context, parsed.GetValue(file)));
            await context.Out.WriteAsync(AdvisorJson.Serialize(profile).AsMemory(), cancellationToken);
            await context.Out.WriteAsync('\n');
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command CarePlan(CliContext context, Option<string[]> rules)
    {
        var file = File("The profile as JSON, or a QuestionnaireResponse or search Bundle as FHIR JSON; '-' or none reads standard input.");
        var subject = new Option<string?>("--subject") { Description = "The patient the plan is for, as a FHIR reference (Patient/123).", HelpName = "REFERENCE" };
        subject.Validators.Add(result =>
        {
            if (result.Tokens.Any(t => string.IsNullOrWhiteSpace(t.Value) || t.Value.Any(char.IsWhiteSpace)))
            {
                result.AddError("--subject needs a FHIR reference such as Patient/123, without spaces");
            }
        });
        var pretty = new Option<bool>("--pretty") { Description = "Indent the bundle for reading." };
        var command = new Command(
            "careplan",
            "Advises one profile (the contract's JSON, or a QuestionnaireResponse) and writes the advice as a FHIR collection Bundle: "
            + "a proposed CarePlan, a ServiceRequest for a referral, and the Provenance of the rule set.")
        {
            file,
            subject,
            pretty,
        };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var profile = FhirInput.ReadProfileOrResponse(FhirInput.ReadBytes(context, parsed.GetValue(file)));
            var advisor = context.Advisors.Load(RulesOption.LayersOf(parsed, rules), single: true);
            var bundle = CarePlanWriter.ToBundle(advisor.Advise(profile), FhirInput.Subject(parsed.GetValue(subject)));
            await context.Out.WriteAsync(bundle.ToJson(parsed.GetValue(pretty)).AsMemory(), cancellationToken);
            await context.Out.WriteAsync('\n');
            return ExitCodes.Success;
        });
        return command;
    }

    private static Argument<string?> File(string description) => new("FILE") { Description = description, Arity = ArgumentArity.ZeroOrOne };
}
