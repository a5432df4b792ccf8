using System.Collections.Immutable;
using ScottPlot;
using SkiaSharp;

namespace SciaticaAdvisor.Studies;

/// <summary>
/// The PNG charts beside a study's data, drawn with ScottPlot: one measure per chart, both axes
/// labelled, variants told apart by colour and legend, and one panel per factor where a chart breaks
/// a measure down by the grid's factors.
/// </summary>
internal static class StudyCharts
{
    public const string SensitivityFile = "sensitivity.png";

    private const int PanelWidth = 560;
    private const int PanelHeight = 420;

    private static readonly Color[] Palette =
    [
        Colors.SteelBlue, Colors.DarkOrange, Colors.SeaGreen, Colors.Crimson, Colors.MediumPurple, Colors.SaddleBrown, Colors.HotPink, Colors.Gray,
    ];

    public static string ShareFile(OutcomeMeasure measure) => $"share-{measure.Column}.png";

    public static string DifferenceFile(OutcomeMeasure measure) => $"difference-{measure.Column}.png";

    public static string FactorFile(OutcomeMeasure measure, string variant) => $"by-factor-{measure.Column}-{variant}.png";

    public static void Write(Study study, OutcomeTally tally, ImmutableArray<SensitivityCell> sensitivity, StudyOutput output, CancellationToken cancellationToken)
    {
        var variants = study.Variants.Select(v => v.Name).ToList();
        for (var m = 0; m < OutcomeMeasure.All.Length; m++)
        {
            var measure = OutcomeMeasure.All[m];
            var shares = variants.Select((_, v) => measure.Categories.Select((_, c) => 100 * StudyReports.Share(tally.Count(v, m, c), tally.Advised(v))).ToArray()).ToList();
            var plot = Grouped(measure.Categories, variants, shares);
            plot.Title($"{Capital(measure.Title)}: share of {tally.Profiles} profiles, by variant");
            plot.XLabel(measure.Title);
            plot.YLabel("share of profiles (%)");
            cancellationToken.ThrowIfCancellationRequested();
            Save(plot, output.Reserve(ShareFile(measure)), PanelWidth + 240, PanelHeight + 60);

            if (variants.Count > 1)
            {
                var differences = variants.Skip(1).Select((_, i) => measure.Categories.Select((_, c) => shares[i + 1][c] - shares[0][c]).ToArray()).ToList();
                var difference = Grouped(measure.Categories, [.. variants.Skip(1)], differences, paletteOffset: 1);
                difference.Add.HorizontalLine(0, 1, Colors.Black);
                difference.Title($"{Capital(measure.Title)}: difference from '{variants[0]}'");
                difference.XLabel(measure.Title);
                difference.YLabel("difference (percentage points)");
                Save(difference, output.Reserve(DifferenceFile(measure)), PanelWidth + 240, PanelHeight + 60);
            }

            if (tally.Factors.Length > 0)
            {
                for (var v = 0; v < variants.Count; v++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    Panels(tally, m, v, variants[v], output.Reserve(FactorFile(measure, variants[v])));
                }
            }
        }

        if (!sensitivity.IsEmpty)
        {
            var factors = sensitivity.Select(c => c.Factor).Distinct().ToImmutableArray();
            var values = variants.Select((_, v) => factors.Select(f =>
            {
                var cells = sensitivity.Where(c => c.Variant == v && c.Factor == f).ToList();
                return 100 * StudyReports.Share(cells.Sum(c => c.EitherChanged), cells.Sum(c => c.Profiles));
            }).ToArray()).ToList();
            var plot = Grouped(factors, variants, values);
            plot.Title("One-at-a-time sensitivity: advice that changes when one factor changes");
            plot.XLabel("factor changed to each of its other values");
            plot.YLabel("profiles whose top style or status changes (%)");
            Save(plot, output.Reserve(SensitivityFile), PanelWidth + 300, PanelHeight + 80);
        }
    }

