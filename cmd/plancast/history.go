package main

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/forecast"
)

func init() {
	register(&command{name: "history", summary: "how a series' figures were revised, every version of its targets, and how their judgement moved", run: runHistory})
}

func runHistory(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("history", "--region R --indicator I [--period P] [--as-of DATE]",
		"Prints every vintage of every figure of one series, with the change from the vintage\n"+
			"before and the revision from the first release, then the mean revision (MR, its sign\n"+
			"the bias of first releases) and mean absolute revision (MAR); then every version of\n"+
			"the series' targets, which one is in force, which were replaced or withdrawn; then\n"+
			"each target judged on every day its figures or the target changed, as an assessment\n"+
			"asked for as of that day judges it.", stderr)
	var sf storeFlags
	sf.register(fs)
	var series seriesFlags
	series.register(fs)
	period := fs.String("period", plancast.PeriodYear, "period of the figures: year, h1, jan-nov, ...")
	asOf := asOfFlag(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if !series.given() {
		fs.Usage()
		return usageErrorf("--region and --indicator are required")
	}
	region, indicator := series.region, series.indicator
	if !plancast.ValidPeriod(*period) {
		return usageErrorf("--period %q must be year, h1, h2, q1–q4 or jan-feb … jan-nov", *period)
	}
	date := *asOf
	st, err := sf.openExisting(ctx, fmt.Sprintf("that server answers the same: GET /api/v1/series/%s/%s/revisions and /api/v1/targets?region=%s&indicator=%s&versions=all", region, indicator, region, indicator))
	if err != nil {
		return fmt.Errorf("open store: %w", err)
	}
	defer st.Close()
	if _, err := findRegion(ctx, st, region); err != nil {
		return err
	}
	ind, err := findIndicator(ctx, st, indicator)
	if err != nil {
		return err
	}

	// One read: the period's vintages for the revisions, and the yearly and
	// year-to-date ones the judgement on each day needs (JudgedKeys), whatever
	// period the revisions are of.
	k := plancast.SeriesKey{Region: region, Indicator: indicator, Period: *period}
	judgedKeys := plancast.JudgedKeys(k, ind)
	keys := judgedKeys
	if !slices.Contains(keys, k) {
		keys = append(slices.Clone(keys), k)
	}
	byKey, err := plancast.ReadVintagesOf(ctx, st, keys)
	if err != nil {
		return fmt.Errorf("read the vintages of %s/%s: %w", region, indicator, err)
	}
	// A bulk read (InfluxDB) keeps no order; Revisions wants Vintages' own:
	// by year, oldest first (VintagesInOrder's only error is for none).
	vintages, _ := plancast.VintagesInOrder(k, byKey[k])
	years, sum := plancast.Revisions(plancast.VintagesAsOf(vintages, date))
	fmt.Fprintf(stdout, "%s / %s (%s, %s): every vintage of every figure", region, indicator, ind.Unit, *period)
	if !date.IsZero() {
		fmt.Fprintf(stdout, ", as known on %s", date)
	}
	fmt.Fprintln(stdout)
	if len(years) == 0 {
		fmt.Fprintln(stdout, "no figures")
	} else if err := printRevisions(stdout, years, sum); err != nil {
		return err
	}

	versions, err := st.TargetVersions(ctx, plancast.TargetFilter{Region: region, Indicator: indicator})
	if err != nil {
		return fmt.Errorf("read the targets of %s/%s: %w", region, indicator, err)
	}
	history := plancast.TargetHistory(versions, plancast.TargetFilter{Region: region, Indicator: indicator, AsOf: date})
	if len(history) == 0 {
		fmt.Fprintln(stdout, "\nno targets")
		return nil
	}
	fmt.Fprintln(stdout, "\ntargets, every version")
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "plan\tkind\tyear\ttarget\tpublished\tversion\tsource")
	for _, v := range history {
		value := targetText(&v.Target)
		if v.Withdrawn {
			value = "-"
		}
		fmt.Fprintf(tw, "%s\t%s\t%d\t%s\t%s\t%s\t%s\n", v.Plan, v.Kind, v.Year, value, cmp.Or(v.Published.String(), "-"), v.State(), v.Source.Document)
	}
	if err := tw.Flush(); err != nil {
		return err
	}

	return printTrails(stdout, plancast.ByTarget(history), plancast.JoinVintages(byKey, judgedKeys), ind, date)
}

