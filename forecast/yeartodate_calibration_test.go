package forecast

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/plancast/plancast"
)

// The year-to-date intervals are checked against outcomes: years simulated
// from a random walk of monthly shocks, whose one-year spread is known, and
// the years that followed in real monthly and quarterly flows, projected by
// the engine as it is.

// ytdPeriods are the periods checked, with the months they cover.
var ytdPeriods = []struct {
	period string
	months int
}{{"q1", 3}, {"h1", 6}, {"jan-sep", 9}, {"jan-nov", 11}}

// coverage counts the outcomes inside a year's 80% and 95% intervals and
// the 80% interval's width on the log scale.
type coverage struct {
	n, in80, in95 int
	width80       float64
}

func (c *coverage) add(pt plancast.ProjectionPoint, outcome float64) {
	c.n++
	if outcome >= pt.Lo80 && outcome <= pt.Hi80 {
		c.in80++
	}
	if outcome >= pt.Lo95 && outcome <= pt.Hi95 {
		c.in95++
	}
	c.width80 += math.Log(pt.Hi80 / pt.Lo80)
}

func (c coverage) rates() (cov80, cov95, width float64) {
	n := float64(c.n)
	return float64(c.in80) / n, float64(c.in95) / n, c.width80 / n
}

// ytdSeries is a year-to-date series of period from figures by year.
func ytdSeries(period string, figures map[int]float64) plancast.Series {
	s := plancast.Series{Region: "r", Indicator: "gdp", Period: period}
	for y, v := range figures {
		s.Observations = append(s.Observations, plancast.Observation{Region: "r", Indicator: "gdp", Period: period, Year: y, Value: v})
	}
	slices.SortFunc(s.Observations, func(a, b plancast.Observation) int { return a.Year - b.Year })
	return s
}

// A yearly flow whose monthly log level is a random walk with drift,
// L_t = L_{t−1} + 0.005 + 0.01·ε_t: the growth of a year on the year before
// then spreads 0.01·√1156/12 = 2.83% around its mean. With the yearly
// model's one-year distribution set to exactly that (normal), the year's
// 80% and 95% intervals from its first quarter, half, January–September
// and January–November cover 80% and 95% of 4,000 simulated years each
// (within 2.5 and 1.2 points, four standard errors), with no past years to
// learn from and with five, and they narrow as the months known grow. The
// same shocks in months weighted as China's GDP's quarters (22%, 24%, 25%,
// 29% of the year) move c_rw by up to 3% (1.031 after the first quarter,
// 0.986 after November, against 1.007 and 1.021 for equal months), and the
// coverage by up to 1.5 points more. (The rest of the year spread as
// √(12/(12 − m)) yearly spreads, as before, covered 85%, 92%, 99% and 100%
// of the seasonal years in its 80% intervals; as √((12 − m)/12) of one,
// 72%, 63%, 49% and 29%.)
func TestYearToDateIntervalsCoverSimulatedRandomWalks(t *testing.T) {
	const (
		trials = 4000
		sigma  = 0.01
		drift  = 0.005
		first  = 2019 // the first simulated year; 2025 is the year in progress
	)
	s := sigma * math.Sqrt(1156) / 12 // the sd of a year's growth, 2.833σ
	cal, err := DefaultCalibration()
	if err != nil {
		t.Fatal(err)
	}
	normal := make([]float64, len(cal.Probs))
	for k, p := range cal.Probs {
		normal[k] = math.Sqrt2 * math.Erfinv(2*p-1)
	}
	rng := rand.New(rand.NewPCG(2026, 9))
	levels := make([][]float64, trials) // the monthly log levels of 2019–2025
	for i := range levels {
		level := math.Log(100)
		for range 12 * 7 {
			level += drift + sigma*rng.NormFloat64()
			levels[i] = append(levels[i], level)
		}
	}
	var equal, chinese [12]float64
	for j := range 12 {
		equal[j], chinese[j] = 1, []float64{0.88, 0.96, 1.00, 1.16}[j/3]
	}
	for _, c := range []struct {
		name         string
		season       [12]float64
		history      bool
		tol80, tol95 float64
	}{
		{"equal months", equal, false, 0.025, 0.012},
		{"equal months, five past years", equal, true, 0.025, 0.012},
		{"China's quarters", chinese, false, 0.04, 0.02},
		{"China's quarters, five past years", chinese, true, 0.04, 0.02},
	} {
		cov := make([]coverage, len(ytdPeriods))
		var growths []float64
		for _, l := range levels {
			sum := func(y, k int) float64 { // the first k months of year y
				x := 0.0
				for j := range k {
					x += c.season[j] * math.Exp(l[12*(y-first)+j])
				}
				return x
			}
			var years []int
			var values []float64
			for y := first; y < first+6; y++ {
				years, values = append(years, y), append(values, sum(y, 12))
			}
			outcome := sum(first+6, 12)
			growths = append(growths, math.Log(outcome/values[5]))
			r, err := Forecast(years, values, Options{Horizon: 1, SkipBacktest: true})
			if err != nil {
				t.Fatal(err)
			}
			r.Scale, r.probs, r.zq = s, cal.Probs, [][]float64{normal}
			for i, p := range ytdPeriods {
				figures := map[int]float64{first + 5: sum(first+5, p.months), first + 6: sum(first+6, p.months)}
				if c.history {
					for y := first; y < first+5; y++ {
						figures[y] = sum(y, p.months)
					}
				}
				y := r.YearToDate(gdp, []plancast.Series{ytdSeries(p.period, figures)}, nil)
				if y == nil {
					t.Fatalf("%s, %s: no year to date", c.name, p.period)
				}
				cov[i].add(y.Nowcast, outcome)
			}
		}
		if mean, sd := meanSD(growths); math.Abs(sd/s-1) > 0.05 {
			t.Errorf("%s: the simulated years' growth spreads %.4f around %.4f, want about 2.833σ = %.4f", c.name, sd, mean, s)
		}
		last := math.Inf(1)
		for i, p := range ytdPeriods {
			c80, c95, w := cov[i].rates()
			t.Logf("%-33s %-7s (%2d months): 80%% interval covers %.3f, 95%% %.3f, 80%% width %.4f", c.name, p.period, p.months, c80, c95, w)
			if math.Abs(c80-0.8) > c.tol80 || math.Abs(c95-0.95) > c.tol95 {
				t.Errorf("%s, %s: the year's 80%% and 95%% intervals cover %.3f and %.3f of simulated years, want 0.80 ± %.3f and 0.95 ± %.3f", c.name, p.period, c80, c95, c.tol80, c.tol95)
			}
			if !(w < last) {
				t.Errorf("%s, %s: the 80%% interval (%.4f on the log scale) is no narrower than with fewer months (%.4f)", c.name, p.period, w, last)
			}
			last = w
		}
	}
}

