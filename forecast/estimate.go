package forecast

import (
	"fmt"
	"math"
	"slices"

	"github.com/plancast/plancast"
)

// An estimate of the year in progress.
//
// A work report states the year still running (预计全年: "revenue of the
// whole year is expected at 142.6", pushed with status estimate in
// November). That is the government's expectation, not the year's
// figure: the year has not ended, and its figure comes with the
// statistical communiqué months later. Taken as the year's figure, it
// settled the year's targets as observed ("2026 observed: growth 3.3%
// against a target of 4% (missed)", probability 0) and became the latest
// figure every later target was measured from, while the months of the
// year, which the judgement had rested on, were dropped.
//
// An estimate published before the end of its year, when it is the latest
// yearly figure given, is therefore not read as a figure: Assess judges
// the targets as it would without it (the year on its year to date, or
// projected), and says, for a target of that year or later, that the year
// is estimated at the value, published before the year ended, and what
// growth on the year before it states. The judgement keeps its
// probability, which rests on what is known of the year, and the estimate
// is quoted beside it, never as the outcome. An estimate published after
// its year ended (an early reckoning of a year that is over) is a figure,
// as a preliminary one is.
//
// This needs the figures' status and publication date (Options.Yearly);
// a read that does not carry them (InfluxDB's bulk values read) treats
// every figure as the year's.

// earlyEstimate is the estimate among yearly (the figures as read) of the
// year years ends with, published before that year ended, or nil.
func earlyEstimate(years []int, yearly []plancast.Observation) *plancast.Observation {
	if len(years) < 2 || len(yearly) == 0 {
		return nil
	}
	last := years[len(years)-1]
	for i := len(yearly) - 1; i >= 0; i-- {
		o := yearly[i]
		if o.Year != last || o.Period != "" && o.Period != plancast.PeriodYear {
			continue
		}
		if EstimatedEarly(o) {
			return &o
		}
		return nil
	}
	return nil
}

// withoutEstimate is years and values without the early estimate est (the
// last of them), and stated without a growth stated with it.
func withoutEstimate(years []int, values []float64, stated []plancast.StatedGrowth, est *plancast.Observation) ([]int, []float64, []plancast.StatedGrowth) {
	n := len(years) - 1
	return years[:n], values[:n], slices.DeleteFunc(slices.Clone(stated), func(s plancast.StatedGrowth) bool { return s.Year == est.Year })
}

// estimateClause says, after a judgement, that est's year is estimated at
// its value before it ended, with the growth on the year before (prev, when
// that year has a figure), and that the judgement does not rest on it.
func estimateClause(pb *phrasebook, est *plancast.Observation, prevYear int, prev float64) string {
	growth := ""
	if prevYear == est.Year-1 && prev > 0 && est.Value > 0 {
		growth = fmt.Sprintf(pb.estimateGrowth, pb.change(est.Value/prev-1), prevYear)
		if est.Growth != nil && est.GrowthBase() == prevYear && !math.IsNaN(*est.Growth) {
			growth = fmt.Sprintf(pb.estimateGrowth, pb.change(*est.Growth/100), prevYear)
		}
	}
	return fmt.Sprintf(pb.estimate, est.Year, plancast.FormatNumber(est.Value, -1), est.Published, growth)
}

// EarlyEstimate is the estimate of the latest of years among yearly (the
// figures as read, with their status and publication date) published
// before that year ended, which Assess does not read as the year's figure;
// nil when there is none.
func EarlyEstimate(years []int, yearly []plancast.Observation) *plancast.Observation {
	return earlyEstimate(years, yearly)
}

// EstimatedEarly reports whether o is an estimate published before its
// year ended (预计全年 in November), which, as the latest yearly figure,
// Assess does not read as the year's figure: the year is still to be
// judged on its months so far.
func EstimatedEarly(o plancast.Observation) bool {
	return o.Status == plancast.StatusEstimate && !o.Published.IsZero() && o.Published.Time().Year() <= o.Year
}

// WithoutEarlyEstimate is s without its early estimate (EarlyEstimate: the
// latest year given only as an estimate published before it ended), and
// that estimate; s itself and nil when it has none. What projects or draws
// a series starts, as Assess judges, from the latest real figure, and
// shows the estimate apart: the projection route (Projection.Estimate),
// the charts and plancast forecast.
func WithoutEarlyEstimate(s *plancast.Series) (*plancast.Series, *plancast.Observation) {
	if s == nil {
		return s, nil
	}
	years, _ := s.YearsValues()
	est := earlyEstimate(years, s.Observations)
	if est == nil {
		return s, nil
	}
	out := *s
	out.Observations = slices.DeleteFunc(slices.Clone(s.Observations), func(o plancast.Observation) bool {
		return o.Year == est.Year && (o.Period == "" || o.Period == plancast.PeriodYear)
	})
	if s.Stated != nil {
		out.Stated = slices.DeleteFunc(slices.Clone(s.Stated), func(g plancast.StatedGrowth) bool { return g.Year == est.Year })
	}
	return &out, est
}
