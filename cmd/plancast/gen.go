package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/plancast/plancast"
)

func init() {
	register(&command{name: "gen", summary: "write a synthetic nationwide dataset (regions, figures, 14th-FYP targets) for scale tests", run: runGen})
}

const genSynopsis = "--out DIR [--regions N] [--indicators K] [--years Y] [--seed S]"

const genDescription = `Writes a synthetic, deterministic dataset shaped like China's county-level
statistics, for load and scale tests ("plancast gen --regions 2850 --indicators 40
--years 30" is the nationwide case: China has about 2,850 county-level regions).

DIR receives:
  catalog.json            a plancast bundle declaring the regions (provinces,
                          prefectures and N counties c0001…, with English and
                          Chinese-looking names) and K indicators: the real ones
                          of the demo dataset first (gdp, budget_revenue, …),
                          then synthetic ind_NN
  observations-NNNN.csv   long CSV (region,indicator,year,value,status,published),
                          one file per --per-file counties, so that each file is
                          a batch that lands whole; every county has every
                          indicator for the Y years ending at --end-year
  targets.csv             14th Five-Year-Plan targets (base year 2020, year 2025),
                          --targets per county, kinds level, avg_growth, ceiling,
                          floor and share mixed as real plans mix them

Values grow at plausible, region-varying rates with noise (a slowing trend, a
2020 dip, region-wide dynamism shared by its indicators); targets are set from
each county's own 2015–2020 pace, some modest and some ambitious, so that an
assessment finds every status. The same flags and --seed give the same bytes.

Load it with:
  plancast ingest DIR/catalog.json
  plancast ingest DIR/observations-0001.csv   (one call per file)
  plancast ingest DIR/targets.csv`

// genConfig is what gen writes.
type genConfig struct {
	Regions, Indicators, Years int
	EndYear                    int
	Seed                       uint64
	PerFile                    int // counties per observations file
	Targets                    int // targets per county
}

func runGen(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("gen", genSynopsis, genDescription, stderr)
	cfg := genConfig{}
	fs.IntVar(&cfg.Regions, "regions", 2850, "number of county-level regions (each gets figures and targets)")
	fs.IntVar(&cfg.Indicators, "indicators", 40, "number of indicators per region (the demo dataset's first, then synthetic ind_NN)")
	fs.IntVar(&cfg.Years, "years", 30, "years of figures per series, ending at --end-year")
	fs.IntVar(&cfg.EndYear, "end-year", 2023, "last year with figures")
	seed := fs.Uint64("seed", 1, "random seed; the same seed and sizes give the same files")
	fs.IntVar(&cfg.PerFile, "per-file", 100, "counties per observations file (each file is one ingest batch)")
	fs.IntVar(&cfg.Targets, "targets", 12, "14th-FYP targets per county (at least 10)")
	out := fs.String("out", "", "directory to write into (created if missing)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	cfg.Seed = *seed
	if *out == "" {
		fs.Usage()
		return usageErrorf("--out DIR is required")
	}
	if err := cfg.check(); err != nil {
		return usageErrorf("%v", err) // Main prints it
	}
	sum, err := generate(ctx, cfg, *out, stderr)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %s: %d regions (%d counties with data), %d indicators, %d observations in %d files, %d targets\n",
		*out, sum.regions, cfg.Regions, cfg.Indicators, sum.observations, sum.files, sum.targets)
	return nil
}

// lastPublishedYear is the last year whose figures, dated the 31st of
// March after it, are published by today (on or before it).
func lastPublishedYear(today plancast.Date) int {
	y := today.Time().Year() - 1
	if today.Before(plancast.NewDate(y+1, time.March, 31)) {
		y--
	}
	return y
}