func meanSD(x []float64) (mean, sd float64) {
	for _, v := range x {
		mean += v
	}
	mean /= float64(len(x))
	for _, v := range x {
		sd += (v - mean) * (v - mean)
	}
	return mean, math.Sqrt(sd / float64(len(x)-1))
}

// subannual reads testdata/subannual.csv: per series, its sub-annual
// figures per year (12 months or 4 quarters), complete years only.
func subannual(t *testing.T) (names []string, freq map[string]int, figures map[string]map[int][]float64) {
	freq, figures = map[string]int{}, map[string]map[int][]float64{}
	for _, r := range readCSV(t, "testdata/subannual.csv") {
		name := r[0]
		f, err := strconv.Atoi(r[1])
		if err != nil {
			t.Fatal(err)
		}
		y, err := strconv.Atoi(r[2])
		if err != nil {
			t.Fatal(err)
		}
		if _, ok := freq[name]; !ok {
			names = append(names, name)
			freq[name], figures[name] = f, map[int][]float64{}
		}
		figures[name][y] = append(figures[name][y], atof(t, r[4]))
	}
	for _, name := range names {
		for y, v := range figures[name] {
			if len(v) != freq[name] {
				delete(figures[name], y)
			}
		}
	}
	return names, freq, figures
}

// On 14 real flows that add up over the year (testdata/subannual.R: US GDP,
// consumption, investment, government spending, disposable income and
// industrial production, UK non-durables and gas, Dutch retail sales,
// airline passengers, ...), each year after ten complete ones is judged on
// its year to date by the engine as it is (the yearly model of the ten
// years before it), for the periods their months or quarters give (q1, h1,
// jan-sep; jan-nov from the monthly ones), with the period's figures of the
// ten years before to learn from and with those of the year before alone.
// The year's 80% intervals cover between 75% and 95% of those years for
// each period, the 95% intervals at least 90%: about right, on the wide
// side (87–89% and 99% with the years to learn from, 92–94% without, but
// 80% after November), as the yearly model's spread, learnt on yearly
// series, is for the months of a year. (With the rest's spread at
// √(12/(12 − m)) yearly spreads, as before, the 80% intervals covered 95%,
// 96%, 98% and 99%; at √((12 − m)/12) of one, 88%, 88%, 72% and 30%.)
func TestYearToDateIntervalsCoverRealYears(t *testing.T) {
	names, freq, figures := subannual(t)
	const window = 10
	for _, history := range []bool{true, false} {
		cov := make([]coverage, len(ytdPeriods))
		for _, name := range names {
			byYear := figures[name]
			var all []int
			for y := range byYear {
				all = append(all, y)
			}
			slices.Sort(all)
			part := func(y, months int) float64 {
				x := 0.0
				for _, v := range byYear[y][:months*freq[name]/12] {
					x += v
				}
				return x
			}
			for i := window; i < len(all); i++ {
				if all[i]-all[i-window] != window {
					continue
				}
				years := all[i-window : i]
				values := make([]float64, window)
				for j, y := range years {
					values[j] = part(y, 12)
				}
				r, err := Forecast(years, values, Options{Horizon: 1, SkipBacktest: true})
				if err != nil {
					t.Fatal(err)
				}
				for k, p := range ytdPeriods {
					if p.months*freq[name]%12 != 0 {
						continue
					}
					toDate := map[int]float64{}
					for _, y := range all[i-window : i+1] {
						if history || y >= all[i]-1 {
							toDate[y] = part(y, p.months)
						}
					}
					y := r.YearToDate(gdp, []plancast.Series{ytdSeries(p.period, toDate)}, nil)
					if y == nil {
						t.Fatalf("%s %d %s: no year to date", name, all[i], p.period)
					}
					cov[k].add(y.Nowcast, part(all[i], 12))
				}
			}
		}
		var table strings.Builder
		for k, p := range ytdPeriods {
			c80, c95, w := cov[k].rates()
			fmt.Fprintf(&table, "\nhistory %5v, %-7s %4d years: 80%% covers %.3f, 95%% %.3f, 80%% width %.4f", history, p.period, cov[k].n, c80, c95, w)
			if c80 < 0.75 || c80 > 0.95 || c95 < 0.9 {
				t.Errorf("history %v, %s: the year's 80%% and 95%% intervals cover %.3f and %.3f of %d real years, want 0.75–0.95 and at least 0.90", history, p.period, c80, c95, cov[k].n)
			}
		}
		t.Log(table.String())
	}
}