// printTrails prints each target's judgement on every day its figures or
// the target changed (forecast.AssessmentTrail), up to asOf when set.
func printTrails(w io.Writer, targets [][]plancast.Target, vintages []plancast.Observation, ind plancast.Indicator, asOf plancast.Date) error {
	fmt.Fprintln(w, "\nthe judgement on each day the figures or the target changed")
	for _, versions := range targets {
		t := versions[0]
		fmt.Fprintf(w, "%s %s %d\n", t.Plan, t.Kind, t.Year)
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "  as of\tchanged\ttarget\tlatest\tneeds/yr\tP(meet)\tstatus")
		for _, p := range forecast.AssessmentTrail(versions, vintages, ind) {
			if !asOf.IsZero() && p.AsOf.After(asOf) {
				break
			}
			fmt.Fprintf(tw, "  %s\t%s\t", p.AsOf, strings.Join(p.Changed(), ", "))
			switch {
			case p.Target == nil:
				fmt.Fprintln(tw, "withdrawn\t\t\t\t")
			case p.Assessment == nil:
				why := "no yearly figures yet"
				if !errors.Is(p.Err, forecast.ErrNoFigures) {
					why = plancast.ErrorMessage(p.Err)
				}
				fmt.Fprintf(tw, "%s\t\t\t\t%s\n", targetText(p.Target), why)
			default:
				a := p.Assessment
				fmt.Fprintf(tw, "%s\t%s (%d)\t%s\t%s\t%s\n", targetText(p.Target), plancast.FormatNumber(a.LatestValue, -1), a.LatestYear,
					needsText(*a), plancast.FormatProbability(a.Probability), a.Status)
			}
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	return nil
}

// targetText is a target's value as the tables show it: growth in percent.
func targetText(t *plancast.Target) string {
	if plancast.GrowthKind(t.Kind) {
		return plancast.FormatNumber(t.Value, -1) + "%"
	}
	return plancast.FormatNumber(t.Value, -1)
}

// printRevisions prints one row per vintage and the summary under them.
func printRevisions(w io.Writer, years []plancast.YearRevisions, sum plancast.RevisionSummary) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	// The growth a source stated with a figure gets a column when any
	// vintage states one.
	stated := slices.ContainsFunc(years, func(y plancast.YearRevisions) bool {
		hasGrowth := func(o plancast.Observation) bool { return o.Growth != nil }
		return slices.ContainsFunc(y.Vintages, hasGrowth) || slices.ContainsFunc(y.CorrectedSameDay, hasGrowth)
	})
	header := "year\tvintage\tpublished\tstatus\tvalue\tchange\trevision\t"
	if stated {
		header += "stated growth\t"
	}
	fmt.Fprintln(tw, header)
	corrected := false
	for _, y := range years {
		first := true
		// yearCell is the year, on the year's first row alone.
		yearCell := func(o plancast.Observation) string {
			if !first {
				return ""
			}
			first = false
			return fmt.Sprint(o.Year)
		}
		c := y.CorrectedSameDay
		for i, o := range y.Vintages {
			// The vintages a correction of the same day replaced, where
			// they were pushed: before it, marked, with no change or
			// revision (plancast.Revisions).
			for ; len(c) > 0 && !c[0].Published.After(o.Published); c = c[1:] {
				corrected = true
				value := "-"
				if !c[0].Withdrawn() {
					value = plancast.FormatNumber(c[0].Value, -1)
				}
				fmt.Fprintf(tw, "%s\tcorrected\t%s\t%s\t%s\t\t\t", yearCell(c[0]), c[0].Published, c[0].Status, value)
				if stated {
					fmt.Fprintf(tw, "%s\t", plancast.FormatStatedGrowth(c[0], false))
				}
				fmt.Fprintln(tw)
			}
			year, value, change, revision := yearCell(o), "-", "", ""
			if !o.Withdrawn() {
				value = plancast.FormatNumber(o.Value, -1)
				if d, prec, ok := y.Change(i); ok {
					change = signed(d, prec)
				}
				if r := y.RevisionOf(o.Value); r != nil && i > 0 {
					revision = fmt.Sprintf("%+.2f%%", plancast.HalfAway(100**r, 2))
				}
			}
			fmt.Fprintf(tw, "%s\t%d\t%s\t%s\t%s\t%s\t%s\t", year, i+1, o.Published, o.Status, value, change, revision)
			if stated {
				fmt.Fprintf(tw, "%s\t", plancast.FormatStatedGrowth(o, false))
			}
			fmt.Fprintln(tw)
		}
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if corrected {
		fmt.Fprintln(w, "corrected: replaced by a correction published the same day (a same-day correction); no answer as of any date reads it, "+
			"so it is not a release: the first release, the change and the revision are taken from the vintage that replaced it")
	}
	if sum.Years == 0 {
		fmt.Fprintln(w, "no revision measured (no year has a first release other than zero and a figure served now)")
		return nil
	}
	fmt.Fprintf(w, "%d of %d years revised since their first release; mean revision (MR) %+.2f%%, mean absolute revision (MAR) %.2f%%\n",
		sum.Revised, sum.Years, plancast.HalfAway(100**sum.MeanRevision, 2), plancast.HalfAway(100**sum.MeanAbsRevision, 2))
	return nil
}

// signed formats a change with its sign and prec decimals: +3.4, -0.2.
func signed(v float64, prec int) string {
	s := plancast.FormatNumber(v, prec)
	if v > 0 && s != plancast.FormatNumber(0, prec) {
		return "+" + s
	}
	return s
}
