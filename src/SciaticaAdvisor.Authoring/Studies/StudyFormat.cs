namespace SciaticaAdvisor.Studies;

/// <summary>The file format of a study's rows.</summary>
public enum StudyFormat
{
    /// <summary>Apache Parquet with typed columns and the study's provenance in the file metadata (<c>advice.parquet</c>).</summary>
    Parquet,

    /// <summary>CSV with a header row, quoted as RFC 4180 says (<c>advice.csv</c>).</summary>
    Csv,
}
