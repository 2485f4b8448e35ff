package forecast

import (
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/plancast/plancast"
)

// Houma's report states GDP's 13th Five-Year growth as 5.3% a year at
// comparable prices, while its levels (current prices) went from 88.9 to
// 120.8: (120.8/88.9)^{1/5} − 1 = 6.32% a year. The levels ran
// 1.063/1.053 − 1 = 0.97% a year above the stated growth.
var houmaStated = []plancast.StatedGrowth{{BaseYear: 2015, Year: 2020, Percent: 5.3}}

func houmaGap() float64 { return math.Pow(120.8/88.9, 0.2)/1.053 - 1 }

// A growth target judged on the stated growth is the same question as a
// target on the levels' growth raised by the gap: GDP +8.5% at comparable
// prices needs the levels to grow 1.085 · 1.0097 − 1 = 9.56%.
func TestAGrowthTargetIsJudgedOnTheStatedGrowth(t *testing.T) {
	gap := houmaGap()
	stated, err := Assess(houma2021, gdp, houmaYears, houmaValues, Options{Stated: houmaStated})
	if err != nil {
		t.Fatal(err)
	}
	onLevels := houma2021
	onLevels.Value = 100 * (1.085*(1+gap) - 1)
	levels, err := Assess(onLevels, gdp, houmaYears, houmaValues, Options{})
	if err != nil {
		t.Fatal(err)
	}
	sb := stated.StatedBasis
	if sb == nil || !near(sb.Gap, gap, 1e-12) || sb.From != 2015 || sb.To != 2020 || sb.AsStated {
		t.Fatalf("stated basis %+v, want a gap of %.5f over 2015–2020", sb, gap)
	}
	if !near(stated.Probability, levels.Probability, 1e-9) || stated.Status != levels.Status {
		t.Errorf("probability %.6f (%s), want %.6f (%s): that of +%.3f%% on the levels", stated.Probability, stated.Status, levels.Probability, levels.Status, onLevels.Value)
	}
	// Every growth said is on the stated basis: the levels' less the gap.
	deflate := func(pct float64) float64 { return 100 * ((1+pct/100)/(1+gap) - 1) }
	for _, c := range []struct {
		name      string
		got, want float64
	}{
		{"projected mean", stated.Projected.Mean, deflate(levels.Projected.Mean)},
		{"projected 80% low", stated.Projected.Lo80, deflate(levels.Projected.Lo80)},
		{"projected 95% high", stated.Projected.Hi95, deflate(levels.Projected.Hi95)},
		{"required growth", 100 * *stated.RequiredGrowth, 8.5},
		{"historical growth", 100 * *stated.HistoricalGrowth, 5.3},
		{"progress (of the stated growth)", *stated.Progress, deflate(levels.Projected.Mean) / 8.5},
	} {
		if !near(c.got, c.want, 1e-9) {
			t.Errorf("%s = %.6f, want %.6f", c.name, c.got, c.want)
		}
	}
	for _, want := range []string{
		"needs 8.5% a year from 2020 (history: 5.3% a year)",
		"judged on the growth stated with the figures, which ran 1.0% a year below the figures' own growth in 2016–2020",
	} {
		if !strings.Contains(stated.Explanation, want) {
			t.Errorf("explanation %q lacks %q", stated.Explanation, want)
		}
	}
	if strings.Contains(stated.Explanation, "inflation included") {
		t.Errorf("explanation %q still says the growth includes inflation", stated.Explanation)
	}
	if want := "按公布的增速判断，2016—2020年公布增速比现价数据增速年均低1.0%"; !strings.Contains(stated.ExplanationZh, want) {
		t.Errorf("explanation %q lacks %q", stated.ExplanationZh, want)
	}
}

