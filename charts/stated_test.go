package charts

import (
	"image"
	"math"
	"strings"
	"testing"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/forecast"
)

func statedObs(year int, v, growth float64, base int) plancast.Observation {
	o := obs("houma", "gdp", year, v)
	o.Growth, o.GrowthBaseYear = &growth, base
	return o
}

// A growth target's path ends at the level the assessment judges it
// against: the base's level grown by the target and by the gap between the
// stated growth and the levels' own, each formula worked out by hand.
func TestAGrowthTargetsPathEndsWhereItIsJudged(t *testing.T) {
	// Houma: 88.9 → 120.8 over 2016–2020, stated 5.3% a year.
	d := math.Log(120.8/88.9)/5 - math.Log(1.053) // the gap a year, ≈ 0.97%
	gap := plancast.StatedGapOf([]plancast.Observation{obs("houma", "gdp", 2015, 88.9), statedObs(2020, 120.8, 5.3, 2015)})
	cases := []struct {
		name  string
		t     plancast.Target
		start int
		gap   *plancast.StatedGap
		want  []float64 // the path from start to the target year
	}{
		{"GDP +8.5% in 2021, as stated", plancast.Target{Kind: plancast.TargetGrowth, Year: 2021, Value: 8.5}, 2020, gap,
			[]float64{120.8, 120.8 * 1.085 * math.Exp(d)}},
		{"the same on levels that state no growth", plancast.Target{Kind: plancast.TargetGrowth, Year: 2021, Value: 8.5}, 2020, nil,
			[]float64{120.8, 120.8 * 1.085}},
		{"+20% over two years compounds to 1.2, not 1.2²", plancast.Target{Kind: plancast.TargetGrowth, BaseYear: 2020, Year: 2022, Value: 20}, 2020, gap,
			[]float64{120.8, 120.8 * math.Sqrt(1.2) * math.Exp(d), 120.8 * 1.2 * math.Exp(2*d)}},
		{"6% a year over 2021–2025", plancast.Target{Kind: plancast.TargetAvgGrowth, BaseYear: 2020, Year: 2025, Value: 6}, 2020, gap,
			[]float64{120.8, 120.8 * 1.06 * math.Exp(d), 120.8 * math.Pow(1.06, 2) * math.Exp(2*d), 120.8 * math.Pow(1.06, 3) * math.Exp(3*d),
				120.8 * math.Pow(1.06, 4) * math.Exp(4*d), 120.8 * math.Pow(1.06, 5) * math.Exp(5*d)}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := impliedPath(c.t, c.start, 120.8, c.gap, nil)
			if len(path) != len(c.want) {
				t.Fatalf("%d points, want %d: %v", len(path), len(c.want), path)
			}
			for i, p := range path {
				if int(p.x) != c.start+i || math.Abs(p.y-c.want[i]) > 1e-9*c.want[i] {
					t.Errorf("point %d = (%v, %.6f), want (%d, %.6f)", i, p.x, p.y, c.start+i, c.want[i])
				}
			}
		})
	}
}

// highestInk is the topmost row of r holding a pixel that keep accepts, and
// r.Max.Y when there is none.
func highestInk(img image.Image, r image.Rectangle, keep func(r, g, b uint8) bool) int {
	for y := r.Min.Y; y < r.Max.Y; y++ {
		if count(img, image.Rect(r.Min.X, y, r.Max.X, y+1), keep) > 0 {
			return y
		}
	}
	return r.Max.Y
}

// On the chart, revenue whose figures grew about 10% a year faster than
// their stated growth draws its growth targets' paths that much higher: the
// orange path's top rises over the projection years.
func TestTheChartDrawsGrowthTargetsAsStated(t *testing.T) {
	isImplied := func(r, g, b uint8) bool {
		return abs(int(r)-int(colImplied.R)) < 30 && abs(int(g)-int(colImplied.G)) < 30 && abs(int(b)-int(colImplied.B)) < 30
	}
	plain := houmaRevenue()
	stated := houmaRevenue()
	stated.History = append([]plancast.Observation(nil), stated.History...)
	for i := 1; i < len(stated.History); i++ {
		g := 2.0
		stated.History[i].Growth = &g // 2% a year, where the levels grew 7–20%
	}
	right := image.Rect(440, 40, 790, 440) // 2021–2025 and above
	top0 := highestInk(renderPNG(t, plain), right, isImplied)
	top1 := highestInk(renderPNG(t, stated), right, isImplied)
	if top0 == right.Max.Y {
		t.Fatal("no growth target path drawn")
	}
	if top1 > top0-30 {
		t.Errorf("the path's top is at row %d with a stated growth 10%% a year below the levels', %d without; want it ≥ 30 rows higher", top1, top0)
	}
}

