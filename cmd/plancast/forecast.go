package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/charts"
	"github.com/plancast/plancast/forecast"
)

func init() {
	register(&command{name: "forecast", summary: "project an indicator of a region and assess its targets", run: runForecast})
}

func runForecast(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("forecast", "--region R --indicator I [--horizon N] [--method NAME] [--as-of DATE]",
		"Prints the projection of one series from the store (mean, 80% and 95% intervals)\n"+
			"and, under it, the assessment of every target of that series.", stderr)
	var sf storeFlags
	sf.register(fs)
	var series seriesFlags
	series.register(fs)
	horizon := fs.Int("horizon", forecast.DefaultHorizon, fmt.Sprintf("years to project after the last observation (1–%d)", forecast.MaxHorizon))
	method := fs.String("method", forecast.MethodAuto, fmt.Sprintf("method: one of %v", forecast.Methods()))
	asOf := asOfFlag(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if !series.given() {
		fs.Usage()
		return usageErrorf("--region and --indicator are required")
	}
	// Checked before the store opens, as backtest does: forecast.Forecast
	// refuses it too, but only after the store is read.
	if !slices.Contains(forecast.Methods(), *method) {
		return usageErrorf("unknown method %q (one of %v)", *method, forecast.Methods())
	}
	// forecast.Options takes 0 for the default: the flag must not.
	if *horizon < 1 || *horizon > forecast.MaxHorizon {
		return usageErrorf("--horizon must be between 1 and %d", forecast.MaxHorizon)
	}
	region, indicator := series.region, series.indicator
	st, err := sf.openExisting(ctx, fmt.Sprintf("that server answers the same: GET /api/v1/series/%s/%s/projection and /api/v1/regions/%s/assessment", region, indicator, region))
	if err != nil {
		return fmt.Errorf("open store: %w", err)
	}
	defer st.Close()

	s, _, ind, err := loadSeries(ctx, st, region, indicator, *asOf)
	if plancast.ErrorCode(err) == plancast.ENOTFOUND && ind.Code != "" {
		return withoutYearlyFigures(ctx, st, region, ind, *asOf, "project")
	}
	if err != nil {
		return err
	}
	years, values := s.YearsValues()
	// An estimate of the year in progress (forecast.EarlyEstimate) is not
	// its figure: the projection starts from the latest real figure, as
	// the projection route's does, and the table marks the estimate.
	figures, est := forecast.WithoutEarlyEstimate(s)
	fyears, fvalues := figures.YearsValues()
	// The year after the last figure, and a target of it, are judged on its
	// year to date when it is published.
	toDate, err := plancast.ReadYearToDate(ctx, st, s.Key(), ind, *asOf)
	if err != nil {
		return err
	}
	opt := forecast.Options{Horizon: *horizon, Method: *method, Limits: forecast.LimitsOf(ind)}
	r, err := forecast.Forecast(fyears, fvalues, opt)
	// One figure projects nothing, but it judges a target of its own year
	// (forecast.Assess, as the assessment route does): the command shows
	// the figure, why it is not projected, and the targets under it.
	alone := err != nil && len(fyears) == 1 && plancast.ErrorCode(err) == plancast.EINVALID
	if err != nil && !alone {
		// "plancast forecast: houma/gdp: method damped needs ...", not
		// "plancast forecast: forecast houma/gdp: forecast: method ...".
		return plancast.Errorf(plancast.ErrorCode(err), "%s/%s: %s", region, indicator, forecastMessage(err))
	}

	// Figures as stored; projections to about four significant digits of the
	// latest figure (plancast.ValuePrec), as the charts and the dashboard show
	// them: 120.8 → 147.2, 33,029 → 40,061.
	observed := func(v float64) string { return plancast.FormatNumber(v, -1) }
	prec := plancast.ProjectedPrec(fvalues[len(fvalues)-1])
	projected := func(v float64) string {
		return plancast.FormatNumber(v, opt.Limits.Prec(v, plancast.ShownPrec(v, prec)))
	}
	head := fmt.Sprintf("%s / %s (%s)", region, indicator, charts.UnitLabel(ind.Unit, charts.LangEn))
	var asOfText string
	if !asOf.IsZero() {
		asOfText = fmt.Sprintf(", figures and targets as of %s", asOf)
	}
	if alone {
		// In the projection route's words: "need at least two observed
		// years, have 1 (2023)".
		fmt.Fprintf(stdout, "%s%s\nnot projected: %s (%d)\n", head, asOfText, forecastMessage(err), fyears[0])
		tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintf(tw, "year\tvalue\t\n%d\t%s\t\n", fyears[0], observed(fvalues[0]))
		if err := tw.Flush(); err != nil {
			return err
		}
	} else {
		fmt.Fprintf(stdout, "%s, method %s", head, r.Method)
		if r.Backtest != nil {
			fmt.Fprintf(stdout, ", backtest MASE %.2f sMAPE %.1f%% over %d origins", r.Backtest.MASE, r.Backtest.SMAPE, r.Backtest.Origins)
		}
		fmt.Fprintln(stdout, asOfText)
		if len(r.Models) > 1 {
			names := make([]string, len(r.Models))
			for i, m := range r.Models {
				names[i] = m.Model
			}
			fmt.Fprintf(stdout, "the mean of %s (%d observed years)\n", strings.Join(names, ", "), r.RealObs)
		}
		tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintln(tw, "year\tvalue\t80% low\t80% high\t95% low\t95% high\t")
		for i := max(0, len(fyears)-5); i < len(fyears); i++ {
			fmt.Fprintf(tw, "%d\t%s\t\t\t\t\t\n", fyears[i], observed(fvalues[i]))
		}
		if est != nil {
			fmt.Fprintf(tw, "%d\t%s*\t\t\t\t\t\n", est.Year, observed(est.Value))
		}
		for _, p := range r.Points {
			fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t\n", p.Year, projected(p.Mean), projected(p.Lo80), projected(p.Hi80), projected(p.Lo95), projected(p.Hi95))
		}
		if err := tw.Flush(); err != nil {
			return err
		}
		if est != nil {
			fmt.Fprintf(stdout, "* %d's %s is an estimate published on %s, before the year ended: not its figure; projected from %d's\n",
				est.Year, observed(est.Value), est.Published, r.LastYear)
		}
		// The months as the assessment reads them: a year before not
		// stored is taken from the growth stated with them, which the line
		// says beside the change at current prices.
		if y := r.YearToDate(ind, toDate, plancast.MeasureStatedGap(fyears, fvalues, figures.StatedGrowths())); y != nil {
			n := y.Nowcast
			before, growth := observed(y.Prior)+" a year before", fmt.Sprintf("%+.1f%%", plancast.HalfAway(100*y.Growth, 1))
			if y.PriorFromStated && y.StatedGrowth != nil {
				before = observed(y.Prior) + " a year before, not stored: taken from the growth stated with it"
				growth += fmt.Sprintf(" at current prices, stated %+.1f%%", plancast.HalfAway(100**y.StatedGrowth, 1))
			}
			fmt.Fprintf(stdout, "%d from its %s (%s against %s, %s): %s, 80%% %s to %s, 95%% %s to %s\n",
				y.Year, plancast.PeriodName(y.Period, false), observed(y.Value), before, growth,
				projected(n.Mean), projected(n.Lo80), projected(n.Hi80), projected(n.Lo95), projected(n.Hi95))
		}
	}

	targets, err := st.Targets(ctx, plancast.TargetFilter{Region: region, Indicator: indicator, AsOf: *asOf})
	if err != nil {
		return fmt.Errorf("read targets of %s/%s: %w", region, indicator, err)
	}
	if len(targets) == 0 {
		fmt.Fprintln(stdout, "\nno targets")
		return nil
	}
	fmt.Fprintln(stdout, "\ntargets")
	var judgedToDate []plancast.Assessment
	// paced: the targets with a year at the history's pace, each with its
	// forecast.TargetAtLimit: for a level or share target of a percentage
	// of a whole, the limit it is paced toward and the gap's pace (and,
	// set at the limit, where it is met); zero for any other target.
	type pacedTarget struct {
		a    plancast.Assessment
		edge forecast.LimitEdge
	}
	var paced []pacedTarget
	var atLimit []string            // where a target at a limit (100, 0) is met, a line each
	var unassessed []string         // why a target is not assessed, a line each
	var statedGaps []basisOfTargets // of the growth targets judged on the stated growth, each distinct once
	var due *plancast.YearSpan      // the ended years without a figure, the widest span of any target
	// fromMonths are the targets whose judgement takes those years from
	// their months so far (Assessment.FiguresDueFromMonths), not
	// projecting them; projectsDue, whether any other projects them.
	var fromMonths []string
	var projectsDue bool
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "plan\tkind\tyear\ttarget\tprojected\tneeds/yr\tP(meet)\tprogress\tstatus")
	for _, t := range targets {
		// A growth target and its projection are growth rates in percent:
		// the projection to one decimal, the target as set (6.25%, not
		// 6.3%), as the explanation quotes it. A projection and its bounds
		// are written apart from the target (plancast.FormatApart), as an
		// observed value is: 99.89 [99.7, 99.95] against 99.9, not
		// 99.9 [99.7, 99.9].
		growth := plancast.GrowthKind(t.Kind)
		target := observed
		num := func(v float64) string {
			return plancast.FormatApart(v, t.Value, growth, opt.Limits.Prec(v, plancast.ShownPrec(v, prec)))
		}
		if growth {
			target = func(v float64) string { return plancast.FormatNumber(v, -1) + "%" }
		}
		a, err := forecast.Assess(t, ind, years, values, forecast.Options{Method: *method, YearToDate: toDate, Stated: s.StatedGrowths(), AsOf: asOf.OrToday(), Limits: opt.Limits, Yearly: s.Observations})
		if err != nil {
			// The row says so and the reason goes under the table, which
			// it would widen, without naming the target again.
			fmt.Fprintf(tw, "%s\t%s\t%d\t%s\tnot assessed\t\t\t\t\n", t.Plan, t.Kind, t.Year, target(t.Value))
			reason := forecastMessage(err)
			var ue *forecast.UnassessableError
			if errors.As(err, &ue) && ue.En != "" {
				reason = ue.En
			}
			unassessed = append(unassessed, fmt.Sprintf("%s %s %d is not assessed: %s", t.Plan, t.Kind, t.Year, reason))
			continue
		}
		// An observed value is written apart from its target: a growth of
		// 8.46% missing 8.5% is not "8.5% (observed) off_track".
		apart := func(v float64) string { return plancast.FormatApart(v, t.Value, growth, -1) }
		proj := "-"
		switch {
		case a.Realised != nil && a.StatedBasis != nil && a.StatedBasis.AsStated:
			proj = apart(*a.Realised) + " (as stated)"
		case a.Realised != nil:
			proj = apart(*a.Realised) + " (observed)"
		case a.Interpolated != nil && a.Year > a.LatestYear:
			// A growth projected from a base year without a figure: the
			// base is interpolated, as the explanation says.
			proj = fmt.Sprintf("%s [%s, %s] (base interpolated %d–%d)", num(a.Projected.Mean), num(a.Projected.Lo95), num(a.Projected.Hi95),
				a.Interpolated.From, a.Interpolated.To)
		case a.Interpolated != nil:
			proj = fmt.Sprintf("%s [%s, %s] (interpolated %d–%d)", num(a.Projected.Mean), num(a.Projected.Lo95), num(a.Projected.Hi95),
				a.Interpolated.From, a.Interpolated.To)
		case a.Projected != nil:
			proj = fmt.Sprintf("%s [%s, %s]", num(a.Projected.Mean), num(a.Projected.Lo95), num(a.Projected.Hi95))
		}
		fmt.Fprintf(tw, "%s\t%s\t%d\t%s\t%s\t%s\t%s\t%s\t%s\n", t.Plan, t.Kind, t.Year, target(t.Value), proj,
			needsText(a), plancast.FormatProbability(a.Probability), share(a.Progress), a.Status)
		if a.YearToDate != nil {
			judgedToDate = append(judgedToDate, a)
		}
		e, atEdge := forecast.TargetAtLimit(t, ind, opt.Limits, years, values)
		if a.PaceYear != nil {
			paced = append(paced, pacedTarget{a, e})
		}
		if atEdge && a.Realised == nil && a.Status != plancast.StatusAchieved {
			// A share of exactly 100 is never projected: its P(meet) is
			// read where a figure at the series' decimals reads 100.
			side := "under"
			if e.Upper {
				side = "from"
			}
			line := fmt.Sprintf("%s's %s is met %s %s", t.Plan, observed(t.Value), side, observed(e.Edge))
			if e.Upper {
				line += " up"
			}
			atLimit = append(atLimit, fmt.Sprintf("%s, which figures of %s write as %s", line, decimalsText(e.Decimals), observed(e.Limit)))
		}
		if b := a.StatedBasis; b != nil && !b.AsStated {
			statedGaps = addBasis(statedGaps, b, fmt.Sprintf("%s %s %d", t.Plan, t.Kind, t.Year))
		}
		if d := a.FiguresDue; d != nil && (due == nil || d.To > due.To) {
			due = d
		}
		if a.FiguresDue != nil && a.FiguresDueFromMonths {
			fromMonths = append(fromMonths, fmt.Sprintf("%s %s %d", t.Plan, t.Kind, t.Year))
		} else if a.FiguresDue != nil {
			projectsDue = true
		}
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	for _, u := range unassessed {
		fmt.Fprintln(stdout, u)
	}
	// An estimate of the year in progress is in the table of figures
	// above, but the judgements do not take it as the year's figure
	// (forecast.EarlyEstimate), as their explanations say.
	if e := forecast.EarlyEstimate(years, s.Observations); e != nil {
		fmt.Fprintf(stdout, "%d's %s is an estimate published on %s, before the year ended: the judgements above do not take it as the year's figure\n",
			e.Year, observed(e.Value), e.Published)
	}
	for _, b := range statedGaps {
		// One series: the growth targets share the gap, unless their years
		// take it from different years (a target of an observed year).
		who := "growth targets are"
		if len(statedGaps) > 1 {
			who = strings.Join(b.targets, ", ") + map[bool]string{false: " is", true: " are"}[len(b.targets) > 1]
		}
		basis := b.basis
		if basis.Even() {
			fmt.Fprintf(stdout, "%s judged on the growth stated with the figures, which ran level with their own growth in %s%s\n",
				who, plancast.YearSpanText(basis.From+1, basis.To, "–"), earlierText(basis.Earlier))
			continue
		}
		side := "below"
		if basis.Gap < 0 {
			side = "above"
		}
		fmt.Fprintf(stdout, "%s judged on the growth stated with the figures, which ran %.1f%% a year %s their own growth in %s%s\n",
			who, plancast.HalfAway(100*math.Abs(basis.Gap), 1), side, plancast.YearSpanText(basis.From+1, basis.To, "–"), earlierText(basis.Earlier))
	}
	for _, l := range atLimit {
		fmt.Fprintln(stdout, l)
	}
	for _, p := range paced {
		a := p.a
		// The year the history's pace reaches the target, and that pace as
		// forecast.Assess paced it: for a level or share target of a
		// percentage of a whole (a share, the unemployment rate), at a
		// limit or short of one, its gap to the limit it lies toward (100,
		// or 0) narrowing at the history's rate (forecast.TargetAtLimit's
		// LimitEdge), which points a year would run past, unless its
		// figures follow their points a year more closely and those stay
		// short of the limit (GapChange nil: in points); for one on
		// another percentage, in points a year, not "1.0% a year" of a
		// rate moving 0.03 points; otherwise the history's growth a year.
		// A pace in points or growth is written apart from the needs/yr
		// column's (historyText): +1.02 beside +1.04, not +1.0 in both.
		var pace string
		switch {
		case p.edge.GapChange != nil:
			pace = fmt.Sprintf("the gap to %s narrowing %s%% a year", observed(p.edge.Limit), plancast.Fixed(-100**p.edge.GapChange, plancast.PacePrec(-100**p.edge.GapChange, math.NaN(), 1)))
		case a.HistoricalChange != nil:
			pace = historyText(a) + " points a year"
		default:
			pace = historyText(a) + " a year"
		}
		// Where the projection's pace disagrees with the history's, the
		// line says so as the explanation does (forecast.PaceCaveat):
		// "reached in 2030, on time" beside P(meet) 14% read as
		// reassurance the rest of the answer contradicts.
		fmt.Fprintf(stdout, "at the %d–%d pace (%s), %s's %s is reached in %d%s%s\n", years[0], a.LatestYear,
			pace, a.Target.Plan, observed(a.TargetValue), *a.PaceYear, paceLag(*a.PaceYear, a.Year), forecast.PaceCaveat(a, &p.edge))
	}
	// Said as the explanations say it: a judgement that takes an ended
	// year from its months does not project it ("the judgements above
	// project it" stood under a 2026 target judged on 2025 at its
	// January–November).
	if due != nil {
		it, months := "it", "its months so far"
		line := fmt.Sprintf("no figure is stored for %d, which has ended", due.From)
		if due.From != due.To {
			it, months = "them", "their months so far"
			line = fmt.Sprintf("no figures are stored for %d–%d, which have ended", due.From, due.To)
		}
		switch {
		case len(fromMonths) > 0 && !projectsDue:
			line += fmt.Sprintf(": the judgements above take %s from %s", it, months)
		case len(fromMonths) > 0:
			verb := "takes"
			if len(fromMonths) > 1 {
				verb = "take"
			}
			line += fmt.Sprintf(": the judgements above project %s, but %s %s %s from %s", it, strings.Join(fromMonths, ", "), verb, it, months)
		default:
			line += ": the judgements above project " + it
		}
		fmt.Fprintln(stdout, line)
	}
	if len(judgedToDate) > 0 {
		fmt.Fprintln(stdout, "\njudged on the year to date")
		tw = tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "plan\tkind\tyear\tso far\tvalue\ta year before\tgrowth\tthe rest needs\tthe year [95%]")
		for _, a := range judgedToDate {
			y := a.YearToDate
			above := forecast.MeetsAbove(a.Target, ind)
			rest := "missed: the year so far is past it"
			// Judged on the stated growth, the need is also given on
			// that basis, after the current prices' (as the growth is).
			need := func() string {
				n := plancast.Signed(100**y.RequiredRestGrowth, 1) + "%"
				if y.RequiredRestStatedGrowth != nil {
					n += " at current prices (stated basis " + plancast.Signed(100**y.RequiredRestStatedGrowth, 1) + "%)"
				}
				return n
			}
			switch {
			case y.RequiredRestGrowth != nil && above:
				rest = fmt.Sprintf("at least %s on %d", need(), y.Year-1)
			case y.RequiredRestGrowth != nil:
				rest = fmt.Sprintf("at most %s on %d", need(), y.Year-1)
			case above:
				rest = "nothing: met by the year so far"
			}
			n := y.Nowcast
			growth := fmt.Sprintf("%+.1f%%", plancast.HalfAway(100*y.Growth, 1))
			if y.PriorFromStated && y.StatedGrowth != nil {
				// A year before made from the stated growth: the change
				// on it is at current prices, the stated one beside it.
				growth += fmt.Sprintf(" at current prices (stated %+.1f%%)", plancast.HalfAway(100**y.StatedGrowth, 1))
			}
			fmt.Fprintf(tw, "%s\t%s\t%d\t%s\t%s\t%s\t%s\t%s\t%s [%s, %s]\n", a.Target.Plan, a.Kind, a.Year, y.Period,
				observed(y.Value), observed(y.Prior), growth, rest, projected(n.Mean), projected(n.Lo95), projected(n.Hi95))
		}
		return tw.Flush()
	}
	return nil
}

