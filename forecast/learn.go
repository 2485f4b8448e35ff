package forecast

import (
	"math"
	"sort"
)

// LearnCalibration learns a Calibration by rolling-origin evaluation over
// many yearly series of one kind (pass only data that the forecasts to be
// calibrated will not be scored on, e.g. training years).
//
// For every positive series v, every origin o ≥ 2 (every stride-th one, and
// only the last recent ones when recent > 0), every history length L of the
// table (the last row uses the whole history up to o), it forecasts
// v_{o+1..o+maxH} from v_{o−L+1..o} with each method and records
// z = (log v_{o+h} − x̂_{o+h})/s, s the shrunk scale with s₀ = pooled[i], the
// pooled scale of series i's indicator or category (GroupPooledScales), the
// same s₀ its forecasts will be given. The quantiles of z per (method,
// length, h) are weighted so that every series counts once in each cell,
// however many origins it offers.
func LearnCalibration(series [][]float64, pooled []float64, opt LearnOptions) *Calibration {
	if len(pooled) != len(series) {
		panic("forecast: LearnCalibration needs one pooled scale per series")
	}
	methods, maxH, stride, recent := opt.Methods, opt.MaxH, opt.Stride, opt.Recent
	if len(methods) == 0 {
		methods = []string{MethodAuto}
	}
	if maxH < 1 {
		maxH = DefaultHorizon
	}
	k := opt.PriorWeight
	if !(k > 0) {
		k = PriorWeightDefault
	}
	c := &Calibration{
		PooledScale: median(pooled),
		PriorWeight: k,
		Probs:       calibrationProbs,
		Buckets:     calibrationBuckets,
		Lengths:     calibrationLengths,
		MaxH:        maxH,
		Q:           map[string][][][]float64{},
		Samples:     map[string][][]int{},
	}
	nb := len(c.Buckets)
	for _, method := range methods {
		st := max(stride[method], 1)
		cells := make([][][]wz, nb)
		for b := range cells {
			cells[b] = make([][]wz, maxH)
		}
		for si, v := range series {
			s0 := pooled[si]
			if !allPositive(v) {
				continue
			}
			start := make([][]int, nb) // sample index where this series began in each cell
			for b := range start {
				start[b] = make([]int, maxH)
				for j := range start[b] {
					start[b][j] = len(cells[b][j])
				}
			}
			years := make([]int, len(v))
			for i := range years {
				years[i] = 2000 + i
			}
			first := 2
			if recent > 0 {
				first = max(2, len(v)-recent)
			}
			for o := first; o < len(v); o += st {
				for b, L := range c.Lengths {
					lo := o - L
					if b == nb-1 {
						lo = 0
						if o < c.Buckets[b] {
							continue
						}
					}
					if lo < 0 {
						continue
					}
					p, err := prepare(years[lo:o], v[lo:o], Limits{})
					if err != nil {
						continue
					}
					h := min(maxH, len(v)-o)
					f, _, err := pointForecast(p, method, h) // EINVALID for a model too short for p
					if err != nil {
						continue
					}
					s := c.scale(p.scale, p.diffs, s0)
					for j := range h {
						z := (math.Log(v[o+j]) - f[j]) / s
						if !math.IsNaN(z) && !math.IsInf(z, 0) {
							cells[b][j] = append(cells[b][j], wz{z: z})
						}
					}
				}
			}
			for b := range cells {
				for j := range cells[b] {
					k := len(cells[b][j]) - start[b][j]
					for i := start[b][j]; i < len(cells[b][j]); i++ {
						cells[b][j][i].w = 1 / float64(k)
					}
				}
			}
		}
		q := make([][][]float64, nb)
		cnt := make([][]int, nb)
		for b := range cells {
			q[b] = make([][]float64, maxH)
			cnt[b] = make([]int, maxH)
			for j := range cells[b] {
				cnt[b][j] = len(cells[b][j])
				q[b][j] = weightedQuantiles(cells[b][j], c.Probs)
			}
		}
		c.Q[method] = q
		c.Samples[method] = cnt
	}
	return c
}

// LearnOptions says what LearnCalibration learns.
type LearnOptions struct {
	Methods     []string       // the methods to tabulate; empty: auto alone
	MaxH        int            // the longest horizon; 0: DefaultHorizon
	Stride      map[string]int // per method, use every stride-th origin (slow models)
	Recent      int            // > 0: only origins within the last Recent years
	PriorWeight float64        // k of the scale; 0: PriorWeightDefault
}

type wz struct{ z, w float64 }

// weightedQuantiles returns the quantiles at probs of the weighted sample:
// the smallest z whose cumulative weight share reaches p, interpolated
// between neighbours. An empty sample gives zeros.
func weightedQuantiles(s []wz, probs []float64) []float64 {
	out := make([]float64, len(probs))
	if len(s) == 0 {
		return out
	}
	sort.Slice(s, func(i, j int) bool { return s[i].z < s[j].z })
	total := 0.0
	for _, e := range s {
		total += e.w
	}
	// Midpoint rule: the i-th point sits at cumulative share (W_{i−1} + w_i/2)/W.
	pos := make([]float64, len(s))
	acc := 0.0
	for i, e := range s {
		pos[i] = (acc + e.w/2) / total
		acc += e.w
	}
	for k, p := range probs {
		i := sort.SearchFloat64s(pos, p)
		switch {
		case i == 0:
			out[k] = s[0].z
		case i == len(s):
			out[k] = s[len(s)-1].z
		default:
			t := (p - pos[i-1]) / (pos[i] - pos[i-1])
			out[k] = s[i-1].z + t*(s[i].z-s[i-1].z)
		}
	}
	return out
}

func allPositive(v []float64) bool {
	for _, x := range v {
		if !(x > 0) || math.IsInf(x, 0) {
			return false
		}
	}
	return len(v) > 0
}