func (c *genConfig) check() error {
	switch {
	case c.Regions < 1 || c.Regions > 99999:
		return fmt.Errorf("--regions %d must be 1–99999", c.Regions)
	case c.Indicators < 1 || c.Indicators > 999:
		return fmt.Errorf("--indicators %d must be 1–999", c.Indicators)
	case c.Years < 1 || c.EndYear-c.Years+1 < plancast.MinYear:
		return fmt.Errorf("--years %d must be at least 1 and start after %d", c.Years, plancast.MinYear)
	case c.EndYear < 2021 || c.EndYear > 2100:
		return fmt.Errorf("--end-year %d must be 2021–2100 (the 14th FYP's base year 2020 must be history)", c.EndYear)
	case c.PerFile < 1:
		return fmt.Errorf("--per-file %d must be at least 1", c.PerFile)
	case c.Targets < 10:
		return fmt.Errorf("--targets %d must be at least 10", c.Targets)
	}
	// Each year's figures are dated the 31st of March after it; ingest
	// refuses a date after tomorrow, so the last year's must have come.
	if last := lastPublishedYear(plancast.DateOf(plancast.Today().Time().AddDate(0, 0, 1))); c.EndYear > last {
		return fmt.Errorf("--end-year %d: its figures would be published on %s (each year's are dated the 31st of March after it), after today (%s), and ingest refuses them; the last year whose figures are published by today is %d",
			c.EndYear, plancast.NewDate(c.EndYear+1, time.March, 31), plancast.Today(), last)
	}
	if n := len(targetCandidates(genIndicators(c.Indicators))); n < c.Targets {
		return fmt.Errorf("%d indicators allow only %d distinct targets per region; --targets %d needs more indicators", c.Indicators, n, c.Targets)
	}
	return nil
}

// genIndicator is an indicator with the parameters of its synthetic series.
type genIndicator struct {
	plancast.Indicator
	// scale: typical value in EndYear (median over counties), in the unit;
	// for shares and rates the typical level.
	scale float64
	// gEarly, gLate: typical annual growth at the start (1990s) and now.
	gEarly, gLate float64
	vol           float64 // annual noise (growth sd for levels, points for rates)
	covid         float64 // growth lost in 2020
	gdpLinked     bool    // scale follows the county's GDP
	trend         float64 // rates: typical change per year in points
}

// seedIndicators are the demo dataset's indicators (seed/seed.json) with
// plausible county-level magnitudes.
var seedIndicators = []genIndicator{
	{Indicator: ind("gdp", "Gross regional product", "地区生产总值", plancast.Unit100mYuan), scale: 1, gEarly: .13, gLate: .055, vol: .02, covid: .04, gdpLinked: true},
	{Indicator: ind("industrial_value_added", "Industrial value added above designated size", "规模以上工业增加值", plancast.Unit100mYuan), scale: .3, gEarly: .16, gLate: .06, vol: .04, covid: .04, gdpLinked: true},
	{Indicator: ind("budget_revenue", "General public budget revenue", "一般公共预算收入", plancast.Unit100mYuan), scale: .065, gEarly: .17, gLate: .04, vol: .05, covid: .06, gdpLinked: true},
	{Indicator: ind("fiscal_revenue", "Fiscal revenue", "财政收入", plancast.Unit100mYuan), scale: .1, gEarly: .17, gLate: .045, vol: .05, covid: .06, gdpLinked: true},
	{Indicator: ind("urban_disposable_income", "Per capita disposable income of urban residents", "城镇居民人均可支配收入", plancast.UnitYuan), scale: 40000, gEarly: .12, gLate: .055, vol: .012, covid: .03},
	{Indicator: ind("rural_disposable_income", "Per capita disposable income of rural residents", "农村居民人均可支配收入", plancast.UnitYuan), scale: 18000, gEarly: .1, gLate: .075, vol: .015, covid: .03},
	{Indicator: ind("rural_cash_income", "Farmers' per capita cash income", "农民人均现金收入", plancast.UnitYuan), scale: 20000, gEarly: .1, gLate: .07, vol: .02, covid: .03},
	{Indicator: ind("fixed_asset_investment", "Fixed-asset investment", "固定资产投资", plancast.Unit100mYuan), scale: .8, gEarly: .22, gLate: .04, vol: .08, covid: .05, gdpLinked: true},
	{Indicator: ind("retail_sales", "Total retail sales of consumer goods", "社会消费品零售总额", plancast.Unit100mYuan), scale: .38, gEarly: .14, gLate: .06, vol: .02, covid: .09, gdpLinked: true},
	{Indicator: genRate(ind("unemployment_rate", "Registered urban unemployment rate", "城镇登记失业率", plancast.UnitPercent), plancast.BetterLower), scale: 3.6, vol: .2},
	{Indicator: ind("industrial_output", "Total industrial output value", "工业总产值", plancast.Unit100mYuan), scale: 1.3, gEarly: .17, gLate: .06, vol: .05, covid: .04, gdpLinked: true},
	{Indicator: ind("new_urban_jobs", "New urban jobs", "城镇新增就业", "persons"), scale: 6000, gEarly: .04, gLate: .01, vol: .08, covid: .1},
	{Indicator: ind("electricity_sales", "Electricity sales", "售电量", "100m_kwh"), scale: .05, gEarly: .1, gLate: .05, vol: .04, covid: .02, gdpLinked: true},
	{Indicator: genRate(ind("emerging_industry_share", "Emerging industries' share of industrial output", "新兴产业占工业总产值比重", plancast.UnitPercent), plancast.BetterHigher), scale: 22, vol: .8, trend: .9},
	{Indicator: genRate(ind("secondary_industry_share", "Secondary industry share of GDP", "第二产业占GDP比重", plancast.UnitPercent), plancast.BetterHigher), scale: 40, vol: .9, trend: -.3},
	{Indicator: ind("oil_output", "Crude oil output", "原油产量", "tons"), scale: 200000, gEarly: .05, gLate: .0, vol: .1},
	{Indicator: ind("natural_gas_output", "Natural gas output", "天然气产量", "100m_m3"), scale: 5, gEarly: .12, gLate: .06, vol: .1},
}