// needsText is the needs/yr column: the growth a year a target needs, or,
// for a target on a percentage, the change in points ("+0.7 pt"). It is
// written apart from the history's pace, which the line of the year at
// that pace compares it with, as the explanation writes both
// (plancast.ApartPrec): Yuncheng's urbanization rate needs "+1.04 pt"
// where the history ran +1.02 points a year, not "+1.0 pt" beside "+1.0
// points a year … a year late".
func needsText(a plancast.Assessment) string {
	if c := a.RequiredChange; c != nil {
		return plancast.Signed(*c, plancast.PacePrec(*c, orNaN(a.HistoricalChange), plancast.PointsPrec(*c))) + " pt"
	}
	if g := a.RequiredGrowth; g != nil {
		return plancast.Fixed(100**g, plancast.PacePrec(100**g, 100*orNaN(a.HistoricalGrowth), 1)) + "%"
	}
	return "-"
}

// historyText is the history's pace a year, in points for a target on a
// percentage (a.RequiredChange or a.HistoricalChange set) and in percent
// otherwise, written apart from the needs/yr column (needsText).
func historyText(a plancast.Assessment) string {
	if c := a.HistoricalChange; c != nil {
		return plancast.Signed(*c, plancast.PacePrec(*c, orNaN(a.RequiredChange), plancast.PointsPrec(*c)))
	}
	h := a.HistoricalGrowth
	if h == nil {
		return "-"
	}
	return plancast.Fixed(100**h, plancast.PacePrec(100**h, 100*orNaN(a.RequiredGrowth), 1)) + "%"
}

