package charts

import "github.com/plancast/plancast"

// The chart of the user test's Jinzhong GDP (the uat32 data, figs.csv with
// rev.csv's revisions, targets.csv with review.json's 15th FYP target, and
// ytd.csv's January–September): figures of 2015–2025 with their stated
// growth, a 14th FYP level target of 2,200 and average growth of 6.5%, the
// 2025 and 2026 plans' growth, the 15th FYP's 2,650 for 2030, and the year
// to date of 2026.
var jinzhong = plancast.Region{Code: "jinzhong", Name: "Jinzhong", NameZh: "晋中市", Parent: "shanxi", Level: plancast.LevelPrefecture}

func jinzhongGDP() Spec {
	var hist []plancast.Observation
	for _, f := range [][3]float64{{2015, 1046, 0}, {2016, 1091, 0}, {2017, 1228, 0}, {2018, 1448, 0}, {2019, 1447, 0},
		{2020, 1574, 3.6}, {2021, 1763, 8.8}, {2022, 1890, 4.6}, {2023, 1893, 3.5}, {2024, 1962, 5.1}, {2025, 2043.6, 5.4}} {
		o := obs("jinzhong", "gdp", int(f[0]), f[1])
		if f[2] != 0 {
			g := f[2]
			o.Growth = &g
		}
		hist = append(hist, o)
	}
	p := &plancast.Projection{Region: "jinzhong", Indicator: "gdp", Unit: plancast.Unit100mYuan, Method: "auto", LastYear: 2025}
	for i, r := range [][5]float64{ // mean, lo80, hi80, lo95, hi95 of 2026–2030
		{2116, 1981, 2263, 1844, 2433}, {2187, 1978, 2440, 1788, 2698}, {2258, 1966, 2610, 1754, 2930},
		{2329, 1974, 2769, 1692, 3194}, {2399, 1987, 2941, 1646, 3470}} {
		p.Points = append(p.Points, plancast.ProjectionPoint{Year: 2026 + i, Mean: r[0], Lo80: r[1], Hi80: r[2], Lo95: r[3], Hi95: r[4]})
	}
	p.YearToDate = &plancast.YearToDate{Period: "jan-sep", Months: 9, Year: 2026, Value: 1552, Prior: 1480, Growth: 1552.0/1480 - 1,
		Nowcast: plancast.ProjectionPoint{Year: 2026, Mean: 2143, Lo80: 2105, Hi80: 2185, Lo95: 2067, Hi95: 2232}}
	target := func(plan, kind string, year int, v float64) plancast.Target {
		return plancast.Target{Region: "jinzhong", Indicator: "gdp", Plan: plan, Kind: kind, Year: year, Value: v}
	}
	fyp14 := target("14th-fyp", plancast.TargetAvgGrowth, 2025, 6.5)
	fyp14.BaseYear = 2020
	return Spec{Region: jinzhong, Indicator: gdp, History: hist, Projection: p, Targets: []plancast.Target{
		target("14th-fyp", plancast.TargetLevel, 2025, 2200),
		fyp14,
		target("2026-annual", plancast.TargetGrowth, 2026, 5.5),
		target("15th-fyp", plancast.TargetLevel, 2030, 2650),
		target("2025-annual", plancast.TargetGrowth, 2025, 6),
	}, Width: DefaultWidth, Height: DefaultHeight}
}
