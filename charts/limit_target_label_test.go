package charts

import (
	"fmt"
	"strings"
	"testing"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/forecast"
)

// A share's Five-Year-Plan target at or near 100 is labelled, as one of 45
// is: the user test's waste treatment rates (Linfen's 96.0 in 2015 to
// 99.85 in 2025) against targets of 100, 99.9, 99.95 and 99.99 for 2030
// were never labelled at 600×400, 900×560 or 1200×800. The diamond sits
// at the top of the plot and its label, left of it, crossed the latest
// figure's marker; clearing it took a move down a little more than the
// label's own height, so it was left out, though 9 points above or below
// where it asked to be it crowded nothing. Such a label (the third kept,
// after the latest figure and the year to date) now tries those places
// before it is left out.
func TestAShareTargetNear100IsLabelled(t *testing.T) {
	waste := plancast.Indicator{Code: "waste_treatment_rate", Name: "Harmless treatment rate of household waste", NameZh: "生活垃圾无害化处理率",
		Unit: plancast.UnitPercent, Kind: plancast.KindRate, Better: plancast.BetterHigher, OfWhole: true}
	years := []int{2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025}
	values := []float64{96.0, 97.12, 97.93, 98.51, 98.93, 99.23, 99.44, 99.6, 99.71, 99.79, 99.85}
	var hist []plancast.Observation
	for i, y := range years {
		hist = append(hist, obs("linfen", waste.Code, y, values[i]))
	}
	r, err := forecast.Forecast(years, values, forecast.Options{Horizon: 5, Limits: forecast.LimitsOf(waste)})
	if err != nil {
		t.Fatal(err)
	}
	proj := &plancast.Projection{Region: "linfen", Indicator: waste.Code, Unit: waste.Unit, Method: r.Method, LastYear: r.LastYear, Points: r.Points}
	for _, target := range []float64{100, 99.9, 99.95, 99.99} {
		for _, size := range [][2]int{{600, 400}, {900, 560}, {1200, 800}} {
			s := Spec{Region: plancast.Region{Code: "linfen", Name: "Linfen", NameZh: "临汾市", Level: plancast.LevelPrefecture},
				Indicator: waste, History: hist, Projection: proj, Lang: LangEn,
				Targets: []plancast.Target{{Region: "linfen", Indicator: waste.Code, Plan: "15th-fyp", Kind: plancast.TargetLevel, Year: 2030, Value: target, BaseYear: 2025}},
				Width:   size[0], Height: size[1]}
			text, _ := chartText(t, s)
			want := fmt.Sprintf("15th FYP target 2030: %s%%, needs", plancast.FormatNumber(target, -1))
			if !strings.Contains(text, want) {
				t.Errorf("target %v at %d×%d: the chart does not read %q; it reads %q", target, size[0], size[1], want, text)
			}
		}
	}
}
