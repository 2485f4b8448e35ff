package forecast

import (
	"math"

	"github.com/plancast/plancast"
)

// PITLevels are the probability levels at which ProbabilityCheck counts how
// often the outcome fell below the forecast's quantile. For calibrated
// forecasts the share below the quantile of level q is q.
var PITLevels = []float64{0.01, 0.05, 0.10, 0.25, 0.50, 0.75, 0.90, 0.95, 0.99}

// CheckTargetOffsets are the targets ProbabilityCheck sets each forecast, in
// points of annual growth around the history's own pace g (HistoricalGrowth):
// for a forecast made at year n with latest figure L, the level target of
// year y is
//
//	T = L (1 + g + d)^(y − n)
//
// for each offset d, kept only when T > L (a target still to reach, as a
// planner sets one). Houma's 250 亿元 for 2025 is d = +9.3 points over its
// 2015–2020 pace. The growth target of year y is g + d over year y − 1, kept
// when g + d > 0 (AddGrowth); Houma's 8.5% for 2021 is d = +2.2 points.
var CheckTargetOffsets = []float64{-0.05, -0.03, -0.02, -0.01, 0, 0.01, 0.02, 0.03, 0.05, 0.10}

// ProbabilityBin is the targets a ProbabilityCheck gave a probability of
// meeting in [Lo, Hi), with how many were met.
type ProbabilityBin struct {
	Lo, Hi   float64
	Targets  int
	Met      int
	SumGiven float64 // the sum of the probabilities given
}

// MeanGiven is the mean probability given to the bin's targets.
func (b ProbabilityBin) MeanGiven() float64 { return b.SumGiven / float64(b.Targets) }

// ShareMet is the share of the bin's targets met.
func (b ProbabilityBin) ShareMet() float64 { return float64(b.Met) / float64(b.Targets) }

// checkBinEdges split the probabilities given; 0.1 and 0.5 are the status
// thresholds (AtRiskProbability, OnTrackProbability), so a bin's targets all
// had one status.
var checkBinEdges = []float64{0, 0.01, 0.05, 0.10, 0.30, 0.50, 0.70, 0.90, 0.95, 0.99, 1}

// ProbabilityCheck measures whether forecasts' predictive distributions say
// what happened, beyond the two intervals' coverage: it tallies the
// probability integral transform u = F(outcome) (the share of outcomes below
// each quantile, PITLevels) and the probabilities of meeting targets set
// around each series' pace (CheckTargetOffsets) against whether they were
// met, each kind of target in its own Reliability table. The zero value is
// empty; Add each outcome, Merge checks made in parallel.
type ProbabilityCheck struct {
	Outcomes int
	Below    []int // outcomes below the quantile of each of PITLevels
	// Level is the level targets above the latest figure (Add).
	Level Reliability
	// GrowthFromLatest is the growth targets of the year after the latest
	// figure, over that figure (AddGrowth); GrowthFromProjected those of a
	// later year, over the year before it, itself projected, whose
	// probability Assess approximates (growthProbability);
	// AverageGrowthFromProjected the average growth targets over several
	// years from a projected one.
	GrowthFromLatest, GrowthFromProjected, AverageGrowthFromProjected Reliability
}

func (c *ProbabilityCheck) init() {
	if c.Below != nil {
		return
	}
	c.Below = make([]int, len(PITLevels))
	for _, r := range c.reliabilities() {
		r.init()
	}
}

func (c *ProbabilityCheck) reliabilities() []*Reliability {
	return []*Reliability{&c.Level, &c.GrowthFromLatest, &c.GrowthFromProjected, &c.AverageGrowthFromProjected}
}