// The source line says what a growth target's path adds, in either
// language, and that a gap under 0.05% is none.
func TestTheSourceLineSaysTheGap(t *testing.T) {
	gdp := plancast.StatedGapOf([]plancast.Observation{obs("houma", "gdp", 2015, 88.9), statedObs(2020, 120.8, 5.3, 2015)})
	income := plancast.StatedGapOf([]plancast.Observation{obs("houma", "gdp", 2015, 24500), statedObs(2020, 33029, 6.2, 2015)})
	deflation := plancast.StatedGapOf([]plancast.Observation{obs("houma", "gdp", 2015, 100), statedObs(2016, 101, 3, 0)})
	// A path over 2021–2025, years none of the statements covers: each
	// adds the mean gap.
	future := func(g *plancast.StatedGap) *statedUse {
		u := &statedUse{}
		u.add(g, 2020, 2025, nil)
		return u
	}
	cases := []struct {
		u    *statedUse
		lang string
		want []string
	}{
		{future(gdp), LangEn, []string{"plus the 1.0% a year", "faster than stated in 2016–2020."}},
		{future(gdp), LangZh, []string{"2016–2020年", "快于所述增速的1.0%。"}},
		{future(deflation), LangEn, []string{"less the 1.9% a year", "slower than stated in 2016."}},
		{future(deflation), LangZh, []string{"扣除2016年", "慢于所述增速的1.9%"}},
		{future(income), LangEn, []string{"matched the figures' own growth in 2016–2020."}},
		{future(income), LangZh, []string{"与所述增速一致"}},
	}
	for _, c := range cases {
		got := statedNote(c.u, c.lang)
		for _, w := range c.want {
			if !strings.Contains(got, w) {
				t.Errorf("%s note %q lacks %q", c.lang, got, w)
			}
		}
	}
}

// A path over years whose figures state their own growth is drawn with
// each year's own gap (impliedPath), not the mean; the source line says
// so, and names the mean only for the years it was added in.
func TestTheSourceLineNamesTheGapsThePathsWereDrawnWith(t *testing.T) {
	// 2016–2020 grew 1.0% a year faster than the stated 5.3%; 2021 grew
	// 12% on a stated 8%, a gap of its own of 3.7% a year.
	hist := []plancast.Observation{obs("houma", "gdp", 2015, 88.9), statedObs(2020, 120.8, 5.3, 2015), statedObs(2021, 120.8*1.12, 8, 2020)}
	// The mean the other years take is over the last five with a gap,
	// 2017–2021: (4·d + d₂₀₂₁)/5 ≈ 1.5%.
	d := math.Log(120.8/88.9)/5 - math.Log(1.053)
	d2021 := math.Log(1.12) - math.Log(1.08)
	if got := plancast.FormatNumber(100*math.Expm1(d2021), 1); got != "3.7" {
		t.Fatalf("the 2021 gap is %s%%, the case wants 3.7%%", got)
	}
	if got := plancast.FormatNumber(100*math.Expm1((4*d+d2021)/5), 1); got != "1.5" {
		t.Fatalf("the mean gap is %s%%, the case wants 1.5%%", got)
	}
	annual := plancast.Target{Region: "houma", Indicator: "gdp", Plan: "2021-annual", Kind: plancast.TargetGrowth, Year: 2021, Value: 8.5}
	plan := plancast.Target{Region: "houma", Indicator: "gdp", Plan: "14th-fyp", Kind: plancast.TargetAvgGrowth, BaseYear: 2020, Year: 2025, Value: 6}
	cases := []struct {
		name    string
		targets []plancast.Target
		lang    string
		want    []string
		notWant []string
	}{
		{"a 2021 target: 2021's own gap alone", []plancast.Target{annual}, LangEn,
			[]string{"with each year's own gap between the figures' growth and the stated growth in 2021."},
			[]string{"1.5%", "otherwise"}},
		{"the same in Chinese", []plancast.Target{annual}, LangZh,
			[]string{"并计入2021年各年数值增速与所述增速之差。"}, []string{"1.5%"}},
		{"a 2021–2025 target: 2021's own, the mean after", []plancast.Target{plan}, LangEn,
			[]string{"in 2021, and otherwise plus the 1.5% a year by which the figures grew faster than stated in 2017–2021."}, nil},
		{"the same in Chinese", []plancast.Target{plan}, LangZh,
			[]string{"计入2021年各年数值增速与所述增速之差，其余年份计入2017–2021年数值年均快于所述增速的1.5%。"}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := houmaGDP()
			s.History, s.Targets, s.Projection = hist, c.targets, nil
			s.Lang = c.lang
			f, err := historyFigure(&s)
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range c.want {
				if !strings.Contains(f.source, w) {
					t.Errorf("source line %q lacks %q", f.source, w)
				}
			}
			for _, w := range c.notWant {
				if strings.Contains(f.source, w) {
					t.Errorf("source line %q says %q, which no path was drawn with", f.source, w)
				}
			}
		})
	}
}

