package charts

import (
	"math"
	"strconv"

	"github.com/plancast/plancast"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
)

// yearTicks labels whole years only: a step of 1, 2, 5, 10, 20 or 50 years
// chosen so that at most maxLabels labels appear, with an unlabelled minor
// tick on every other year when the step is 5 or less.
type yearTicks struct{ maxLabels int }

func (t yearTicks) Ticks(min, max float64) []plot.Tick {
	lo, hi := int(math.Ceil(min)), int(math.Floor(max))
	if hi < lo {
		return nil
	}
	n := t.maxLabels
	if n < 2 {
		n = 2
	}
	step := 1
	for _, s := range []int{1, 2, 5, 10, 20, 50, 100} {
		step = s
		if (hi-lo)/s+1 <= n {
			break
		}
	}
	var ticks []plot.Tick
	for y := lo; y <= hi; y++ {
		switch {
		case y%step == 0:
			ticks = append(ticks, plot.Tick{Value: float64(y), Label: strconv.Itoa(y)})
		case step <= 5:
			ticks = append(ticks, plot.Tick{Value: float64(y)})
		}
	}
	return ticks
}

// niceStep returns a round step (1, 2, 2.5 or 5 times a power of ten) that
// divides span into about n intervals.
func niceStep(span float64, n int) float64 {
	if span <= 0 || n < 1 {
		return 1
	}
	raw := span / float64(n)
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if m*mag >= raw {
			return m * mag
		}
	}
	return 10 * mag
}

// stepPrec is the number of decimals needed to write multiples of step.
func stepPrec(step float64) int {
	p := 0
	for p < 6 && math.Abs(step*math.Pow(10, float64(p))-math.Round(step*math.Pow(10, float64(p)))) > 1e-9*math.Pow(10, float64(p)) {
		p++
	}
	return p
}

// tickStep returns the round step (1, 2, 2.5 or 5 times a power of ten)
// that divides span into the number of intervals nearest n, the larger
// step on a tie. niceStep, the smallest round step making at most n, can
// make as few as n/2: an axis from 0 to 282 got ticks at 0, 100 and 200
// only, none near a target of 250; it now gets one every 50.
func tickStep(span float64, n int) float64 {
	if span <= 0 || n < 1 {
		return 1
	}
	mag := math.Pow(10, math.Floor(math.Log10(span/float64(n))))
	best, bestOff := 0.0, math.Inf(1)
	for _, p := range []float64{mag / 10, mag, mag * 10} {
		for _, m := range []float64{1, 2, 2.5, 5} {
			step := m * p
			if off := math.Abs(span/step - float64(n)); off <= bestOff {
				best, bestOff = step, off
			}
		}
	}
	return best
}

// valueIntervals is how many intervals the value axis of a plot height
// tall is divided into: about one per 45 points, from 2 to 5, so that a
// small chart's labels do not stand shoulder to shoulder.
func valueIntervals(height vg.Length) int {
	return min(5, max(2, int(height/vg.Points(45))))
}

// valueTicks puts about n round ticks on the value axis, labelled with
// thousands separators (33,029) and as many decimals as the step needs.
type valueTicks struct{ n int }

func (t valueTicks) Ticks(min, max float64) []plot.Tick {
	step := tickStep(max-min, t.n)
	prec := stepPrec(step)
	var ticks []plot.Tick
	// up to max and a hair more, but never past the largest float64 (in
	// which every tick would be under the limit); and never more than
	// maxValueTicks, nor where k++ no longer moves k, however the range
	// and the step came about
	upper := max + 1e-9*step
	if math.IsInf(upper, 1) {
		upper = max
	}
	for k := math.Ceil(min/step - 1e-9); k*step <= upper && len(ticks) < maxValueTicks && k+1 != k; k++ {
		v := k * step
		if math.Abs(v) < step*1e-9 {
			v = 0
		}
		ticks = append(ticks, plot.Tick{Value: v, Label: plancast.FormatNumber(v, prec)})
	}
	return ticks
}

// maxValueTicks bounds the ticks valueTicks makes (it makes about n).
const maxValueTicks = 100