func ind(code, name, nameZh, unit string) plancast.Indicator {
	return plancast.Indicator{Code: code, Name: name, NameZh: nameZh, Unit: unit, Kind: plancast.KindLevel, Better: plancast.BetterHigher}
}

func genRate(i plancast.Indicator, better string) plancast.Indicator {
	i.Kind, i.Better = plancast.KindRate, better
	return i
}

// genIndicators returns the first k indicators: the seed ones, then
// synthetic ind_NN with varied units and kinds.
func genIndicators(k int) []genIndicator {
	out := make([]genIndicator, 0, k)
	for i := 0; i < k && i < len(seedIndicators); i++ {
		out = append(out, seedIndicators[i])
	}
	units := []string{plancast.Unit100mYuan, plancast.UnitYuan, "10k_tons", "persons", "100m_kwh", "10k_people"}
	for n := len(out) + 1; len(out) < k; n++ {
		code := fmt.Sprintf("ind_%02d", n)
		name, nameZh := fmt.Sprintf("Synthetic indicator %d", n), fmt.Sprintf("合成指标%d", n)
		switch {
		case n%7 == 0: // a rate that should fall (energy intensity, poverty rate)
			out = append(out, genIndicator{Indicator: genRate(ind(code, name, nameZh, plancast.UnitPercent), plancast.BetterLower),
				scale: 8, vol: .4, trend: -.15})
		case n%5 == 0: // a share that should rise (forest cover, urbanisation)
			out = append(out, genIndicator{Indicator: genRate(ind(code, name, nameZh, plancast.UnitPercent), plancast.BetterHigher),
				scale: 45, vol: .6, trend: .6})
		default:
			u := units[n%len(units)]
			gi := genIndicator{Indicator: ind(code, name, nameZh, u), gEarly: .06 + .01*float64(n%9), gLate: .02 + .01*float64(n%6),
				vol: .02 + .01*float64(n%5), covid: .02 * float64(n%3)}
			switch u {
			case plancast.Unit100mYuan:
				gi.scale, gi.gdpLinked = .05+.05*float64(n%4), true
			case plancast.UnitYuan:
				gi.scale = 5000 + 1000*float64(n%20)
			default:
				gi.scale = 10 + 37*float64(n%13)
			}
			out = append(out, gi)
		}
	}
	return out
}

