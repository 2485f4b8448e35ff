package charts

import (
	"strconv"

	"github.com/plancast/plancast"
)

// The charts of the user test's Yunhe County (the uat31 data): its GDP
// with level and growth targets of two Five-Year Plans and six annual
// plans and the year to date of 2026, its energy intensity under two
// ceilings, its unemployment rate under three.
var (
	yunhe            = plancast.Region{Code: "yunhe", Name: "Yunhe County", NameZh: "云河县", Parent: "linfen", Level: plancast.LevelCounty}
	energyIntensity  = plancast.Indicator{Code: "energy_intensity", Name: "Energy consumption per 10k yuan of GDP", NameZh: "万元地区生产总值能耗", Unit: "tce_per_10k_yuan", Kind: plancast.KindLevel, Better: plancast.BetterLower}
	registeredUnemp  = plancast.Indicator{Code: "unemployment_rate", Name: "Registered urban unemployment rate", NameZh: "城镇登记失业率", Unit: plancast.UnitPercent, Kind: plancast.KindRate, Better: plancast.BetterLower}
	yunheGDPFigures  = [][3]float64{{2015, 131.5, 0}, {2017, 152.3, 7.1}, {2018, 163.8, 6.9}, {2019, 175.2, 6.4}, {2020, 178.9, 2.1}, {2021, 195.6, 7.8}, {2022, 204.1, 3.9}, {2023, 218.9, 5.6}, {2024, 231, 5.5}, {2025, 243.6, 5.2}}
	yunheGDPProjects = [][5]float64{ // mean, lo80, hi80, lo95, hi95 of 2026–2030
		{253.81, 238.95, 270.05, 223.70, 288.63}, {264.05, 240.71, 292.03, 219.35, 320.25}, {274.32, 241.51, 313.34, 217.47, 348.53},
		{284.63, 244.47, 333.74, 212.16, 380.59}, {294.99, 247.97, 355.74, 208.56, 414.19}}
)

func yunheTarget(ind, plan string, kind string, base, year int, v float64) plancast.Target {
	return plancast.Target{Region: "yunhe", Indicator: ind, Plan: plan, Kind: kind, BaseYear: base, Year: year, Value: v}
}

func yunheProjection(ind, unit string, rows [][5]float64) *plancast.Projection {
	p := &plancast.Projection{Region: "yunhe", Indicator: ind, Unit: unit, Method: "auto", LastYear: 2025}
	for i, r := range rows {
		p.Points = append(p.Points, plancast.ProjectionPoint{Year: 2026 + i, Mean: r[0], Lo80: r[1], Hi80: r[2], Lo95: r[3], Hi95: r[4]})
	}
	return p
}

// yunheGDP is the chart of /charts/yunhe/gdp.png.
func yunheGDP() Spec {
	var hist []plancast.Observation
	for _, f := range yunheGDPFigures {
		o := obs("yunhe", "gdp", int(f[0]), f[1])
		if f[2] != 0 {
			g := f[2]
			o.Growth = &g
		}
		hist = append(hist, o)
	}
	p := yunheProjection("gdp", plancast.Unit100mYuan, yunheGDPProjects)
	p.YearToDate = &plancast.YearToDate{Period: "jan-sep", Months: 9, Year: 2026, Value: 186.5, Prior: 178, Growth: 186.5/178 - 1,
		Nowcast: plancast.ProjectionPoint{Year: 2026, Mean: 255.23, Lo80: 247.42, Hi80: 264.31, Lo95: 239.90, Hi95: 275.39}}
	targets := []plancast.Target{
		yunheTarget("gdp", "14th-fyp", plancast.TargetAvgGrowth, 2020, 2025, 6.5),
		yunheTarget("gdp", "14th-fyp", plancast.TargetLevel, 2020, 2025, 260),
		yunheTarget("gdp", "15th-fyp", plancast.TargetAvgGrowth, 2025, 2030, 5.5),
		yunheTarget("gdp", "15th-fyp", plancast.TargetLevel, 2025, 2030, 320),
	}
	for i, g := range []float64{7, 6.5, 6, 5.5, 5.5, 5} {
		y := 2021 + i
		targets = append(targets, yunheTarget("gdp", planOfYear(y), plancast.TargetGrowth, 0, y, g))
	}
	return Spec{Region: yunhe, Indicator: gdp, History: hist, Projection: p, Targets: targets, Width: DefaultWidth, Height: DefaultHeight}
}

func planOfYear(y int) string { return strconv.Itoa(y) + "-annual" }

// yunheEnergy is the chart of /charts/yunhe/energy_intensity.png.
func yunheEnergy() Spec {
	var hist []plancast.Observation
	for i, v := range []float64{0.78, 0.75, 0.73, 0.71, 0.70, 0.68, 0.66} {
		hist = append(hist, obs("yunhe", "energy_intensity", 2019+i, v))
	}
	return Spec{Region: yunhe, Indicator: energyIntensity, History: hist,
		Projection: yunheProjection("energy_intensity", "tce_per_10k_yuan", [][5]float64{
			{0.6469, 0.6175, 0.6776, 0.5860, 0.7100}, {0.6344, 0.5900, 0.6849, 0.5536, 0.7295}, {0.6225, 0.5680, 0.6859, 0.5241, 0.7346},
			{0.6110, 0.5486, 0.6828, 0.4972, 0.7461}, {0.6000, 0.5300, 0.6822, 0.4808, 0.7595}}),
		Targets: []plancast.Target{
			yunheTarget("energy_intensity", "14th-fyp", plancast.TargetCeiling, 0, 2025, 0.62),
			yunheTarget("energy_intensity", "15th-fyp", plancast.TargetCeiling, 0, 2030, 0.58),
		},
		Width: DefaultWidth, Height: DefaultHeight}
}

// yunheUnemployment is the chart of /charts/yunhe/unemployment_rate.png.
func yunheUnemployment() Spec {
	var hist []plancast.Observation
	for i, v := range []float64{3.6, 4.1, 3.9, 4.2, 4.0, 3.8, 3.9} {
		hist = append(hist, obs("yunhe", "unemployment_rate", 2019+i, v))
	}
	return Spec{Region: yunhe, Indicator: registeredUnemp, History: hist,
		Projection: yunheProjection("unemployment_rate", plancast.UnitPercent, [][5]float64{
			{3.891, 3.651, 4.146, 3.398, 4.421}, {3.884, 3.515, 4.313, 3.222, 4.703}, {3.877, 3.419, 4.428, 3.063, 4.865},
			{3.871, 3.340, 4.507, 2.918, 5.090}, {3.866, 3.261, 4.611, 2.854, 5.340}}),
		Targets: []plancast.Target{
			yunheTarget("unemployment_rate", "14th-fyp", plancast.TargetCeiling, 0, 2025, 4.5),
			yunheTarget("unemployment_rate", "2021-annual", plancast.TargetCeiling, 0, 2021, 4.5),
			yunheTarget("unemployment_rate", "2026-annual", plancast.TargetCeiling, 0, 2026, 4.5),
		},
		Width: DefaultWidth, Height: DefaultHeight}
}
