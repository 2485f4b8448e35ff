package forecast

import (
	"errors"
	"slices"

	"github.com/plancast/plancast"
)

// ErrNoFigures is a TrailPoint's Err when no yearly figure of the target's
// series had been published by the point's date.
var ErrNoFigures = errors.New("no yearly figures published by then")

// TrailPoint is a target's judgement as it stood on a date on which its
// series or the target changed: the answer an assessment asked for as of
// that date gives.
type TrailPoint struct {
	AsOf plancast.Date
	// Figures and Set say what changed that day: a figure of the series was
	// published (revised or withdrawn), a version of the target was set.
	Figures, Set bool
	// Target is the version in force; nil when the target was withdrawn
	// that day (the trail's last point unless it is set again).
	Target *plancast.Target
	// Assessment is the judgement; nil when Target is nil or Err is set.
	Assessment *plancast.Assessment
	// Err says why the target could not be judged then: ErrNoFigures, or
	// Assess's error.
	Err error
}

// Changed names what changed on the point's day: "figures", "target", or
// both, in that order.
func (p *TrailPoint) Changed() []string {
	changed := []string{}
	if p.Figures {
		changed = append(changed, "figures")
	}
	if p.Set {
		changed = append(changed, "target")
	}
	return changed
}

// AssessmentTrail follows one target through time: versions are every
// version of the target (one key), vintages every vintage of the series it
// is judged on (plancast.JudgedKeys: the yearly figures and the year to
// date). There is a point on each date a vintage was published or
// a version set, from the first date a version was in force; each is judged
// as Assess judges it (without the backtest, as the assessment routes do)
// on the figures and the target as they stood that day. Undated versions
// count as set before any date; a day with nothing dated gives no point.
func AssessmentTrail(versions []plancast.Target, vintages []plancast.Observation, ind plancast.Indicator) []TrailPoint {
	// Dates are keyed by their text: two Dates of one day may hold their
	// time in different locations.
	figures, set, byDay := map[string]bool{}, map[string]bool{}, map[string]plancast.Date{}
	for _, o := range vintages {
		figures[o.Published.String()], byDay[o.Published.String()] = true, o.Published
	}
	for _, v := range versions {
		set[v.Published.String()], byDay[v.Published.String()] = true, v.Published
	}
	var dates []plancast.Date
	for _, d := range byDay {
		if !d.IsZero() {
			dates = append(dates, d)
		}
	}
	slices.SortFunc(dates, func(a, b plancast.Date) int { return a.Time().Compare(b.Time()) })

	var trail []TrailPoint
	for _, d := range dates {
		p := TrailPoint{AsOf: d, Figures: figures[d.String()], Set: set[d.String()]}
		inForce := plancast.CurrentTargets(versions, plancast.TargetFilter{AsOf: d})
		if len(inForce) == 0 {
			// Not set yet, or withdrawn: a point only for the withdrawal.
			if len(trail) > 0 && trail[len(trail)-1].Target != nil {
				trail = append(trail, p)
			}
			continue
		}
		p.Target = &inForce[0]
		yearly, toDate := splitYearly(plancast.LatestVintages(vintages, d))
		if yearly == nil {
			p.Err = ErrNoFigures
		} else {
			years, values := yearly.YearsValues()
			a, err := Assess(*p.Target, ind, years, values, Options{SkipBacktest: true, YearToDate: toDate, Stated: yearly.StatedGrowths(), AsOf: d, Limits: LimitsOf(ind), Yearly: yearly.Observations})
			if err != nil {
				p.Err = err
			} else {
				p.Assessment = &a
			}
		}
		trail = append(trail, p)
	}
	return trail
}

// splitYearly separates the yearly series (nil when absent) from the
// partial-year ones.
func splitYearly(series []plancast.Series) (yearly *plancast.Series, partial []plancast.Series) {
	for i := range series {
		if series[i].Period == plancast.PeriodYear {
			yearly = &series[i]
		} else {
			partial = append(partial, series[i])
		}
	}
	return yearly, partial
}