// targetCandidate is a target a county may declare: an indicator and a kind.
type targetCandidate struct {
	ind  int // index into the indicators
	kind string
	core bool // every county declares it (when there is room)
}

// targetCandidates lists the (indicator, kind) pairs targets are drawn from:
// the headline ones a real 14th-FYP outline has first, then the rest.
func targetCandidates(inds []genIndicator) []targetCandidate {
	core := map[string]string{
		"gdp": plancast.TargetAvgGrowth, "budget_revenue": plancast.TargetAvgGrowth,
		"urban_disposable_income": plancast.TargetAvgGrowth, "rural_disposable_income": plancast.TargetAvgGrowth,
		"unemployment_rate": plancast.TargetCeiling, "fixed_asset_investment": plancast.TargetAvgGrowth,
		"retail_sales": plancast.TargetLevel, "industrial_value_added": plancast.TargetAvgGrowth,
	}
	var out, rest []targetCandidate
	for i, gi := range inds {
		if k, ok := core[gi.Code]; ok {
			out = append(out, targetCandidate{ind: i, kind: k, core: true})
		}
	}
	for i, gi := range inds {
		switch {
		case gi.Kind == plancast.KindRate && gi.Better == plancast.BetterLower:
			if core[gi.Code] == "" {
				rest = append(rest, targetCandidate{ind: i, kind: plancast.TargetCeiling})
			}
		case gi.Kind == plancast.KindRate:
			rest = append(rest, targetCandidate{ind: i, kind: plancast.TargetShare})
		default:
			for _, k := range []string{plancast.TargetLevel, plancast.TargetAvgGrowth, plancast.TargetFloor} {
				if core[gi.Code] != k {
					rest = append(rest, targetCandidate{ind: i, kind: k})
				}
			}
		}
	}
	return append(out, rest...)
}

// genRegion is a county (or its parents) in the catalog.
type genRegion struct {
	plancast.Region
	size     float64 // GDP in EndYear, 亿元
	dynamism float64 // growth above or below the national pace, shared by its indicators
	income   float64 // income level relative to the national median
}

type genSummary struct {
	regions, observations, targets, files int
}

// generate writes the dataset into dir.
func generate(ctx context.Context, cfg genConfig, dir string, progress io.Writer) (genSummary, error) {
	var sum genSummary
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return sum, err
	}
	inds := genIndicators(cfg.Indicators)
	regions, counties := genRegions(cfg)
	bundle := plancast.Bundle{}
	for _, r := range regions {
		bundle.Regions = append(bundle.Regions, r.Region)
	}
	for _, gi := range inds {
		bundle.Indicators = append(bundle.Indicators, gi.Indicator)
	}
	sum.regions = len(regions)
	data, err := json.MarshalIndent(bundle, "", " ")
	if err != nil {
		return sum, err
	}
	if err := os.WriteFile(filepath.Join(dir, "catalog.json"), append(data, '\n'), 0o644); err != nil {
		return sum, err
	}
	fmt.Fprintf(progress, "gen: catalog.json: %d regions, %d indicators\n", len(regions), len(inds))

	cands := targetCandidates(inds)
	tf, err := newCSVFile(filepath.Join(dir, "targets.csv"), "region,indicator,plan,kind,base_year,year,value,binding\n")
	if err != nil {
		return sum, err
	}
	defer tf.f.Close()
	first := cfg.EndYear - cfg.Years + 1
	start := pathStart(first)
	var of *csvFile
	for ci := range counties {
		if err := ctx.Err(); err != nil {
			return sum, err
		}
		if ci%cfg.PerFile == 0 {
			if of != nil {
				if err := of.close(); err != nil {
					return sum, err
				}
				fmt.Fprintf(progress, "gen: %s: counties %d–%d\n", filepath.Base(of.f.Name()), ci-cfg.PerFile+1, ci)
			}
			sum.files++
			of, err = newCSVFile(filepath.Join(dir, fmt.Sprintf("observations-%04d.csv", sum.files)), "region,indicator,year,value,status,published\n")
			if err != nil {
				return sum, err
			}
		}
		c := &counties[ci]
		rng := rand.New(rand.NewPCG(cfg.Seed, uint64(ci)+1))
		paths := make([][]float64, len(inds)) // per indicator, values from pathStart to EndYear
		for ii := range inds {
			paths[ii] = genPath(rng, c, &inds[ii], start, cfg.EndYear)
			for y := first; y <= cfg.EndYear; y++ {
				of.row(c.Code, inds[ii].Code, y, paths[ii][y-start])
				sum.observations++
			}
		}
		// Targets: the core ones, then a random pick of the rest.
		chosen := make([]targetCandidate, 0, cfg.Targets)
		var rest []targetCandidate
		for _, tc := range cands {
			if tc.core && len(chosen) < cfg.Targets {
				chosen = append(chosen, tc)
			} else {
				rest = append(rest, tc)
			}
		}
		rng.Shuffle(len(rest), func(i, j int) { rest[i], rest[j] = rest[j], rest[i] })
		chosen = append(chosen, rest[:cfg.Targets-len(chosen)]...)
		for _, tc := range chosen {
			t := genTarget(rng, c.Code, &inds[tc.ind], tc.kind, paths[tc.ind], start)
			tf.target(t)
			sum.targets++
		}
	}
	if of != nil {
		if err := of.close(); err != nil {
			return sum, err
		}
		fmt.Fprintf(progress, "gen: %s: counties %d–%d\n", filepath.Base(of.f.Name()), (sum.files-1)*cfg.PerFile+1, len(counties))
	}
	if err := tf.close(); err != nil {
		return sum, err
	}
	fmt.Fprintf(progress, "gen: targets.csv: %d targets\n", sum.targets)
	return sum, nil
}

