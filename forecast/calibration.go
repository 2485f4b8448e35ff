package forecast

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"math"
	"sort"
	"sync"
)

// Calibration is the empirical predictive distribution behind every interval
// and probability: quantiles of the scaled forecast error
//
//	z = (x_{n+h} − x̂_{n+h}) / s
//
// on the working scale, per method, per number of real observations and per
// horizon, learnt by rolling-origin evaluation across many series
// (LearnCalibration). The scale s shrinks the series' own volatility toward a
// pooled one, so that two or three points still get an honest width:
//
//	s² = (k s₀² + m s_own²) / (k + m)
//
// with s_own the mean absolute annual first difference over the m real
// differences (see ownScale), s₀ the pooled scale of the dataset or indicator
// and k = PriorWeight pseudo-differences.
type Calibration struct {
	Source      string    `json:"source"`       // how the table was made
	PooledScale float64   `json:"pooled_scale"` // s₀ on the log scale
	PriorWeight float64   `json:"prior_weight"` // k
	Probs       []float64 `json:"probs"`        // probability levels of the quantiles, ascending
	// Buckets are the lower bounds of the real-observation count n of each
	// table row, ascending, the first being 2. Lengths are the history
	// lengths the rows were learnt with.
	Buckets []int `json:"buckets"`
	Lengths []int `json:"lengths"`
	MaxH    int   `json:"max_h"`
	// Q[method][bucket][h−1][k] is the quantile Probs[k] of z.
	Q map[string][][][]float64 `json:"q"`
	// Samples[method][bucket][h−1] counts the errors behind each row.
	Samples map[string][][]int `json:"samples"`
}

// PriorWeightDefault is k, the weight of the pooled scale in pseudo-differences.
const PriorWeightDefault = 10.0

// calibrationBuckets and their representative history lengths.
var (
	calibrationBuckets = []int{2, 3, 4, 5, 6, 7, 10, 15, 25}
	calibrationLengths = []int{2, 3, 4, 5, 6, 8, 12, 18, 30}
	calibrationProbs   = []float64{0.005, 0.01, 0.025, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 0.975, 0.99, 0.995}
)

//go:embed calibration.json
var calibrationJSON []byte

var (
	defaultCalOnce sync.Once
	defaultCal     *Calibration
	defaultCalErr  error
)

// DefaultCalibration returns the built-in table, learnt on the training years
// of the M3 yearly series (never their six test years); calibration.json
// says how it was made.
func DefaultCalibration() (*Calibration, error) {
	defaultCalOnce.Do(func() {
		var c Calibration
		if err := json.Unmarshal(calibrationJSON, &c); err != nil {
			defaultCalErr = fmt.Errorf("decode built-in calibration: %w", err)
			return
		}
		defaultCal = &c
	})
	return defaultCal, defaultCalErr
}

// bucket returns the table row for n real observations.
func (c *Calibration) bucket(n int) int {
	b := 0
	for i, lo := range c.Buckets {
		if n >= lo {
			b = i
		}
	}
	return b
}

// scale combines the series' own scale with the pooled one (see Calibration).
// pooled is s₀ on the working scale.
func (c *Calibration) scale(own float64, m int, pooled float64) float64 {
	k := c.PriorWeight
	s2 := (k*pooled*pooled + float64(m)*own*own) / (k + float64(m))
	s := math.Sqrt(s2)
	if !(s > 0) || math.IsInf(s, 0) {
		s = math.Max(pooled, 1e-9)
	}
	return s
}

// quantiles returns the z quantiles for method, n real observations and
// horizon h: the table's cell for (method, n's bucket, h). Beyond MaxH the
// last row is stretched in proportion to h, the growth of a trend error.
//
// A cell with no errors behind it (a table learnt where the method never
// ran on so short a history, or never so far ahead) is all zeros and would
// give intervals of no width, so the first cell with errors is used instead,
// in this order: the method's nearest shorter horizon in the bucket
// (stretched to h), then the same for auto, then both again in each shorter
// bucket (whose errors are wider, not narrower).
func (c *Calibration) quantiles(method string, n, h int) []float64 {
	candidates := []string{method}
	if method != MethodAuto {
		candidates = append(candidates, MethodAuto)
	}
	for b := c.bucket(n); b >= 0; b-- {
		for _, m := range candidates {
			tab, ok := c.Q[m]
			if !ok || b >= len(tab) {
				continue
			}
			row := tab[b]
			for j := min(h, len(row)); j >= 1; j-- {
				if !c.hasErrors(m, b, j) {
					continue
				}
				if j == h {
					return row[j-1]
				}
				f := float64(h) / float64(j)
				out := make([]float64, len(row[j-1]))
				for i, v := range row[j-1] {
					out[i] = v * f
				}
				return out
			}
		}
	}
	return c.Q[MethodAuto][0][0] // ReadCalibration and LearnCalibration make sure it holds errors
}