// Add scores the forecast r against the outcome of one of its years; pace
// is the series' growth a year over its history (HistoricalGrowth), and
// NaN sets no targets. A year outside r's or a non-finite outcome is
// ignored.
func (c *ProbabilityCheck) Add(r *Result, pace float64, year int, outcome float64) {
	u := r.CDF(year, outcome)
	if math.IsNaN(u) || math.IsInf(outcome, 0) {
		return
	}
	c.init()
	c.Outcomes++
	for i, q := range PITLevels {
		if u < q {
			c.Below[i]++
		}
	}
	if math.IsNaN(pace) || !(r.LastValue > 0) {
		return
	}
	k := float64(year - r.LastYear)
	for _, d := range CheckTargetOffsets {
		g := pace + d
		if g <= -1 {
			continue
		}
		target := r.LastValue * math.Pow(1+g, k)
		if !(target > r.LastValue) || math.IsInf(target, 0) {
			continue
		}
		// As Assess judges a level target of an indicator better higher.
		p := clamp01(1 - r.CDF(year, target))
		c.Level.add(p, meetsTarget(outcome, target, true))
	}
}

// AddGrowth scores r's probabilities of meeting growth targets of year over
// base, whose outcomes are outcome and baseOutcome: the targets g = pace + d
// a year for each of CheckTargetOffsets, kept when g > 0 (a target to grow,
// as planners set them), a growth target over the year before or, over
// more years, an average growth target. Each gets the probability Assess
// gives such a target of an indicator better higher, and is met when the
// outcomes grew by g a year, 100 ((outcome/baseOutcome)^(1/(year − base)) −
// 1) ≥ 100 g, as Assess compares a realised growth. Scored: base the latest
// figure's year and year the next (GrowthFromLatest), or base projected
// (GrowthFromProjected for one year, AverageGrowthFromProjected for more),
// year within r's horizon; only for a positive series (modelled on the log
// or the logit scale, as Assess asks of a growth target) with positive
// outcomes.
func (c *ProbabilityCheck) AddGrowth(r *Result, pace float64, base, year int, outcome, baseOutcome float64) {
	span := year - base
	j := year - r.LastYear - 1
	if math.IsNaN(pace) || r.WorkScale == ScaleUnit || span < 1 || base < r.LastYear || base == r.LastYear && span > 1 || j >= len(r.Points) ||
		!(outcome > 0) || !(baseOutcome > 0) || math.IsInf(outcome, 0) || math.IsInf(baseOutcome, 0) {
		return
	}
	c.init()
	kind, rel := plancast.TargetGrowth, &c.GrowthFromProjected
	switch {
	case base == r.LastYear:
		rel = &c.GrowthFromLatest
	case span > 1:
		kind, rel = plancast.TargetAvgGrowth, &c.AverageGrowthFromProjected
	}
	realised := 100 * (math.Pow(outcome/baseOutcome, 1/float64(span)) - 1)
	for _, d := range CheckTargetOffsets {
		g := pace + d
		if !(g > 0) {
			continue
		}
		t := plancast.Target{Kind: kind, Year: year, BaseYear: base, Value: 100 * g}
		var p float64
		if base == r.LastYear {
			// The base is the latest figure: the level of year that meets
			// the target is L (1 + g), read off year's distribution.
			p = 1 - r.CDF(year, r.LastValue*growthFactor(t, base))
		} else {
			p = growthProbability(r, t, base, growthFactor(t, base), true)
		}
		rel.add(clamp01(p), meetsTarget(realised, t.Value, true))
	}
}

// Reliability is a reliability table of the probabilities given to one kind
// of target, binned at the status thresholds and more finely at the ends,
// with the Brier score
//
//	B = Σ (p − met)² / N
//
// of those probabilities.
type Reliability struct {
	Bins  []ProbabilityBin
	brier float64
}

func (t *Reliability) init() {
	if t.Bins != nil {
		return
	}
	t.Bins = make([]ProbabilityBin, len(checkBinEdges)-1)
	for i := range t.Bins {
		t.Bins[i].Lo, t.Bins[i].Hi = checkBinEdges[i], checkBinEdges[i+1]
	}
}