// orNaN is *v, or NaN for nil: no value to write another apart from.
func orNaN(v *float64) float64 {
	if v == nil {
		return math.NaN()
	}
	return *v
}

// share is the progress column, in whole percent. A share short of all of
// it that rounds to 100% is written with a decimal,
// or "<100%": "100%" beside a missed target read as the progress made.
func share(v *float64) string {
	if v == nil {
		return "-"
	}
	s := plancast.Fixed(100**v, 0) + "%"
	if s == "100%" && *v < 1-1e-9 {
		if s = plancast.Fixed(100**v, 1) + "%"; s == "100.0%" {
			s = "<100%"
		}
	}
	return s
}

// decimalsText names the decimals figures are written with: "two
// decimals", "one decimal", "no decimals".
func decimalsText(n int) string {
	switch n {
	case 0:
		return "no decimals"
	case 1:
		return "one decimal"
	case 2:
		return "two decimals"
	}
	return strconv.Itoa(n) + " decimals"
}

// basisOfTargets is a stated basis (plancast.StatedBasis) and the targets
// judged on it ("14th-fyp avg_growth 2025").
type basisOfTargets struct {
	basis   plancast.StatedBasis
	targets []string
}

// addBasis adds target's basis b to bases, to the entry of the same basis
// if there is one.
func addBasis(bases []basisOfTargets, b *plancast.StatedBasis, target string) []basisOfTargets {
	for i := range bases {
		if c := &bases[i].basis; c.Gap == b.Gap && c.From == b.From && c.To == b.To && slices.Equal(c.Earlier, b.Earlier) {
			bases[i].targets = append(bases[i].targets, target)
			return bases
		}
	}
	return append(bases, basisOfTargets{basis: *b, targets: []string{target}})
}

