package charts

import "github.com/plancast/plancast"

// The chart of the user test's Jincheng GDP (the uat33 data: d6h.json's
// figures of 2015–2018, d6s.json's of 2019–2025 with their stated growth,
// the January–September of 2025 and 2026 and the 14th FYP's level target of
// 2,800, jc_rev.csv's revisions of 2024 and 2025, and the targets of
// d6b–d6f.json): the 14th FYP's 2,800 and 6.5% a year, the 15th FYP's
// 3,300 and 5% a year for 2030, the 2025 plan's 5.5% and the 2026 plan's
// 5%, and the year to date of 2026. Its labels crowd the years 2025–2026.
var jincheng = plancast.Region{Code: "jincheng", Name: "Jincheng", NameZh: "晋城市", Level: plancast.LevelPrefecture}

func jinchengGDP() Spec {
	var hist []plancast.Observation
	for _, f := range []struct {
		year          int
		value, growth float64
		doc           string
	}{
		{2015, 1040.2, 0, "d6h.json"}, {2016, 1049.1, 4.5, "d6h.json"}, {2017, 1151.9, 6.4, "d6h.json"}, {2018, 1351.8, 6.8, "d6h.json"},
		{2019, 1591.9, 6.3, "d6s.json"}, {2020, 1757.1, 3.4, "d6s.json"}, {2021, 2040.4, 9.1, "d6s.json"}, {2022, 2312.2, 4.6, "d6s.json"},
		{2023, 2281.5, 3.9, "d6s.json"}, {2024, 2361.9, 4.2, "jc_rev.csv"}, {2025, 2470.1, 5.3, "jc_rev.csv"},
	} {
		o := obs("jincheng", "gdp", f.year, f.value)
		o.Source = plancast.Source{Document: f.doc}
		if f.growth != 0 {
			g := f.growth
			o.Growth = &g
		}
		hist = append(hist, o)
	}
	p := &plancast.Projection{Region: "jincheng", Indicator: "gdp", Unit: plancast.Unit100mYuan, Method: "auto", LastYear: 2025}
	for i, r := range [][5]float64{ // mean, lo80, hi80, lo95, hi95 of 2026–2030
		{2596.07929779883, 2392.43997784461, 2823.51262750291, 2188.15015829058, 3089.78764876185},
		{2723.12476749516, 2402.45191512222, 3121.04867601636, 2118.44940462265, 3536.20952342924},
		{2850.97542853389, 2399.3656998585, 3413.49048421291, 2081.72386994508, 3942.67790745389},
		{2979.46058140334, 2424.95967068015, 3695.97214834126, 2001.48595344833, 4415.48431086611},
		{3108.49622807577, 2457.27038365639, 4005.54110566925, 1943.88262554651, 4921.73819411539}} {
		p.Points = append(p.Points, plancast.ProjectionPoint{Year: 2026 + i, Mean: r[0], Lo80: r[1], Hi80: r[2], Lo95: r[3], Hi95: r[4]})
	}
	p.YearToDate = &plancast.YearToDate{Period: "jan-sep", Months: 9, Year: 2026, Value: 1875.6, Prior: 1790.4, Growth: 1875.6/1790.4 - 1,
		Nowcast: plancast.ProjectionPoint{Year: 2026, Mean: 2587.644973190348, Lo80: 2531.3911279314993, Hi80: 2650.510634591647, Lo95: 2474.993558014513, Hi95: 2724.160587580511}}
	target := func(plan, kind string, base, year int, v float64, doc string) plancast.Target {
		return plancast.Target{Region: "jincheng", Indicator: "gdp", Plan: plan, Kind: kind, BaseYear: base, Year: year, Value: v,
			Source: plancast.Source{Document: doc}}
	}
	return Spec{Region: jincheng, Indicator: gdp, History: hist, Projection: p, Targets: []plancast.Target{
		target("14th-fyp", plancast.TargetAvgGrowth, 2020, 2025, 6.5, "d6c.json"),
		target("14th-fyp", plancast.TargetLevel, 2020, 2025, 2800, "d6s.json"),
		target("15th-fyp", plancast.TargetAvgGrowth, 2025, 2030, 5, "d6f.json"),
		target("15th-fyp", plancast.TargetLevel, 2025, 2030, 3300, "d6e.json"),
		target("2025-annual", plancast.TargetGrowth, 0, 2025, 5.5, "d6b.json"),
		target("2026-annual", plancast.TargetGrowth, 0, 2026, 5, "d6d.json"),
	}, Width: DefaultWidth, Height: DefaultHeight}
}