    /// <summary>Bars grouped by category, one bar per series in each group.</summary>
    private static Plot Grouped(IReadOnlyList<string> categories, IReadOnlyList<string> series, IReadOnlyList<double[]> values, int paletteOffset = 0)
    {
        var plot = new Plot();
        var width = 0.8 / series.Count;
        for (var s = 0; s < series.Count; s++)
        {
            var color = Palette[(s + paletteOffset) % Palette.Length];
            var bars = categories.Select((_, c) => new Bar
            {
                Position = c - 0.4 + (width * (s + 0.5)),
                Value = values[s][c],
                Size = width * 0.95,
                FillColor = color,
                LineWidth = 0,
            }).ToList();
            plot.Add.Bars(bars);
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = series[s], FillColor = color });
        }

        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual([.. categories.Select((c, i) => new Tick(i, c))]);
        plot.Axes.Bottom.TickLabelStyle.Rotation = categories.Any(c => c.Length > 8) ? 30 : 0;
        plot.Axes.Bottom.TickLabelStyle.Alignment = categories.Any(c => c.Length > 8) ? Alignment.MiddleLeft : Alignment.UpperCenter;
        plot.Axes.Bottom.MinimumSize = categories.Any(c => c.Length > 8) ? 90 : 40;
        if (values.All(v => v.All(x => x >= 0)))
        {
            plot.Axes.Margins(bottom: 0);
        }

        plot.Legend.IsVisible = true;
        plot.Legend.Alignment = Alignment.UpperRight;
        plot.ShowLegend(Edge.Right);
        return plot;
    }

    /// <summary>One panel per factor: for each of its values, the measure's categories stacked to 100 %.</summary>
    private static void Panels(OutcomeTally tally, int m, int variant, string variantName, string path)
    {
        var measure = OutcomeMeasure.All[m];
        var images = new List<byte[]>();
        foreach (var (factor, f) in tally.Factors.Select((factor, f) => (factor, f)))
        {
            var plot = new Plot();
            for (var level = 0; level < factor.Levels.Length; level++)
            {
                var total = tally.Total(f, variant, level);
                var bottom = 0.0;
                for (var c = 0; c < measure.Categories.Length; c++)
                {
                    var share = 100 * StudyReports.Share(tally.Count(f, variant, level, m, c), total);
                    plot.Add.Bar(new Bar { Position = level, ValueBase = bottom, Value = bottom + share, FillColor = Palette[c % Palette.Length], LineWidth = 0, Size = 0.7 });
                    bottom += share;
                }
            }

            for (var c = 0; c < measure.Categories.Length; c++)
            {
                plot.Legend.ManualItems.Add(new LegendItem { LabelText = measure.Categories[c], FillColor = Palette[c % Palette.Length] });
            }

            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual([.. factor.Levels.Select((l, i) => new Tick(i, l))]);
            var longLabels = factor.Levels.Any(l => l.Length > 8);
            plot.Axes.Bottom.TickLabelStyle.Rotation = longLabels ? 30 : 0;
            plot.Axes.Bottom.TickLabelStyle.Alignment = longLabels ? Alignment.MiddleLeft : Alignment.UpperCenter;
            plot.Axes.Bottom.MinimumSize = longLabels ? 110 : 40;
            plot.Axes.SetLimitsY(0, 100);
            plot.Title($"{measure.Title} by {factor.Field.Name} ({variantName})");
            plot.XLabel(factor.Field.Name);
            plot.YLabel("share of profiles at this value (%)");
            plot.ShowLegend(Edge.Right);
            images.Add(plot.GetImageBytes(PanelWidth, PanelHeight, ImageFormat.Png));
        }

        // ScottPlot draws one plot an image; the panels are laid side by side, at most three a row.
        var columns = Math.Min(3, images.Count);
        var rows = (images.Count + columns - 1) / columns;
        using var surface = SKSurface.Create(new SKImageInfo(columns * PanelWidth, rows * PanelHeight));
        surface.Canvas.Clear(SKColors.White);
        for (var i = 0; i < images.Count; i++)
        {
            using var image = SKImage.FromEncodedData(images[i]);
            surface.Canvas.DrawImage(image, i % columns * PanelWidth, i / columns * PanelHeight);
        }

        using var snapshot = surface.Snapshot();
        using var png = snapshot.Encode(SKEncodedImageFormat.Png, 100);
        using var file = File.Create(path);
        png.SaveTo(file);
    }

    /// <summary>Writes the plot as PNG bytes to a path of any name (the output's temporary one).</summary>
    private static void Save(Plot plot, string path, int width, int height) =>
        File.WriteAllBytes(path, plot.GetImageBytes(width, height, ImageFormat.Png));

    private static string Capital(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