// earlierText names the years whose growth was stated with their figures
// before these were revised (plancast.StatedBasis.Earlier), as the
// assessment's explanation does; "" for none.
func earlierText(years []int) string {
	if len(years) == 0 {
		return ""
	}
	return " (for " + plancast.YearRunsText(years, "–", ", ") + " the growth stated with the figures before their revision)"
}

// paceLag says how a year at the historical pace stands to the target
// year: ", 7 years late", ", a year early", ", on time".
func paceLag(pace, year int) string {
	d := pace - year
	word := "late"
	if d < 0 {
		d, word = -d, "early"
	}
	switch d {
	case 0:
		return ", on time"
	case 1:
		return ", a year " + word
	}
	return fmt.Sprintf(", %d years %s", d, word)
}

// withoutYearlyFigures explains a series with nothing to project (verb
// "project") or chart ("chart"): which partial-year figures it has instead
// (Guyang's are January–November only) and which targets wait for yearly
// figures (Zizhou's 2022 growth targets), so that the planner knows where
// to look and what to push. Asked as of a date, it says when the yearly
// figures were first published after it (Houma's GDP as of 2019-01-01: on
// 2021-04-20), and names only the partial-year figures there were on that
// date, to be read as of it: what the API says (plancast.ReadYearlyAbsence
// reads it for both), with the command to run instead of the route.
func withoutYearlyFigures(ctx context.Context, st plancast.Store, region string, ind plancast.Indicator, asOf plancast.Date, verb string) error {
	msg := fmt.Sprintf("%s/%s has no yearly figures to %s", region, ind.Code, verb)
	if !asOf.IsZero() {
		msg += fmt.Sprintf(" published on or before %s", asOf)
	}
	a, err := plancast.ReadYearlyAbsence(ctx, st, region, ind.Code, asOf)
	if err != nil {
		return fmt.Errorf("%s; %w", msg, err)
	}
	var also []string
	if !asOf.IsZero() {
		if first := a.FirstText(); first == "" {
			msg += ", nor any since"
		} else {
			also = append(also, first)
		}
	}
	var where []string
	for _, p := range a.Partial {
		cmd := fmt.Sprintf("plancast history --region %s --indicator %s --period %s", region, ind.Code, p.Period)
		if !asOf.IsZero() {
			cmd += fmt.Sprintf(" --as-of %s", asOf)
		}
		where = append(where, fmt.Sprintf("%s figures for %s (%s)", plancast.PeriodName(p.Period, false), p.YearSpan(), cmd))
	}
	if len(where) > 0 {
		had := "it has "
		if !asOf.IsZero() {
			had = fmt.Sprintf("on %s it had ", asOf)
		}
		also = append(also, had+strings.Join(where, " and "))
	}
	targets, err := st.Targets(ctx, plancast.TargetFilter{Region: region, Indicator: ind.Code, AsOf: asOf})
	if err != nil {
		return fmt.Errorf("%s; read its targets: %w", msg, err)
	}
	if len(targets) > 0 {
		waiting := make([]string, len(targets))
		for i, t := range targets {
			waiting[i] = fmt.Sprintf("%s %s %s for %d", t.Plan, strings.ReplaceAll(t.Kind, "_", " "), charts.TargetValueText(t.Kind, t.Value, ind.Unit, charts.LangEn), t.Year)
		}
		noun := fmt.Sprintf("%d targets wait", len(targets))
		if len(targets) == 1 {
			noun = "a target waits"
		}
		also = append(also, fmt.Sprintf("%s for them: %s", noun, strings.Join(waiting, "; ")))
	}
	return plancast.Errorf(plancast.ENOTFOUND, "%s", strings.Join(append([]string{msg}, also...), "; "))
}

// forecastMessage is the message of an error of package forecast without
// the package's "forecast: " prefix, which the command's name already gives.
func forecastMessage(err error) string {
	return strings.TrimPrefix(plancast.ErrorMessage(err), "forecast: ")
}