// The same 14 real flows, each year judged from the figures of ten
// complete years ending two or three years before it (the years between
// without a figure, as when a bureau's yearly figure lags its months): the
// year is taken from its months in the proportion of the latest year's to
// that year's whole figure, its spread one year's u learnt from the
// series' own years as far apart (D − D_L). Its 80% intervals cover 75–95%
// of those years for each period, the 95% intervals at least 90%, as for
// the year after the latest figure (78–89% and 96–99% with the years to
// learn from, 76–92% and 96–99% without; learnt from years one apart
// instead, January–November's 80% interval covered 72% three years on). A
// growth over the year before, itself taken at its nowcast, is judged as
// over a stored figure, spread as one year's u (D − D₀: the two years'
// proportion to the latest year's cancels): 80–94% and 96–99%.
func TestYearToDateThroughYearsWithoutAFigureCoversRealYears(t *testing.T) {
	names, freq, figures := subannual(t)
	const window = 10
	for _, c := range []struct {
		gap    int
		growth bool // the growth over the year before, not the level
	}{{2, false}, {3, false}, {2, true}} {
		for _, history := range []bool{true, false} {
			cov := make([]coverage, len(ytdPeriods))
			for _, name := range names {
				byYear := figures[name]
				var all []int
				for y := range byYear {
					all = append(all, y)
				}
				slices.Sort(all)
				part := func(y, months int) float64 {
					x := 0.0
					for _, v := range byYear[y][:months*freq[name]/12] {
						x += v
					}
					return x
				}
				for i := window + c.gap - 1; i < len(all); i++ {
					from := all[i] - window - c.gap + 1
					if all[i-window-c.gap+1] != from {
						continue
					}
					years := all[i-window-c.gap+1 : i-c.gap+1]
					values := make([]float64, window)
					for j, y := range years {
						values[j] = part(y, 12)
					}
					r, err := Forecast(years, values, Options{Horizon: c.gap, SkipBacktest: true})
					if err != nil {
						t.Fatal(err)
					}
					for k, p := range ytdPeriods {
						if p.months*freq[name]%12 != 0 {
							continue
						}
						toDate := map[int]float64{}
						for _, y := range all[i-window-c.gap+1 : i+1] {
							if history || y >= years[len(years)-1] {
								toDate[y] = part(y, p.months)
							}
						}
						y, _, _, _ := r.yearToDate(gdp, []plancast.Series{ytdSeries(p.period, toDate)}, all[i], nil)
						if y == nil || y.PriorNowcast == nil {
							t.Fatalf("%s %d %s: not judged through %d–%d", name, all[i], p.period, all[i]-c.gap+1, all[i]-1)
						}
						if !c.growth {
							cov[k].add(y.Nowcast, part(all[i], 12))
							continue
						}
						b, pt := *y.PriorNowcast, y.over(all[i]-1).Nowcast
						cov[k].add(plancast.ProjectionPoint{Lo80: pt.Lo80 / b, Hi80: pt.Hi80 / b, Lo95: pt.Lo95 / b, Hi95: pt.Hi95 / b},
							part(all[i], 12)/part(all[i]-1, 12))
					}
				}
			}
			var table strings.Builder
			for k, p := range ytdPeriods {
				c80, c95, w := cov[k].rates()
				fmt.Fprintf(&table, "\n%d years on, growth %5v, history %5v, %-7s %4d years: 80%% covers %.3f, 95%% %.3f, 80%% width %.4f", c.gap, c.growth, history, p.period, cov[k].n, c80, c95, w)
				if c80 < 0.75 || c80 > 0.95 || c95 < 0.9 {
					t.Errorf("%d years on, growth %v, history %v, %s: the 80%% and 95%% intervals cover %.3f and %.3f of %d real years, want 0.75–0.95 and at least 0.90", c.gap, c.growth, history, p.period, c80, c95, cov[k].n)
				}
			}
			t.Log(table.String())
		}
	}
}