// A year between covered ones takes the mean gap of the covered years
// before it, not the mean after the last one (plancast.StatedGap), so a
// path over such years was drawn with two means; the source line names
// each with the years it was added in.
func TestTheSourceLineNamesEachMeanGapWithItsYears(t *testing.T) {
	// Levels grow 10% a year from 100 in 2013. 2014–2018 state 8% (a gap
	// of ln 1.1 − ln 1.08 ≈ +1.85% a year), 2019 and 2020 state nothing,
	// 2021 states 12% (−1.8%).
	hist := []plancast.Observation{obs("houma", "gdp", 2013, 100)}
	level := 100.0
	for y := 2014; y <= 2021; y++ {
		level *= 1.1
		switch {
		case y <= 2018:
			hist = append(hist, statedObs(y, level, 8, 0))
		case y == 2021:
			hist = append(hist, statedObs(y, level, 12, 0))
		default:
			hist = append(hist, obs("houma", "gdp", y, level))
		}
	}
	before := math.Log(1.1) - math.Log(1.08)
	own2021 := math.Log(1.1) - math.Log(1.12)
	after := (4*before + own2021) / 5 // 2015–2018 and 2021, the last five covered
	for _, c := range []struct {
		d    float64
		want string
	}{{before, "1.9"}, {own2021, "-1.8"}, {after, "1.1"}} {
		if got := plancast.FormatNumber(100*math.Expm1(c.d), 1); got != c.want {
			t.Fatalf("a gap is %s%%, the case wants %s%%", got, c.want)
		}
	}
	plan := plancast.Target{Region: "houma", Indicator: "gdp", Plan: "14th-fyp", Kind: plancast.TargetAvgGrowth, BaseYear: 2018, Year: 2023, Value: 6}
	for _, c := range []struct {
		lang string
		want string
	}{
		{LangEn, "with each year's own gap between the figures' growth and the stated growth in 2021, and " +
			"in 2019–2020, plus the 1.9% a year by which the figures grew faster than stated in 2014–2018; " +
			"in 2022–2023, plus the 1.1% a year by which the figures grew faster than stated in 2015–2021."},
		{LangZh, "计入2021年各年数值增速与所述增速之差，2019–2020年计入2014–2018年数值年均快于所述增速的1.9%；" +
			"2022–2023年计入2015–2021年数值年均快于所述增速的1.1%。"},
	} {
		s := houmaGDP()
		s.History, s.Targets, s.Projection = hist, []plancast.Target{plan}, nil
		s.Lang = c.lang
		f, err := historyFigure(&s)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(f.source, c.want) {
			t.Errorf("%s source line %q lacks %q", c.lang, f.source, c.want)
		}
	}
	// The path itself is drawn with those amounts: 2019 and 2020 with the
	// mean before, 2021 its own, 2022 and 2023 the mean after.
	gap := plancast.StatedGapOf(hist)
	path := impliedPath(plan, 2018, 100*math.Pow(1.1, 5), gap, nil)
	want := 100 * math.Pow(1.1, 5) * math.Pow(1.06, 5) * math.Exp(2*before+own2021+2*after)
	if got := path[len(path)-1].y; math.Abs(got-want) > 1e-9*want {
		t.Errorf("the path ends at %.6f, want %.6f", got, want)
	}
}

