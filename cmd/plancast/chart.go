package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/charts"
	"github.com/plancast/plancast/forecast"
)

func init() {
	register(&command{name: "chart", summary: "draw the chart of an indicator of a region (PNG or SVG)", run: runChart})
}

func runChart(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("chart", "--region R --indicator I -o FILE [--format png|svg] [--width W --height H] [--lang en|zh] [--horizon N] [--from YEAR] [--as-of DATE]",
		"Draws the history of one series from the store, its projection with the 80% and 95%\n"+
			"intervals, and its plan targets, and writes the chart to FILE (\"-\" for standard output).\n"+
			"Chinese labels (--lang zh) need a CJK font: fonts-noto-cjk or fonts-wqy-microhei, or\n"+
			"PLANCAST_FONT naming a .ttf/.otf/.ttc file; without one the chart is drawn in English.", stderr)
	var sf storeFlags
	sf.register(fs)
	var series seriesFlags
	series.register(fs)
	out := fs.String("o", "", "output file; \"-\" writes to standard output")
	format := fs.String("format", "", "png or svg; default from the output file's extension, else png")
	width := fs.Int("width", charts.DefaultWidth, fmt.Sprintf("width in pixels (%d–%d)", charts.MinWidth, charts.MaxWidth))
	height := fs.Int("height", charts.DefaultHeight, fmt.Sprintf("height in pixels (%d–%d)", charts.MinHeight, charts.MaxHeight))
	lang := fs.String("lang", charts.LangEn, "label language: en or zh")
	horizon := fs.Int("horizon", 0, fmt.Sprintf("years to project (1–%d); 0 projects to the last target year, at least %d years", forecast.MaxHorizon, forecast.DefaultHorizon))
	from := fs.Int("from", 0, "first year shown; 0 shows the whole history")
	asOf := asOfFlag(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if !series.given() || *out == "" {
		fs.Usage()
		return usageErrorf("--region, --indicator and -o are required")
	}
	region, indicator := series.region, series.indicator
	if err := formatForFile(*out, format); err != nil {
		return err
	}
	if *horizon < 0 || *horizon > forecast.MaxHorizon {
		return usageErrorf("--horizon %d must be between 0 and %d", *horizon, forecast.MaxHorizon)
	}
	spec := charts.Spec{Width: *width, Height: *height, Lang: *lang, From: *from, AsOf: *asOf, Today: plancast.Today()}
	if err := spec.Validate(); err != nil {
		return usageErrorf("%s", err)
	}
	if err := charts.ValidFormat(*format); err != nil {
		return usageErrorf("%s", err)
	}

	st, err := sf.openExisting(ctx, fmt.Sprintf("that server draws the same chart: GET /charts/%s/%s.png", region, indicator))
	if err != nil {
		return fmt.Errorf("open store: %w", err)
	}
	defer st.Close()

	s, reg, ind, err := loadSeries(ctx, st, region, indicator, *asOf)
	if plancast.ErrorCode(err) == plancast.ENOTFOUND && ind.Code != "" {
		return withoutYearlyFigures(ctx, st, region, ind, *asOf, "chart")
	}
	if err != nil {
		return err
	}
	targets, err := st.Targets(ctx, plancast.TargetFilter{Region: region, Indicator: indicator, AsOf: *asOf})
	if err != nil {
		return fmt.Errorf("read targets of %s/%s: %w", region, indicator, err)
	}
	spec.Region, spec.Indicator, spec.History, spec.Stated, spec.Targets = reg, ind, s.Observations, s.StatedGrowths(), targets

	// projected from the latest real figure, as the chart route does: an
	// estimate of the year in progress is not one (the chart draws it apart)
	figures, est := forecast.WithoutEarlyEstimate(s)
	years, values := figures.YearsValues()
	h := *horizon
	if h == 0 && len(years) > 0 {
		h = forecast.HorizonToTargets(years[len(years)-1], targets, forecast.MaxHorizon)
	}
	toDate, err := plancast.ReadYearToDate(ctx, st, s.Key(), ind, *asOf)
	if err != nil {
		return err
	}
	spec.YearToDate = toDate
	if r, err := forecast.Forecast(years, values, forecast.Options{Horizon: h, Limits: forecast.LimitsOf(ind)}); err != nil {
		fmt.Fprintf(stderr, "plancast chart: no projection for %s/%s: %s\n", region, indicator, plancast.ErrorMessage(err))
	} else {
		spec.Projection = &plancast.Projection{Region: region, Indicator: indicator, Unit: ind.Unit,
			Method: r.Method, Models: r.Models, Points: r.Points, Backtest: r.Backtest, LastYear: r.LastYear,
			YearToDate: r.YearToDate(ind, toDate, plancast.MeasureStatedGap(years, values, figures.StatedGrowths()))}
		if est != nil {
			spec.Projection.Estimate = &plancast.YearEstimate{Year: est.Year, Value: est.Value, Status: est.Status, Published: est.Published}
		}
	}
	if eff, msg := charts.ResolveLang(*lang); eff != *lang && msg != "" {
		fmt.Fprintf(stderr, "plancast chart: %s\n", msg)
	}

	var w io.Writer = stdout
	var f *os.File
	if *out != "-" {
		if f, err = os.Create(*out); err != nil {
			return err
		}
		w = f
	}
	if err := charts.Render(w, spec, *format); err != nil {
		if f != nil {
			f.Close()
			os.Remove(*out)
		}
		return fmt.Errorf("draw %s/%s: %w", region, indicator, err)
	}
	if f != nil {
		if err := f.Close(); err != nil {
			return err
		}
		fmt.Fprintf(stderr, "wrote %s (%s, %dx%d)\n", *out, *format, *width, *height)
	}
	return nil
}

// formatForFile settles the chart's format with the output file's name: an
// empty format is the file's extension (.png or .svg), else png. A file
// whose extension names another image format (x.gif), or the other one of
// the two (y.svg with --format png), is refused: the bytes would not be
// what its name says, and an image viewer or a web server would go by the
// name. Standard output and a name without an extension take any format.
func formatForFile(out string, format *string) error {
	if *format != "" {
		if err := charts.ValidFormat(*format); err != nil {
			return usageErrorf("%s", err) // before any advice to name the file after it
		}
	}
	ext := strings.ToLower(strings.TrimPrefix(filepath.Ext(out), "."))
	if out == "-" || ext == "" {
		if *format == "" {
			*format = "png"
		}
		return nil
	}
	if ext != "png" && ext != "svg" {
		return usageErrorf("-o %s: a chart is written as PNG or SVG; name the file .png or .svg", out)
	}
	if *format == "" {
		*format = ext
	}
	if !strings.EqualFold(*format, ext) {
		return usageErrorf("-o %s names a .%s file, but --format is %s; leave --format out, or name the file .%s", out, ext, *format, strings.ToLower(*format))
	}
	return nil
}
