package forecast

import (
	"math"
	"testing"
)

// growth returns n yearly values growing by the given log changes in turn.
func growth(n int, changes ...float64) []float64 {
	v := make([]float64, n)
	v[0] = 100
	for i := 1; i < n; i++ {
		v[i] = v[i-1] * math.Exp(changes[(i-1)%len(changes)])
	}
	return v
}

func TestGroupPooledScalesKeepKindsApart(t *testing.T) {
	var series [][]float64
	var groups []string
	for range 20 {
		series = append(series, growth(13, 0.02)) // smooth: 2% a year
		groups = append(groups, "population")
		series = append(series, growth(13, 0.3, -0.2)) // noisy: 12 changes of ±0.3/0.2
		groups = append(groups, "sales")
	}
	got := GroupPooledScales(series, groups)
	all := PooledScaleOf(series)
	// Each group of 20 is pulled 5/25 of the way toward the all-series median.
	for g, own := range map[string]float64{"population": 0.02, "sales": 0.25} {
		want := (20*own + 5*all) / 25
		if math.Abs(got[g]-want) > 1e-9 {
			t.Errorf("%s: s₀ = %.5f, want (20·%.2f + 5·%.4f)/25 = %.5f", g, got[g], own, all, want)
		}
	}
	if !(got["population"] < all && all < got["sales"]) {
		t.Errorf("s₀ population %.4f, all %.4f, sales %.4f: want the smooth kind below the pool and the noisy above", got["population"], all, got["sales"])
	}
}

func TestGroupPooledScalesSmallAndUnusableGroups(t *testing.T) {
	series := [][]float64{growth(10, 0.05), growth(10, 0.05), growth(10, 0.05), growth(10, 0.1), {5, 0, 7}, {3}}
	groups := []string{"a", "a", "a", "b", "c", "d"}
	got := GroupPooledScales(series, groups)
	all := PooledScaleOf(series) // median of 0.05, 0.05, 0.05, 0.1
	if want := (1*0.1 + 5*all) / 6; math.Abs(got["b"]-want) > 1e-9 {
		t.Errorf("one-series group b: s₀ = %.5f, want %.5f (mostly the pool)", got["b"], want)
	}
	for _, g := range []string{"c", "d"} { // a zero, a single value: nothing usable
		if got[g] != all {
			t.Errorf("group %s has no usable series: s₀ = %v, want the all-series %v", g, got[g], all)
		}
	}
}