func (t *Reliability) add(p float64, met bool) {
	m := 0.0
	if met {
		m = 1
	}
	b := &t.Bins[binOf(p)]
	b.Targets++
	b.Met += int(m)
	b.SumGiven += p
	t.brier += (p - m) * (p - m)
}

func binOf(p float64) int {
	for i := 1; i < len(checkBinEdges)-1; i++ {
		if p < checkBinEdges[i] {
			return i - 1
		}
	}
	return len(checkBinEdges) - 2
}

// Merge adds o's tallies to c.
func (c *ProbabilityCheck) Merge(o *ProbabilityCheck) {
	if o.Below == nil {
		return
	}
	c.init()
	c.Outcomes += o.Outcomes
	for i := range c.Below {
		c.Below[i] += o.Below[i]
	}
	theirs := o.reliabilities()
	for i, r := range c.reliabilities() {
		r.merge(theirs[i])
	}
}

func (t *Reliability) merge(o *Reliability) {
	for i := range t.Bins {
		t.Bins[i].Targets += o.Bins[i].Targets
		t.Bins[i].Met += o.Bins[i].Met
		t.Bins[i].SumGiven += o.Bins[i].SumGiven
	}
	t.brier += o.brier
}

// Targets is the number of targets set, and how many were met.
func (t *Reliability) Targets() (set, met int) {
	for _, b := range t.Bins {
		set += b.Targets
		met += b.Met
	}
	return set, met
}

// ByStatus sums the bins by the status an assessment gives their targets:
// off_track below AtRiskProbability, at_risk below OnTrackProbability,
// on_track from there (a target still to reach is never achieved).
func (t *Reliability) ByStatus() [3]StatusBin {
	out := [3]StatusBin{
		{Status: plancast.StatusOffTrack, ProbabilityBin: ProbabilityBin{Lo: 0, Hi: AtRiskProbability}},
		{Status: plancast.StatusAtRisk, ProbabilityBin: ProbabilityBin{Lo: AtRiskProbability, Hi: OnTrackProbability}},
		{Status: plancast.StatusOnTrack, ProbabilityBin: ProbabilityBin{Lo: OnTrackProbability, Hi: 1}},
	}
	for _, b := range t.Bins {
		s := &out[2]
		switch {
		case b.Hi <= AtRiskProbability:
			s = &out[0]
		case b.Hi <= OnTrackProbability:
			s = &out[1]
		}
		s.Targets += b.Targets
		s.Met += b.Met
		s.SumGiven += b.SumGiven
	}
	return out
}

// StatusBin is the targets given one status.
type StatusBin struct {
	Status string
	ProbabilityBin
}

// Brier is the Brier score of the probabilities given to the targets, and
// that of giving every target the share met, m (1 − m): the score of a
// forecaster who knows only how often targets are met. NaN without targets.
func (t *Reliability) Brier() (score, reference float64) {
	set, met := t.Targets()
	if set == 0 {
		return math.NaN(), math.NaN()
	}
	m := float64(met) / float64(set)
	return t.brier / float64(set), m * (1 - m)
}

// HistoricalChange is the change a year of a series over its history, in
// its own unit (points, for a percentage): (x_last − x_first)/(last −
// first); false when the history spans no year.
func HistoricalChange(years []int, values []float64) (float64, bool) {
	n := len(years)
	if n < 2 || len(values) != n || years[n-1] <= years[0] {
		return 0, false
	}
	return (values[n-1] - values[0]) / float64(years[n-1]-years[0]), true
}

// HistoricalGrowth is the growth a year of a positive series over its
// history, (x_last / x_first)^(1/(last − first)) − 1; false when the first
// or last value is not positive or the history spans no year.
func HistoricalGrowth(years []int, values []float64) (float64, bool) {
	n := len(years)
	if n < 2 || len(values) != n {
		return 0, false
	}
	span := years[n-1] - years[0]
	if span <= 0 || !(values[0] > 0) || !(values[n-1] > 0) {
		return 0, false
	}
	return math.Pow(values[n-1]/values[0], 1/float64(span)) - 1, true
}