// yearsText writes runs of years as spans.
func TestYearsText(t *testing.T) {
	for _, c := range []struct {
		years []int
		lang  string
		want  string
	}{
		{[]int{2021}, LangEn, "2021"},
		{[]int{2021, 2022, 2024}, LangEn, "2021–2022, 2024"},
		{[]int{2019, 2021, 2022, 2023}, LangZh, "2019、2021–2023"},
	} {
		if got := yearsText(c.years, c.lang); got != c.want {
			t.Errorf("yearsText(%v, %s) = %q, want %q", c.years, c.lang, got, c.want)
		}
	}
}

// The chart and the judgement agree: the probability the assessment gives
// Houma's +8.5% for 2021 is the projection's probability of ending above
// the chart's path, so the ring is where the judgement puts the target.
func TestTheRingIsTheJudgedLevel(t *testing.T) {
	hist := []plancast.Observation{obs("houma", "gdp", 2015, 88.9), statedObs(2020, 120.8, 5.3, 2015)}
	s := plancast.Series{Observations: hist}
	years, values := s.YearsValues()
	target := plancast.Target{Indicator: "gdp", Kind: plancast.TargetGrowth, Year: 2021, Value: 8.5}
	a, err := forecast.Assess(target, gdp, years, values, forecast.Options{Stated: s.StatedGrowths()})
	if err != nil {
		t.Fatal(err)
	}
	res, err := forecast.Forecast(years, values, forecast.Options{Horizon: 1})
	if err != nil {
		t.Fatal(err)
	}
	path := impliedPath(target, 2020, 120.8, plancast.StatedGapOf(hist), nil)
	end := path[len(path)-1]
	if p := 1 - res.CDF(2021, end.y); a.StatedBasis == nil || math.Abs(p-a.Probability) > 1e-9 {
		t.Errorf("P(2021 ≥ the ring's %.3f) = %.6f, the assessment says %.6f (basis %+v)", end.y, p, a.Probability, a.StatedBasis)
	}
}

// A growth over a base year before the first figure is not judged by the
// assessment (its reason: "base year 2015 is before the first observation"),
// so no path or ring is drawn for it: carrying its rate from the latest
// figure drew a ring at a level no judgement is made against (+50% on 2015
// carried as +50% a year).
func TestAGrowthOverABaseBeforeTheFiguresDrawsNoPath(t *testing.T) {
	b := growthBasis{
		observed: map[int]float64{2018: 100, 2019: 106, 2020: 112},
		years:    []int{2018, 2019, 2020},
		values:   []float64{100, 106, 112},
		latest:   &xy{2020, 112},
		from:     2018,
	}
	gdp := plancast.Indicator{Code: "gdp", Unit: "100m_yuan", Kind: plancast.KindLevel, Better: plancast.BetterHigher}
	if path, _, ok := b.path(plancast.Target{Kind: plancast.TargetGrowth, BaseYear: 2015, Year: 2022, Value: 50}, gdp); ok {
		t.Errorf("a path %v, want none", path)
	}
	if _, err := forecast.Assess(plancast.Target{Indicator: "gdp", Kind: plancast.TargetGrowth, BaseYear: 2015, Year: 2022, Value: 50}, gdp, b.years, b.values, forecast.Options{}); err == nil {
		t.Errorf("the assessment judges it; the chart should draw it as judged")
	}
	// A base among the figures still gets its path.
	if _, _, ok := b.path(plancast.Target{Kind: plancast.TargetGrowth, BaseYear: 2019, Year: 2022, Value: 20}, gdp); !ok {
		t.Errorf("no path over a base year with a figure")
	}
}