// pathStart is the first year of a generated path: early enough for the
// targets' 2015–2020 reference pace, whatever --years asks to write.
func pathStart(first int) int { return min(first, 2014) }

// genPath returns the indicator's values for the county from `from` to `to`,
// rounded as a bureau would publish them.
func genPath(rng *rand.Rand, c *genRegion, gi *genIndicator, from, to int) []float64 {
	n := to - from + 1
	out := make([]float64, n)
	if gi.Kind == plancast.KindRate {
		level := math.Max(.5, gi.scale*(1+.2*rng.NormFloat64()))
		if gi.trend == 0 { // mean-reverting around the county's level (unemployment)
			x := level + gi.vol*rng.NormFloat64()
			for i := range out {
				x = level + .7*(x-level) + gi.vol*rng.NormFloat64()
				if from+i == 2020 {
					x += .4
				}
				out[i] = round2(clamp(x, .3, 95))
			}
			return out
		}
		drift := gi.trend * (.5 + rng.Float64())
		x := level - drift*float64(n-1)
		for i := range out {
			x += drift + gi.vol*rng.NormFloat64()
			x = clamp(x, .3, 95)
			out[i] = round2(x)
		}
		return out
	}
	level := gi.scale * math.Exp(.5*rng.NormFloat64())
	switch {
	case gi.gdpLinked:
		level = c.size * gi.scale * math.Exp(.25*rng.NormFloat64())
	case gi.Unit == plancast.UnitYuan:
		level = gi.scale * c.income * math.Exp(.08*rng.NormFloat64())
	}
	bias := .01 * rng.NormFloat64()
	dyn := c.dynamism
	if !gi.gdpLinked {
		dyn /= 2
	}
	logv := make([]float64, n)
	for i := 1; i < n; i++ {
		y := from + i
		f := clamp(float64(y-1995)/float64(2023-1995), 0, 1)
		g := gi.gEarly + (gi.gLate-gi.gEarly)*f + dyn + bias + gi.vol*rng.NormFloat64()
		if y == 2020 {
			g -= gi.covid * (.5 + rng.Float64())
		}
		logv[i] = logv[i-1] + math.Log1p(math.Max(g, -.5))
	}
	shift := math.Log(level) - logv[n-1]
	for i := range out {
		out[i] = roundSig(math.Exp(logv[i] + shift))
	}
	return out
}