// An average growth over a plan, and a growth over a base year that is
// itself projected, are raised by the gap of every year they span.
func TestTheGapIsTakenOverEveryYearOfTheTarget(t *testing.T) {
	gap := houmaGap()
	for _, c := range []struct {
		name   string
		target plancast.Target
		years  float64
	}{
		{"avg_growth 2020–2025", plancast.Target{Indicator: "gdp", Kind: plancast.TargetAvgGrowth, BaseYear: 2020, Year: 2025, Value: 7}, 5},
		{"growth 2023 over a projected 2022", plancast.Target{Indicator: "gdp", Kind: plancast.TargetGrowth, Year: 2023, Value: 7}, 1},
	} {
		stated, err := Assess(c.target, gdp, houmaYears, houmaValues, Options{Stated: houmaStated})
		if err != nil {
			t.Fatal(err)
		}
		onLevels := c.target
		onLevels.Value = 100 * (1.07*(1+gap) - 1)
		levels, err := Assess(onLevels, gdp, houmaYears, houmaValues, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if !near(stated.Probability, levels.Probability, 1e-9) {
			t.Errorf("%s: probability %.6f, want %.6f, that of +%.3f%% a year on the levels", c.name, stated.Probability, levels.Probability, onLevels.Value)
		}
		if want := 100 * ((1+levels.Projected.Lo95/100)/(1+gap) - 1); !near(stated.Projected.Lo95, want, 1e-9) {
			t.Errorf("%s: projected 95%% low %.5f, want the levels' %.5f less the gap, %.5f", c.name, stated.Projected.Lo95, levels.Projected.Lo95, want)
		}
	}
}

// A year whose figure states its growth is realised as stated: levels up
// 6.7% with a stated growth of 6.1% meet a target of 6% and miss one of
// 6.5%, which the levels alone would call achieved.
func TestARealisedGrowthIsTheStatedOne(t *testing.T) {
	years, values := []int{2019, 2020, 2021}, []float64{100, 105, 112}
	stated := []plancast.StatedGrowth{{BaseYear: 2020, Year: 2021, Percent: 6.1}}
	for _, c := range []struct {
		target float64
		status string
	}{{6, plancast.StatusAchieved}, {6.5, plancast.StatusOffTrack}} {
		target := plancast.Target{Indicator: "gdp", Kind: plancast.TargetGrowth, Year: 2021, Value: c.target}
		a, err := Assess(target, gdp, years, values, Options{Stated: stated})
		if err != nil {
			t.Fatal(err)
		}
		if a.Realised == nil || *a.Realised != 6.1 || a.Status != c.status || a.StatedBasis == nil || !a.StatedBasis.AsStated {
			t.Errorf("target %.1f%%: realised %v, status %s, basis %+v; want 6.1 as stated, %s", c.target, a.Realised, a.Status, a.StatedBasis, c.status)
		}
		if want := 6.1 / c.target; a.Progress == nil || !near(*a.Progress, want, 1e-9) {
			t.Errorf("target %.1f%%: progress %v, want 6.1/%.1f = %.4f", c.target, a.Progress, c.target, want)
		}
		if !strings.Contains(a.Explanation, "2021 observed: growth 6.1%") || !strings.Contains(a.Explanation, "the growth as stated with the 2021 figure") {
			t.Errorf("explanation %q", a.Explanation)
		}
	}
	// Without the statement the same levels are judged on their own growth.
	a, err := Assess(plancast.Target{Indicator: "gdp", Kind: plancast.TargetGrowth, Year: 2021, Value: 6.5}, gdp, years, values, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if a.Realised == nil || !near(*a.Realised, 100*(112.0/105-1), 1e-9) || a.Status != plancast.StatusAchieved || a.StatedBasis != nil {
		t.Errorf("without a stated growth: realised %v, status %s, basis %+v", a.Realised, a.Status, a.StatedBasis)
	}
}

// Growth stated at current prices, as fiscal revenue's is, agrees with the
// levels: the gap is zero and the answer is the levels' own.
func TestGrowthStatedAtCurrentPricesChangesNothing(t *testing.T) {
	years, values := []int{2018, 2019, 2020}, []float64{4, 4.4, 5.06}
	stated := []plancast.StatedGrowth{{BaseYear: 2018, Year: 2019, Percent: 10}, {BaseYear: 2019, Year: 2020, Percent: 15}}
	target := plancast.Target{Indicator: "budget_revenue", Kind: plancast.TargetGrowth, Year: 2021, Value: 9}
	with, err := Assess(target, gdp, years, values, Options{Stated: stated})
	if err != nil {
		t.Fatal(err)
	}
	without, err := Assess(target, gdp, years, values, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if with.StatedBasis == nil || math.Abs(with.StatedBasis.Gap) > 1e-12 {
		t.Fatalf("basis %+v, want a zero gap", with.StatedBasis)
	}
	if !near(with.Probability, without.Probability, 1e-12) || !near(with.Projected.Mean, without.Projected.Mean, 1e-9) {
		t.Errorf("probability %.6f, projected %.4f; want the levels' own %.6f, %.4f", with.Probability, with.Projected.Mean, without.Probability, without.Projected.Mean)
	}
	// Level targets never move: 250 亿元 is a level at current prices.
	level := plancast.Target{Indicator: "gdp", Kind: plancast.TargetLevel, Year: 2025, Value: 250}
	l1, _ := Assess(level, gdp, houmaYears, houmaValues, Options{Stated: houmaStated})
	l0, _ := Assess(level, gdp, houmaYears, houmaValues, Options{})
	if l1.Probability != l0.Probability || *l1.RequiredGrowth != *l0.RequiredGrowth || l1.StatedBasis != nil {
		t.Errorf("a level target moved with the stated growth: %+v against %+v", l1, l0)
	}
}

// A stated growth level with the figures' own, to the 0.1% a year the
// judgement is written in, is said to be level with it: "ran 0.0% a year
// above" would name a side the figures do not show. Levels 100 → 133.82
// in five years grow 5.9998% a year, stated as 6.0%.
func TestAStatedGrowthLevelWithTheFiguresIsSaidToBe(t *testing.T) {
	years := []int{2015, 2016, 2017, 2018, 2019, 2020}
	values := []float64{100, 106, 112.36, 119.1, 126.25, 133.82}
	stated := []plancast.StatedGrowth{{BaseYear: 2015, Year: 2020, Percent: 6.0}}
	target := plancast.Target{Indicator: "gdp", Kind: plancast.TargetGrowth, Year: 2021, Value: 6.5}
	a, err := Assess(target, gdp, years, values, Options{Stated: stated})
	if err != nil {
		t.Fatal(err)
	}
	if sb := a.StatedBasis; sb == nil || sb.Gap == 0 || !sb.Even() {
		t.Fatalf("stated basis %+v, want a gap that is not zero but rounds to 0.0%%", sb)
	}
	for _, c := range []struct{ got, want, not string }{
		{a.Explanation, "judged on the growth stated with the figures, which ran level with the figures' own growth in 2016–2020", "0.0%"},
		{a.ExplanationZh, "按公布的增速判断，2016—2020年公布增速与现价数据增速持平", "0.0%"},
	} {
		if !strings.Contains(c.got, c.want) || strings.Contains(c.got, c.not) {
			t.Errorf("explanation %q: want %q and no %q", c.got, c.want, c.not)
		}
	}
	// 0.05% a year apart is a side again.
	stated[0].Percent = 5.9
	a, err = Assess(target, gdp, years, values, Options{Stated: stated})
	if err != nil {
		t.Fatal(err)
	}
	if want := "which ran 0.1% a year below the figures' own growth"; a.StatedBasis.Even() || !strings.Contains(a.Explanation, want) {
		t.Errorf("stated 5.9%%: explanation %q, want %q", a.Explanation, want)
	}
}

// A growth over a base year still to come asks for that growth, which the
// target states: no growth is required from the latest figure to the level
// it implies, which rests on the projected base. Houma's +7% for 2023 is
// over 2022, two years after the latest figure; +8.5% for 2021 is over the
// observed 2020 and still needs 8.5% a year from it.
func TestAGrowthOverAProjectedBaseRequiresNoFurtherGrowth(t *testing.T) {
	ahead := plancast.Target{Indicator: "gdp", Kind: plancast.TargetGrowth, Year: 2023, Value: 7}
	a, err := Assess(ahead, gdp, houmaYears, houmaValues, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if a.RequiredGrowth != nil || strings.Contains(a.Explanation, "needs") || strings.Contains(a.ExplanationZh, "需年均") {
		t.Errorf("growth 2023 over a projected 2022: required growth %v, explanation %q / %q; want none", a.RequiredGrowth, a.Explanation, a.ExplanationZh)
	}
	if a.Probability <= 0 || a.Probability >= 1 || a.Projected == nil {
		t.Errorf("growth 2023: probability %v, projected %+v; want it still judged", a.Probability, a.Projected)
	}
	next := plancast.Target{Indicator: "gdp", Kind: plancast.TargetGrowth, Year: 2021, Value: 8.5}
	b, err := Assess(next, gdp, houmaYears, houmaValues, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if b.RequiredGrowth == nil || !near(100**b.RequiredGrowth, 8.5, 1e-9) || !strings.Contains(b.Explanation, "needs 8.5% a year from 2020") {
		t.Errorf("growth 2021 over the observed 2020: required %v, explanation %q; want 8.5%% a year from 2020", b.RequiredGrowth, b.Explanation)
	}
}

// A gap measured over one year is said as that year: figures of 2018–2020
// of which only 2020's states its growth (4.0% against levels up 9.3%)
// measure the gap over 2020 alone, "in 2020", not "in 2020–2020" (nor
// "2020—2020年"), as the chart's source line says it.
func TestAStatedGapOfOneYearIsSaidAsOneYear(t *testing.T) {
	years, values := []int{2018, 2019, 2020}, []float64{100, 108, 118}
	target := plancast.Target{Indicator: "gdp", Kind: plancast.TargetGrowth, Year: 2021, Value: 6}
	for _, c := range []struct {
		name    string
		percent float64
		en, zh  string
	}{
		{"a gap", 4.0, "which ran 5.1% a year below the figures' own growth in 2020", "按公布的增速判断，2020年公布增速比现价数据增速年均低5.1%"},
		{"no gap", 100 * (118.0/108 - 1), "which ran level with the figures' own growth in 2020", "按公布的增速判断，2020年公布增速与现价数据增速持平"},
	} {
		stated := []plancast.StatedGrowth{{BaseYear: 2019, Year: 2020, Percent: c.percent}}
		a, err := Assess(target, gdp, years, values, Options{Stated: stated})
		if err != nil {
			t.Fatal(err)
		}
		if sb := a.StatedBasis; sb == nil || sb.From != 2019 || sb.To != 2020 {
			t.Fatalf("%s: stated basis %+v, want the gap of 2020 over 2019", c.name, sb)
		}
		saysAndNot(t, c.name, a.Explanation, []string{c.en}, []string{"2020–2020"})
		saysAndNot(t, c.name, a.ExplanationZh, []string{c.zh}, []string{"2020—2020"})
	}
}

// quwoVintages are Quwo's GDP figures as first published (2015–2024, with
// the growths stated for 2021–2024) and, with census, the 5th economic
// census's revision of 2022–2024 (2025-12-28), pushed from a table without
// a growth column (the UAT's quwo_bundle.json and census.csv).
func quwoVintages(census bool) []plancast.Observation {
	d := plancast.NewDate
	values := []float64{82.3, 85.1, 95.2, 103.4, 110.6, 112.9, 128.7, 138.5, 141.2, 147.9}
	stated := map[int]float64{2021: 8.6, 2022: 5.1, 2023: 4.2, 2024: 4.8}
	var out []plancast.Observation
	for i, v := range values {
		y := 2015 + i
		o := plancast.Observation{Region: "quwo", Indicator: "gdp", Period: plancast.PeriodYear, Year: y, Value: v, Status: plancast.StatusFinal, Published: d(y+1, 3, 20)}
		if g, ok := stated[y]; ok {
			o.Growth = &g
		}
		out = append(out, o)
	}
	if census {
		for y, v := range map[int]float64{2022: 142.1, 2023: 146.0, 2024: 152.3} {
			out = append(out, plancast.Observation{Region: "quwo", Indicator: "gdp", Period: plancast.PeriodYear, Year: y, Value: v, Status: plancast.StatusFinal, Published: d(2025, 12, 28)})
		}
	}
	return out
}

// quwoAssess judges t on Quwo's figures as the assessment routes do (the
// series read from its vintages), asked on the UAT's day.
func quwoAssess(t *testing.T, target plancast.Target, census bool) plancast.Assessment {
	t.Helper()
	s := plancast.LatestVintages(quwoVintages(census), plancast.Date{})[0]
	years, values := s.YearsValues()
	a, err := Assess(target, gdp, years, values, Options{SkipBacktest: true, Stated: s.StatedGrowths(), AsOf: plancast.NewDate(2026, 11, 23)})
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// The census raises Quwo's GDP of 2022–2024 by 2.6–3.4% without restating
// their growth. The growths stated with their first releases still judge
// the 14th Five-Year target of 6.5% a year, each gap measured on the levels
// it was published with, so the revision moves the judgement by its own
// effect alone: the target's level is the same, the growth still needed
// from 2024 falls by the 3.0% by which 2024's level rose (9.9% → 6.7%, not
// up to 23.3%), and the history rises by 2024's revision spread over its
// nine years (5.4% → 5.8%, not down to 2.0%). The explanation names the
// years whose growth is of the earlier vintage.
func TestACensusRevisionMovesAGrowthTargetByItsOwnEffectAlone(t *testing.T) {
	target := plancast.Target{Region: "quwo", Indicator: "gdp", Plan: "14th-fyp", Kind: plancast.TargetAvgGrowth, BaseYear: 2020, Year: 2025, Value: 6.5}
	before := quwoAssess(t, target, false)
	after := quwoAssess(t, target, true)
	if before.RequiredGrowth == nil || plancast.HalfAway(100**before.RequiredGrowth, 1) != 9.9 || plancast.HalfAway(100**before.HistoricalGrowth, 1) != 5.4 {
		t.Fatalf("before the census: required %v, history %v; want 9.9%% and 5.4%% (the UAT's)", before.RequiredGrowth, before.HistoricalGrowth)
	}
	if after.RequiredGrowth == nil || after.HistoricalGrowth == nil {
		t.Fatalf("after the census: required %v, history %v", after.RequiredGrowth, after.HistoricalGrowth)
	}
	if got, want := (1+*after.RequiredGrowth)/(1+*before.RequiredGrowth), 147.9/152.3; !near(got, want, 1e-12) {
		t.Errorf("required growth %.4f → %.4f: a factor %.6f, want 147.9/152.3 = %.6f, 2024's revision alone", *before.RequiredGrowth, *after.RequiredGrowth, got, want)
	}
	if got, want := (1+*after.HistoricalGrowth)/(1+*before.HistoricalGrowth), math.Pow(152.3/147.9, 1.0/9); !near(got, want, 1e-12) {
		t.Errorf("history %.4f → %.4f: a factor %.6f, want (152.3/147.9)^(1/9) = %.6f", *before.HistoricalGrowth, *after.HistoricalGrowth, got, want)
	}
	sb, sb0 := after.StatedBasis, before.StatedBasis
	if sb == nil || sb0 == nil || !near(sb.Gap, sb0.Gap, 1e-12) || sb.From != 2020 || sb.To != 2024 || !slices.Equal(sb.Earlier, []int{2022, 2023, 2024}) || sb0.Earlier != nil {
		t.Errorf("stated basis %+v (before %+v), want the same gap over 2021–2024 with 2022–2024 of earlier vintages", sb, sb0)
	}
	saysAndNot(t, "after the census", after.Explanation, []string{
		"needs 6.7% a year from 2024 (history: 5.8% a year)",
		"which ran 1.3% a year below the figures' own growth in 2021–2024 (for 2022–2024 the growth stated with the figures before their revision, each year's gap measured on the levels published with it)",
	}, []string{"in 2021;"})
	saysAndNot(t, "after the census", after.ExplanationZh, []string{"2021—2024年公布增速比现价数据增速年均低1.3%（2022—2024年为数据修订前公布的增速，差距按同期公布的数据计算）"}, nil)
	saysAndNot(t, "before the census", before.Explanation, []string{"in 2021–2024; "}, []string{"revision"})
}

// A one-year growth target of a year whose figure was revised without its
// growth is realised as the growth stated with the figure before, and
// says so: Quwo's 2022 stated 5.1% meets a target of 5%.
func TestAGrowthStatedBeforeARevisionIsTheRealisedOne(t *testing.T) {
	target := plancast.Target{Region: "quwo", Indicator: "gdp", Plan: "2022-annual", Kind: plancast.TargetGrowth, Year: 2022, Value: 5}
	a := quwoAssess(t, target, true)
	if a.Realised == nil || *a.Realised != 5.1 || a.Status != plancast.StatusAchieved || a.StatedBasis == nil || !a.StatedBasis.AsStated || !slices.Equal(a.StatedBasis.Earlier, []int{2022}) {
		t.Fatalf("realised %v, status %s, basis %+v; want 5.1 as stated before the revision, achieved", a.Realised, a.Status, a.StatedBasis)
	}
	saysAndNot(t, "2022", a.Explanation, []string{"2022 observed: growth 5.1%", "the growth as stated with the 2022 figure before its revision"}, nil)
	saysAndNot(t, "2022", a.ExplanationZh, []string{"为2022年数据修订前公布的增速"}, nil)
	// Before the revision the same growth is the figure's own.
	if b := quwoAssess(t, target, false); b.StatedBasis == nil || b.StatedBasis.Earlier != nil || !strings.Contains(b.Explanation, "the growth as stated with the 2022 figure") || strings.Contains(b.Explanation, "revision") {
		t.Errorf("before the census: basis %+v, explanation %q", b.StatedBasis, b.Explanation)
	}
}

// The history of a target follows the vintages: on the census's day the
// trail judges Quwo's target on the same stated gap as the day before, not
// on 2021's alone.
func TestTheTrailKeepsTheGrowthsStatedBeforeARevision(t *testing.T) {
	target := plancast.Target{Region: "quwo", Indicator: "gdp", Plan: "14th-fyp", Kind: plancast.TargetAvgGrowth, BaseYear: 2020, Year: 2025, Value: 6.5, Published: plancast.NewDate(2021, 3, 1)}
	trail := AssessmentTrail([]plancast.Target{target}, quwoVintages(true), gdp)
	var march, census *plancast.Assessment
	for _, p := range trail {
		switch p.AsOf.String() {
		case "2025-03-20":
			march = p.Assessment
		case "2025-12-28":
			census = p.Assessment
		}
	}
	if march == nil || census == nil {
		t.Fatalf("trail %+v lacks the points of 2025-03-20 and 2025-12-28", trail)
	}
	if sb, sb0 := census.StatedBasis, march.StatedBasis; sb == nil || sb0 == nil || !near(sb.Gap, sb0.Gap, 1e-12) || sb.From != sb0.From || sb.To != sb0.To {
		t.Errorf("stated basis on the census's day %+v, want the day before's %+v", sb, sb0)
	}
	if got, want := (1+*census.RequiredGrowth)/(1+*march.RequiredGrowth), 147.9/152.3; !near(got, want, 1e-12) {
		t.Errorf("required growth %.4f → %.4f, want a factor %.6f: 2024's revision alone", *march.RequiredGrowth, *census.RequiredGrowth, want)
	}
}

// A year no statement covers takes the gap of the statements before it:
// an observed 2021 growth, between the statements of 2016–2020 and
// 2022–2023, is judged and explained the same when 2024's statement
// arrives, citing 2016–2020, not years after it.
func TestAnObservedYearWithoutAStatementDoesNotMoveWithLaterOnes(t *testing.T) {
	years := []int{2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024}
	values := []float64{100, 108, 117, 126, 135, 141, 152, 166, 172, 184}
	stated := []plancast.StatedGrowth{
		{BaseYear: 2015, Year: 2020, Percent: 6.0},
		{BaseYear: 2021, Year: 2022, Percent: 3.0}, {BaseYear: 2022, Year: 2023, Percent: 5.2},
	}
	target := plancast.Target{Indicator: "gdp", Kind: plancast.TargetGrowth, Year: 2021, Value: 6.5}
	var first plancast.Assessment
	for i, st := range [][]plancast.StatedGrowth{stated, append(slices.Clone(stated), plancast.StatedGrowth{BaseYear: 2023, Year: 2024, Percent: 0.5})} {
		a, err := Assess(target, gdp, years, values, Options{SkipBacktest: true, Stated: st, AsOf: plancast.NewDate(2025, 6, 1)})
		if err != nil {
			t.Fatal(err)
		}
		want := 100 * (152.0/141*1.06/math.Pow(141.0/100, 1.0/5) - 1) // the levels' growth less 2016–2020's gap
		if a.Realised == nil || !near(*a.Realised, want, 1e-9) || a.StatedBasis == nil || a.StatedBasis.From != 2015 || a.StatedBasis.To != 2020 {
			t.Errorf("statements %d: realised %v, basis %+v; want %.4f on 2016–2020's gap", len(st), fmtPtr(a.Realised), a.StatedBasis, want)
		}
		saysAndNot(t, "2021", a.Explanation, []string{"in 2016–2020"}, []string{"2024"})
		if i == 0 {
			first = a
		} else if a.Explanation != first.Explanation || *a.Realised != *first.Realised {
			t.Errorf("2024's statement moved 2021: %q → %q", first.Explanation, a.Explanation)
		}
	}
}

// fmtPtr writes a number that may be absent.
func fmtPtr(v *float64) string {
	if v == nil {
		return "none"
	}
	return strconv.FormatFloat(*v, 'g', -1, 64)
}
