package forecast

import (
	"math"
	"math/rand/v2"
	"testing"
)

// The fan never narrows: for every length of history the table's buckets
// meet (2 to 40 figures, every bucket from 2 to 25+), every method, and
// every horizon up to MaxHorizon, each quantile of the projection stands at
// least as far from the centre as the same quantile a year earlier, on the
// working scale (log, logit or the series' own), below the centre and above
// it alike; so do the probabilities of a figure a given distance below or
// above the centre, which are at least as large a year further ahead; and
// the 80% and 95% intervals are at least as wide. This holds for the
// table's own probability levels (0.5% to 99.5%) and for the exponential
// tails beyond them (1 in a million to 1 in 200), which the probability of
// a far target is read from; the table's cells, learnt apart, are noisy by
// horizon, and a fan built from them as they are notches and narrows.
func TestTheFanNeverNarrowsWithTheHorizon(t *testing.T) {
	probs := []float64{1e-6, 1e-4, 0.001, 0.003, 0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.3, 0.45,
		0.55, 0.7, 0.8, 0.9, 0.95, 0.975, 0.99, 0.995, 0.997, 0.999, 1 - 1e-4, 1 - 1e-6}
	share := Limits{NonNegative: true, Upper: 100} // a percentage of a whole (LimitsOf)
	rng := rand.New(rand.NewPCG(8, 33))
	shapes := []struct {
		name  string
		scale string
		lim   Limits
		gen   func(n int) []float64
	}{
		{"a level growing 5% a year (log scale)", "log", Limits{NonNegative: true}, func(n int) []float64 { return walk(rng, n, 100, 0.05, 0.04) }},
		{"a share rising toward 100 (logit scale)", "logit", share, func(n int) []float64 {
			v := make([]float64, n)
			for i := range v {
				v[i] = 100 - 60*math.Exp(-0.08*float64(i)+0.05*rng.NormFloat64())
			}
			return v
		}},
		{"a balance around zero (own scale)", "own", Limits{}, func(n int) []float64 {
			v := make([]float64, n)
			for i := range v {
				v[i] = 3*math.Sin(float64(i)) + rng.NormFloat64()
			}
			v[0] = -2
			return v
		}},
	}
	for _, sh := range shapes {
		for n := 2; n <= 40; n++ {
			v := sh.gen(n)
			years := make([]int, n)
			for i := range years {
				years[i] = 2000 + i
			}
			for _, method := range Methods() {
				r, err := Forecast(years, v, Options{Horizon: MaxHorizon, Method: method, Limits: sh.lim, SkipBacktest: true})
				if err != nil {
					continue // a model too short for n; auto never is
				}
				if want := map[string]WorkScale{"log": ScaleLog, "logit": ScaleLogit, "own": ScaleUnit}[sh.scale]; r.WorkScale != want {
					t.Fatalf("%s, n %d: modelled on scale %v, want %v", sh.name, n, r.WorkScale, want)
				}
				work := r.prep.work
				centre := func(year int) float64 { return work(r.Quantile(year, 0.5)) }
				// dist is the distance of quantile p from the centre, on the
				// working scale; NaN within a thousandth of a share's limit,
				// where the logit of a float64 is too coarse to compare.
				dist := func(year int, p float64) float64 {
					q := r.Quantile(year, p)
					if sh.lim.Upper > 0 && (q < 1e-3 || q > sh.lim.Upper-1e-3) {
						return math.NaN()
					}
					return math.Abs(work(q) - centre(year))
				}
				// beyond is the probability of a figure d·Scale or further from the centre, on p's side.
				beyond := func(year int, lower bool, d float64) float64 {
					c := centre(year)
					if lower {
						return r.CDF(year, r.prep.back(c-d*r.Scale))
					}
					return 1 - r.CDF(year, r.prep.back(c+d*r.Scale))
				}
				for j := 1; j < len(r.Points); j++ {
					y0, y1 := r.LastYear+j, r.LastYear+j+1
					for _, p := range probs {
						d0, d1 := dist(y0, p), dist(y1, p)
						if finite(d0) && finite(d1) && d1 < d0-1e-9*(1+d0) {
							t.Errorf("%s, n %d, %s: the %g quantile is %.6g from the centre %d years ahead, but only %.6g %d years ahead",
								sh.name, n, method, p, d0, j, d1, j+1)
						}
					}
					for _, lower := range []bool{true, false} {
						for _, d := range []float64{0.5, 2, 5, 10, 20, 40} {
							p0, p1 := beyond(y0, lower, d), beyond(y1, lower, d)
							if p1 < p0-1e-9 {
								t.Errorf("%s, n %d, %s: a figure %g scales %s the centre has probability %.6g %d years ahead, but only %.6g %d years ahead",
									sh.name, n, method, d, map[bool]string{true: "below", false: "above"}[lower], p0, j, p1, j+1)
							}
						}
					}
					a, b := r.Points[j-1], r.Points[j]
					for _, w := range [][4]float64{{a.Lo80, a.Hi80, b.Lo80, b.Hi80}, {a.Lo95, a.Hi95, b.Lo95, b.Hi95}} {
						w0, w1 := work(w[1])-work(w[0]), work(w[3])-work(w[2])
						if finite(w0) && finite(w1) && w1 < w0-1e-9*(1+w0) {
							t.Errorf("%s, n %d, %s: interval %v–%v in %d is narrower than %v–%v in %d", sh.name, n, method, w[2], w[3], y1, w[0], w[1], y0)
						}
					}
				}
			}
		}
	}
}
