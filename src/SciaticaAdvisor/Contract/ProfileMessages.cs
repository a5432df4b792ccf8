namespace SciaticaAdvisor.Contract;

/// <summary>Error messages shared by the JSON walker and the validator, so both say the same thing.</summary>
internal static class ProfileMessages
{
    public static string Between(int min, int max, object actual) => $"must be between {min} and {max}, was {actual}";
}
