package api

import (
	"fmt"
	"math"
	"strings"

	"github.com/plancast/plancast"
)

// Units are the series transformations of FRED's API (units=...), for yearly
// data. With x_t the value in year t and s the previous observed year:
//
//	lin  x_t                                  levels (default)
//	chg  x_t − x_{t−1}                        change
//	ch1  x_t − x_{t−1}                        change from a year ago (= chg for yearly data)
//	pch  100·(x_t/x_{t−1} − 1)                percent change
//	pc1  100·(x_t/x_{t−1} − 1)                percent change from a year ago (= pch)
//	pca  100·((x_t/x_s)^(1/(t−s)) − 1)        compounded annual rate of change
//	cch  100·(ln x_t − ln x_{t−1})            continuously compounded change
//	cca  100·(ln x_t − ln x_s)/(t−s)          continuously compounded annual rate
//	log  ln x_t                               natural log
//
// chg, ch1, pch, pc1 and cch need the previous calendar year observed; pca
// and cca annualise across a gap, so 2015 = 88.9 and 2020 = 120.8 give
// pca 2020 = 6.32 (% a year). A year whose transform is undefined (the first
// year, a gap, a ratio or log of a non-positive value) is left out.
var Units = []string{"lin", "chg", "ch1", "pch", "pc1", "pca", "cch", "cca", "log"}

// ValidUnits reports whether u names a transformation.
func ValidUnits(u string) bool {
	for _, v := range Units {
		if u == v {
			return true
		}
	}
	return false
}

// Transform applies a transformation to observations sorted by year. The
// result keeps each observation's metadata with the transformed value.
func Transform(obs []plancast.Observation, units string) []plancast.Observation {
	if units == "" || units == "lin" {
		return obs
	}
	out := make([]plancast.Observation, 0, len(obs))
	for i, o := range obs {
		var prev *plancast.Observation
		if i > 0 {
			prev = &obs[i-1]
		}
		v, ok := transformOne(units, o, prev)
		if !ok || math.IsNaN(v) || math.IsInf(v, 0) {
			continue
		}
		o.Value = v
		out = append(out, o)
	}
	return out
}

func transformOne(units string, o plancast.Observation, prev *plancast.Observation) (float64, bool) {
	x := o.Value
	if units == "log" {
		return math.Log(x), x > 0
	}
	if prev == nil {
		return 0, false
	}
	gap := float64(o.Year - prev.Year)
	consecutive := gap == 1
	p := prev.Value
	switch units {
	case "chg", "ch1":
		return x - p, consecutive
	case "pch", "pc1":
		return 100 * (x/p - 1), consecutive && p != 0
	case "cch":
		return 100 * (math.Log(x) - math.Log(p)), consecutive && x > 0 && p > 0
	case "pca":
		return 100 * (math.Pow(x/p, 1/gap) - 1), x > 0 && p > 0
	case "cca":
		return 100 * (math.Log(x) - math.Log(p)) / gap, x > 0 && p > 0
	}
	return 0, false
}

// yearOnYear are the units that need the figure of the year before (the
// others annualise across a gap, or need none): what a note calls each,
// and the unit that gives its annual rate across a gap, if any.
var yearOnYear = map[string]struct{ name, acrossGaps string }{
	"chg": {"change", ""},
	"ch1": {"change from a year ago", ""},
	"pch": {"percent change", "pca"},
	"pc1": {"percent change from a year ago", "pca"},
	"cch": {"continuously compounded rate of change", "cca"},
}

// TransformNotes says which years from `from` on (all years when from is
// 0) Transform(obs, units) leaves out for want of the year before, and why:
// without it, units=pch on figures of 2015 and 2020 only is an empty list
// that reads as "no data". obs are sorted by year, as for Transform, and
// begin before from when the series does (getSeries reads them so), so that
// the first year asked has its year before. A series of several years whose
// first alone is left out, as every such unit must leave it out, has no
// note; a series of one year has, as its answer is empty.
func TransformNotes(obs []plancast.Observation, units string, from int) []string {
	u, ok := yearOnYear[units]
	if !ok || len(obs) == 0 {
		return nil
	}
	var left []string
	if obs[0].Year >= from && len(obs) == 1 {
		left = append(left, fmt.Sprintf("%d (the series' first figure)", obs[0].Year))
	}
	gaps := 0
	for i := 1; i < len(obs); i++ {
		if obs[i].Year >= from && obs[i].Year-obs[i-1].Year != 1 {
			left = append(left, fmt.Sprintf("%d (no %d figure)", obs[i].Year, obs[i].Year-1))
			gaps++
		}
	}
	if gaps > 0 && obs[0].Year >= from {
		left = append([]string{fmt.Sprintf("%d (the series' first figure)", obs[0].Year)}, left...)
	}
	if len(left) == 0 {
		return nil
	}
	list := left[0]
	if n := len(left); n > 1 {
		list = strings.Join(left[:n-1], ", ") + " and " + left[n-1]
	}
	note := fmt.Sprintf("units=%s (%s) needs the figures of consecutive years; left out for want of the year before: %s", units, u.name, list)
	if u.acrossGaps != "" {
		note += fmt.Sprintf("; units=%s gives the annual rate across a gap", u.acrossGaps)
	}
	return []string{note}
}

// NeedsYearBefore reports whether a year's figure under units is taken from
// an earlier year's too (every unit but lin and log), so that a read cut at
// from= must still read the years before it.
func NeedsYearBefore(units string) bool { return units != "" && units != "lin" && units != "log" }

// transformedUnit is the unit of a transformed series.
func transformedUnit(unit, units string) string {
	switch units {
	case "", "lin", "chg", "ch1":
		return unit
	case "log":
		return "log_" + unit
	}
	return plancast.UnitPercent
}
