// From a profile to printed advice in three lines: read, advise, print.
using SciaticaAdvisor;
using SciaticaAdvisor.Profiles;
using SciaticaAdvisor.Serialization;

var profile = ProfileReader.Read(File.ReadAllText(args.Length > 0 ? args[0] : Path.Combine(AppContext.BaseDirectory, "profile.json")));
var advice = Advisor.CreateDefault().Advise(profile);
Console.WriteLine(AdvisorJson.Serialize(advice, indented: true));
