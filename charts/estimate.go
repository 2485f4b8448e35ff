package charts

import (
	"fmt"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/forecast"
)

// An estimate of the year in progress (a work report's 预计全年, pushed
// with status estimate before its year ended) is not the year's figure:
// the assessment does not judge on it and the projection starts from the
// latest real figure (forecast.WithoutEarlyEstimate). The chart draws it
// apart from the figures, as a hollow square joined to the latest figure
// by a dotted line, with its own legend entry and label ("2026 estimate:
// 142.6"); the line of figures, the latest figure's label and everything
// measured from the latest figure (the projection, the required paths)
// end at the year before it.

// withoutEstimate is s without the early estimate among its History (a
// copy when there is one), and that estimate, nil when there is none. The
// estimate's document stays on the source line.
func withoutEstimate(s *Spec) (*Spec, *plancast.Observation) {
	hist := sortedHistory(s.History, 0)
	stripped, est := forecast.WithoutEarlyEstimate(&plancast.Series{Observations: hist, Stated: s.Stated})
	if est == nil {
		return s, nil
	}
	out := *s
	out.History, out.Stated = stripped.Observations, stripped.Stated
	if d := est.Source.Document; d != "" {
		out.Sources = append(append([]string(nil), s.Sources...), d)
	}
	return &out, est
}

// estimateLayers draws est after the latest figure (latest, nil for none)
// and gives its legend entry and label.
func estimateLayers(est *plancast.Observation, latest *xy, s *Spec, lang string) ([]layer, legendItem, labelSpec) {
	wd := dict[lang]
	at := xy{float64(est.Year), est.Value}
	lineSty := draw.LineStyle{Color: colHistory, Width: vg.Points(1), Dashes: dashImplied}
	glyph := draw.GlyphStyle{Color: colHistory, Radius: vg.Points(3.5), Shape: draw.SquareGlyph{}}
	var layers []layer
	if latest != nil {
		layers = append(layers, layer{z: zHistory, p: lineOf([]xy{*latest, at}, lineSty)})
	}
	// over a target's ring and the year to date's diamond of its year,
	// which would hide it
	layers = append(layers, layer{z: zToDate, p: pointsOf([]xy{at}, glyph)})
	label := labelSpec{at, fmt.Sprintf(wd.EstimateFmt, est.Year, latestValue(est.Value, s, lang)), sizeSmall, colHistory, sideLeft, vg.Points(8), rankToDate}
	return layers, legendItem{wd.Estimate, swatchLine(lineSty, &glyph)}, label
}
