package forecast

import (
	"math"
	"strings"
	"testing"

	"github.com/plancast/plancast"
)

// A growth target judged on the growth stated with the figures (GDP's, at
// comparable prices) asks the rest of the year for a growth on that basis
// too. The answer gave only the current prices' need: Jincheng's 2026
// January–September, 1,875.6, "+6.3% at current prices (stated +5.0%)"
// on months of 2025 taken from that stated growth, read "the rest of the
// year needs +6.3% on the same months of 2025" against a target of +5%,
// which the months, on the basis the target is judged on, already grow at.
//
// The rest's need is given at current prices (as the months' change is)
// and on the stated basis the target is judged on, at the year's gap the
// judgement takes (RequiredRestStatedGrowth): for the months' stated
// growth to meet the target, the rest must grow on the stated basis as the
// target asks; for a target of +6% it needs the growth s with which the
// year, P + R₀·(1 + s)·e^d, is 6% above the year before on the stated
// basis: (P + R₀·(1 + s)·e^d)/(A₀·e^d) = 1.06, d the year's gap. Whether
// the year before's months are stored (d the months' own, log(P/P₀) −
// log(1 + g)) or taken from the stated growth (d the yearly figures'),
// in English and in Chinese. A level target, and a growth target without
// stated growths, are judged at current prices: the need is said once.
func TestTheRestOfTheYearsNeedIsGivenOnTheBasisTheTargetIsJudgedOn(t *testing.T) {
	stated := jinchengStated(t)
	const p, a0 = 1875.6, 2420.9 // 2026's January–September, 2025's whole figure
	carried := plancast.MeasureStatedGap(jinchengYears, jinchengValues, stated).Year(2026)
	for _, c := range []struct {
		name    string
		months  map[int]float64
		target  float64
		d       float64 // the year's gap the judgement takes
		english string  // the need as the explanation words it: current (stated)
		chinese string
	}{
		{"months stored, on the target's pace", map[int]float64{2025: 1790.4, 2026: p}, 5, math.Log(p/1790.4) - math.Log(1.05),
			"the rest of the year needs +4.8% at current prices (+5.0% on the stated basis the target is judged on) on the same months of 2025",
			"其余月份现价同比增速需不低于4.8%（按目标所依据的公布增速口径需不低于5.0%）"},
		{"months stored, a target of +6%", map[int]float64{2025: 1790.4, 2026: p}, 6, math.Log(p/1790.4) - math.Log(1.05), "", ""},
		{"months taken from the stated growth", map[int]float64{2026: p}, 5, carried,
			"the rest of the year needs +6.3% at current prices (+5.0% on the stated basis the target is judged on) on the same months of 2025",
			"其余月份现价同比增速需不低于6.3%（按目标所依据的公布增速口径需不低于5.0%）"},
		{"months taken, a target of +6%", map[int]float64{2026: p}, 6, carried, "", ""},
	} {
		tg := jincheng2026
		tg.Value = c.target
		a, err := Assess(tg, gdp, jinchengYears, jinchengValues, Options{Stated: stated, YearToDate: []plancast.Series{janSep(c.months, 5.0)}})
		if err != nil {
			t.Fatal(err)
		}
		y := a.YearToDate
		if y == nil || y.RequiredRestGrowth == nil || y.RequiredRestStatedGrowth == nil {
			t.Fatalf("%s: year to date %+v, want the rest's need at current prices and on the stated basis", c.name, y)
		}
		rest := a0 - y.Prior
		if y.PriorFromStated {
			rest = a0 - p/((1+*y.StatedGrowth)*math.Exp(carried)) // as judged, not as shown
		}
		s := *y.RequiredRestStatedGrowth
		if year := (p + rest*(1+s)*math.Exp(c.d)) / (a0 * math.Exp(c.d)); math.Abs(year-(1+c.target/100)) > 1e-9 {
			t.Errorf("%s: the rest growing %.4f on the stated basis makes the year %+.4f%% on it, want the target's %v%%", c.name, s, 100*(year-1), c.target)
		}
		// The current prices' need is the same growth at the year's gap.
		if cur := (1+s)*math.Exp(c.d) - 1; math.Abs(cur-*y.RequiredRestGrowth) > 1e-9 {
			t.Errorf("%s: at current prices %.6f, want %.6f, the stated basis's need at the year's gap", c.name, *y.RequiredRestGrowth, cur)
		}
		if c.english == "" {
			cur := plancast.Signed(plancast.HalfAway(100**y.RequiredRestGrowth, 1), 1)
			st := plancast.Signed(plancast.HalfAway(100*s, 1), 1)
			c.english = "the rest of the year needs " + cur + "% at current prices (" + st + "% on the stated basis the target is judged on) on the same months of 2025"
			c.chinese = "其余月份现价同比增速需不低于" + strings.TrimPrefix(cur, "+") + "%（按目标所依据的公布增速口径需不低于" + strings.TrimPrefix(st, "+") + "%）"
			if s <= 0.05 {
				t.Errorf("%s: the rest needs %.4f on the stated basis, want above the months' +5.0%% for a target of +6%%", c.name, s)
			}
		}
		saysAndNot(t, c.name, a.Explanation, []string{c.english}, nil)
		saysAndNot(t, c.name+" (zh)", a.ExplanationZh, []string{c.chinese}, nil)
	}

	// Judged at current prices: a level target, a growth target without
	// stated growths. The need is the current prices', said once.
	level := plancast.Target{Region: "jincheng", Indicator: "gdp", Plan: "2026-annual", Kind: plancast.TargetLevel, Year: 2026, Value: 2600}
	for _, c := range []struct {
		name   string
		target plancast.Target
		stated []plancast.StatedGrowth
	}{
		{"a level target", level, stated},
		{"a growth target without stated growths", jincheng2026, nil},
	} {
		a, err := Assess(c.target, gdp, jinchengYears, jinchengValues, Options{Stated: c.stated,
			YearToDate: []plancast.Series{janSep(map[int]float64{2025: 1790.4, 2026: p}, 5.0)}})
		if err != nil {
			t.Fatal(err)
		}
		if y := a.YearToDate; y == nil || y.RequiredRestGrowth == nil || y.RequiredRestStatedGrowth != nil {
			t.Errorf("%s: year to date %+v, want the rest's need at current prices alone", c.name, y)
		}
		saysAndNot(t, c.name, a.Explanation, []string{"; the rest of the year needs +"}, []string{"stated basis"})
		saysAndNot(t, c.name+" (zh)", a.ExplanationZh, []string{"；其余月份同比增速需不低于"}, []string{"口径"})
	}
}