// genTarget sets a 14th-FYP target (base 2020, year 2025) from the county's
// own path: its 2015–2020 pace times an ambition between modest and bold.
func genTarget(rng *rand.Rand, region string, gi *genIndicator, kind string, path []float64, from int) plancast.Target {
	v2015, v2020 := path[2015-from], path[2020-from]
	ambition := .75 + .7*rng.Float64()
	t := plancast.Target{Region: region, Indicator: gi.Code, Plan: "14th-fyp", Kind: kind, BaseYear: 2020, Year: 2025,
		Binding: rng.Float64() < .15}
	pace := math.Max(.01, math.Pow(v2020/v2015, .2)-1)
	switch kind {
	case plancast.TargetLevel:
		t.Value = roundSig3(v2020 * math.Pow(1+pace*ambition, 5))
	case plancast.TargetAvgGrowth:
		t.Value = math.Max(.5, math.Round(pace*ambition*200)/2)
	case plancast.TargetFloor:
		t.Value, t.Binding = roundSig3(v2020*(.85+.17*rng.Float64())), true
	case plancast.TargetCeiling:
		t.Value, t.Binding = math.Max(.5, math.Round((v2020+1.3*rng.Float64()-.3)*2)/2), true
	case plancast.TargetShare:
		step := math.Max(.2, (v2020-v2015)/5)
		t.Value = math.Round((v2020+5*step*ambition)*10) / 10
	}
	return t
}

// genRegions returns the catalog (provinces, prefectures, counties) and the
// counties, in code order.
func genRegions(cfg genConfig) (all, counties []genRegion) {
	rng := rand.New(rand.NewPCG(cfg.Seed, 0))
	nProv := max(1, min(31, cfg.Regions/90))
	nPref := max(nProv, int(math.Round(float64(cfg.Regions)/8.6)))
	used := map[string]bool{}
	for p := 0; p < nProv; p++ {
		en, zh := genName(rng, used)
		all = append(all, genRegion{Region: plancast.Region{Code: fmt.Sprintf("p%02d", p+1), Name: en, NameZh: zh + "省", Level: plancast.LevelProvince}})
	}
	for m := 0; m < nPref; m++ {
		en, zh := genName(rng, used)
		all = append(all, genRegion{Region: plancast.Region{Code: fmt.Sprintf("m%03d", m+1), Name: en + " City", NameZh: zh + "市",
			Parent: fmt.Sprintf("p%02d", m*nProv/nPref+1), Level: plancast.LevelPrefecture}})
	}
	suffixes := []struct{ en, zh string }{{"County", "县"}, {"County", "县"}, {"County", "县"}, {"City", "市"}, {"District", "区"}, {"District", "区"}, {"Banner", "旗"}}
	for c := 0; c < cfg.Regions; c++ {
		en, zh := genName(rng, used)
		sfx := suffixes[rng.IntN(len(suffixes))]
		r := genRegion{Region: plancast.Region{Code: fmt.Sprintf("c%04d", c+1), Name: en + " " + sfx.en, NameZh: zh + sfx.zh,
			Parent: fmt.Sprintf("m%03d", c*nPref/cfg.Regions+1), Level: plancast.LevelCounty},
			size:     180 * math.Exp(.9*rng.NormFloat64()),
			dynamism: .015 * rng.NormFloat64(),
			income:   math.Exp(.25 * rng.NormFloat64()),
		}
		all = append(all, r)
		counties = append(counties, r)
	}
	return all, counties
}