// hasErrors reports whether errors stand behind the cell of method, bucket b
// and horizon j. A table without sample counts is taken as full.
func (c *Calibration) hasErrors(method string, b, j int) bool {
	counts, ok := c.Samples[method]
	if !ok {
		return true
	}
	return b < len(counts) && j-1 < len(counts[b]) && counts[b][j-1] > 0
}

// quantileAt interpolates the quantile function (probs → q) at p; in the
// tails it follows the exponential tail fitted to the two outermost points.
func quantileAt(probs, q []float64, p float64) float64 {
	k := sort.SearchFloat64s(probs, p)
	switch {
	case k < len(probs) && probs[k] == p:
		return q[k]
	case k == 0:
		return q[0] - tailScale(probs[0], probs[1], q[0], q[1])*math.Log(probs[0]/p)
	case k == len(probs):
		m := len(probs) - 1
		return q[m] + tailScale(1-probs[m], 1-probs[m-1], q[m], q[m-1])*math.Log((1-probs[m])/(1-p))
	}
	t := (p - probs[k-1]) / (probs[k] - probs[k-1])
	return q[k-1] + t*(q[k]-q[k-1])
}

// cdfAt inverts quantileAt: the probability that z ≤ v.
func cdfAt(probs, q []float64, v float64) float64 {
	m := len(q) - 1
	switch {
	case v < q[0]:
		tau := tailScale(probs[0], probs[1], q[0], q[1])
		return probs[0] * math.Exp((v-q[0])/tau)
	case v >= q[m]:
		tau := tailScale(1-probs[m], 1-probs[m-1], q[m], q[m-1])
		return 1 - (1-probs[m])*math.Exp(-(v-q[m])/tau)
	}
	k := sort.SearchFloat64s(q, v) // q[k-1] < v <= q[k]
	if k == 0 {
		return probs[0]
	}
	if q[k] == q[k-1] {
		return probs[k]
	}
	t := (v - q[k-1]) / (q[k] - q[k-1])
	return probs[k-1] + t*(probs[k]-probs[k-1])
}

// tailScale is τ of an exponential tail p(z) = p₀ exp(−|z − q₀|/τ) through
// (q₀, p₀) and (q₁, p₁), p₀ < p₁ the tail probabilities.
func tailScale(p0, p1, q0, q1 float64) float64 {
	tau := math.Abs(q1-q0) / math.Log(p1/p0)
	if !(tau > 1e-9) {
		tau = 1e-9
	}
	return tau
}

// ReadCalibration decodes a table written by LearnCalibration's tool
// (forecast/internal/calibrate).
func ReadCalibration(b []byte) (*Calibration, error) {
	var c Calibration
	if err := json.Unmarshal(b, &c); err != nil {
		return nil, fmt.Errorf("decode calibration: %w", err)
	}
	if len(c.Probs) < 2 || len(c.Buckets) == 0 || len(c.Q[MethodAuto]) != len(c.Buckets) {
		return nil, fmt.Errorf("decode calibration: the table is incomplete")
	}
	for method, tab := range c.Q {
		if len(tab) != len(c.Buckets) {
			return nil, fmt.Errorf("decode calibration: %s has %d buckets, want %d", method, len(tab), len(c.Buckets))
		}
		for b, row := range tab {
			if len(row) == 0 {
				return nil, fmt.Errorf("decode calibration: %s, bucket %d has no horizons", method, b)
			}
			for j, q := range row {
				if len(q) != len(c.Probs) {
					return nil, fmt.Errorf("decode calibration: %s, bucket %d, horizon %d has %d quantiles, want %d", method, b, j+1, len(q), len(c.Probs))
				}
			}
		}
	}
	if !c.hasErrors(MethodAuto, 0, 1) {
		return nil, fmt.Errorf("decode calibration: auto has no errors for the shortest histories one year ahead, which every other cell falls back to")
	}
	return &c, nil
}