var genSyllables = []struct{ en, zh string }{
	{"an", "安"}, {"bai", "白"}, {"bao", "宝"}, {"chang", "长"}, {"cheng", "城"}, {"da", "大"}, {"dong", "东"}, {"feng", "丰"},
	{"fu", "富"}, {"gu", "固"}, {"guang", "广"}, {"he", "河"}, {"heng", "恒"}, {"hong", "洪"}, {"hua", "华"}, {"huai", "淮"},
	{"jian", "建"}, {"jiang", "江"}, {"jin", "金"}, {"jing", "靖"}, {"kang", "康"}, {"lan", "兰"}, {"le", "乐"}, {"lin", "临"},
	{"long", "隆"}, {"ma", "马"}, {"ming", "明"}, {"nan", "南"}, {"ning", "宁"}, {"ping", "平"}, {"qing", "清"}, {"quan", "泉"},
	{"rui", "瑞"}, {"shan", "山"}, {"shou", "寿"}, {"shui", "水"}, {"tai", "泰"}, {"tian", "天"}, {"wen", "文"}, {"xi", "西"},
	{"xiang", "祥"}, {"xin", "新"}, {"xing", "兴"}, {"yang", "阳"}, {"yi", "宜"}, {"yong", "永"}, {"yu", "玉"}, {"yuan", "源"},
	{"ze", "泽"}, {"zhao", "昭"}, {"zhen", "镇"}, {"zhou", "州"},
}

// genName returns an unused two-syllable name (three when two run out), in
// pinyin and characters.
func genName(rng *rand.Rand, used map[string]bool) (en, zh string) {
	for tries := 0; ; tries++ {
		n := 2
		if tries > 20 {
			n = 3
		}
		en, zh = "", ""
		for i := 0; i < n; i++ {
			s := genSyllables[rng.IntN(len(genSyllables))]
			en += s.en
			zh += s.zh
		}
		en = string(en[0]-'a'+'A') + en[1:]
		if !used[zh] && !used[en] {
			used[zh], used[en] = true, true
			return en, zh
		}
	}
}

func clamp(x, lo, hi float64) float64 { return math.Min(hi, math.Max(lo, x)) }
func round2(x float64) float64        { return math.Round(x*100) / 100 }

// roundSig rounds a level as statistical bulletins print it: 2 decimals, or
// whole numbers from 1000 up, 4 decimals below 1.
func roundSig(x float64) float64 {
	switch {
	case x >= 1000:
		return math.Round(x)
	case x >= 1:
		return round2(x)
	}
	return math.Round(x*1e4) / 1e4
}

// roundSig3 rounds to three significant digits, as plan targets are written.
func roundSig3(x float64) float64 {
	if x == 0 {
		return 0
	}
	p := math.Pow(10, 2-math.Floor(math.Log10(math.Abs(x))))
	return math.Round(x*p) / p
}

// csvFile writes rows through a buffer.
type csvFile struct {
	f   *os.File
	w   *bufio.Writer
	buf []byte
}

func newCSVFile(name, header string) (*csvFile, error) {
	f, err := os.Create(name)
	if err != nil {
		return nil, err
	}
	w := bufio.NewWriterSize(f, 256<<10)
	w.WriteString(header)
	return &csvFile{f: f, w: w}, nil
}

func (c *csvFile) row(region, indicator string, year int, v float64) {
	b := c.buf[:0]
	b = append(b, region...)
	b = append(b, ',')
	b = append(b, indicator...)
	b = append(b, ',')
	b = strconv.AppendInt(b, int64(year), 10)
	b = append(b, ',')
	b = strconv.AppendFloat(b, v, 'f', -1, 64)
	// Published in the spring after the year, as statistical bulletins are.
	b = append(b, ",final,"...)
	b = strconv.AppendInt(b, int64(year+1), 10)
	b = append(b, "-03-31\n"...)
	c.buf = b
	c.w.Write(b)
}

func (c *csvFile) target(t plancast.Target) {
	b := c.buf[:0]
	b = fmt.Appendf(b, "%s,%s,%s,%s,%d,%d,%s,%t\n", t.Region, t.Indicator, t.Plan, t.Kind, t.BaseYear, t.Year,
		strconv.FormatFloat(t.Value, 'f', -1, 64), t.Binding)
	c.buf = b
	c.w.Write(b)
}

func (c *csvFile) close() error {
	if err := c.w.Flush(); err != nil {
		c.f.Close()
		return err
	}
	return c.f.Close()
}
