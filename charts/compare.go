package charts

import (
	"fmt"
	"io"
	"math"
	"slices"
	"sort"

	"github.com/plancast/plancast"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// MaxCompareSeries is the most regions one comparison chart shows.
const MaxCompareSeries = 8

// RegionSeries is one region's line in a comparison chart.
type RegionSeries struct {
	Region     plancast.Region
	History    []plancast.Observation
	Projection *plancast.Projection // may be nil
}

// CompareSpec is a chart of one indicator across regions.
type CompareSpec struct {
	Indicator plancast.Indicator
	Series    []RegionSeries // 1–MaxCompareSeries regions, drawn in this order
	Width     int            // pixels; 0 means DefaultWidth
	Height    int            // pixels; 0 means DefaultHeight
	Lang      string         // LangEn (default) or LangZh
	From      int            // first year shown; 0 shows all
	Horizon   int            // projected years shown; 0 shows all
	Sources   []string       // documents for the source line
	AsOf      plancast.Date  // the date of the data, when not the latest (said on the source line)
}

// Validate returns an EINVALID error for a bad size, language, year or
// number of series.
func (s *CompareSpec) Validate() error {
	if err := validSize(s.Width, s.Height); err != nil {
		return err
	}
	if err := validLang(s.Lang); err != nil {
		return err
	}
	switch {
	case len(s.Series) == 0:
		return plancast.Errorf(plancast.EINVALID, "comparison of %s: no region given", s.Indicator.Code)
	case len(s.Series) > MaxCompareSeries:
		return plancast.Errorf(plancast.EINVALID, "comparison of %s: %d regions, at most %d", s.Indicator.Code, len(s.Series), MaxCompareSeries)
	}
	return validYears(s.From, s.Horizon)
}

// RenderCompare draws one indicator across regions in format ("png" or
// "svg") to w: one colour per region, history solid with a dot per year,
// projection mean dashed, each line named at its end.
func RenderCompare(w io.Writer, s CompareSpec, format string) error {
	if err := prepare(format, s.Validate, &s.Width, &s.Height); err != nil {
		return err
	}
	f, err := compareFigure(&s)
	if err != nil {
		return err
	}
	return f.write(w, s.Width, s.Height, format)
}

func compareFigure(s *CompareSpec) (*figure, error) {
	fnts, lang, note := newFonts(s.Lang)
	f := &figure{fonts: fnts, lang: lang, note: note}
	wd := dict[lang]
	f.title = fmt.Sprintf(wd.CompareTitleFmt, indicatorName(s.Indicator, lang))

	var (
		xs, ys   []float64
		layers   []layer
		projDone bool
		methods  []string
	)
	for i, rs := range s.Series {
		col := colSeries[i%len(colSeries)]
		hist := sortedHistory(rs.History, s.From)
		var line, mean []xy
		for _, o := range hist {
			line = append(line, xy{float64(o.Year), o.Value})
		}
		if p := rs.Projection; p != nil {
			if len(line) > 0 && int(line[len(line)-1].x) == p.LastYear {
				mean = append(mean, line[len(line)-1])
			}
			pts := slices.Clone(p.Points)
			sort.Slice(pts, func(a, b int) bool { return pts[a].Year < pts[b].Year })
			for _, q := range pts {
				if q.Year <= p.LastYear || q.Year < s.From || (s.Horizon > 0 && q.Year > p.LastYear+s.Horizon) {
					continue
				}
				mean = append(mean, xy{float64(q.Year), q.Mean})
			}
			if p.Method != "" && !slices.Contains(methods, p.Method) {
				methods = append(methods, p.Method)
			}
		}
		if len(line) == 0 && len(mean) == 0 {
			continue
		}
		for _, q := range append(slices.Clone(line), mean...) {
			xs, ys = append(xs, q.x), append(ys, q.y)
		}
		histSty, glyph, hl := historyLayers(hist, col)
		meanSty := draw.LineStyle{Color: col, Width: vg.Points(1.5), Dashes: dashMean}
		layers = append(layers, hl...)
		layers = append(layers, layer{z: zMean, p: lineOf(mean, meanSty)})
		if len(mean) > 1 {
			projDone = true
		}
		end := line
		if len(mean) > 0 {
			end = mean
		}
		name := regionName(rs.Region, lang)
		layers = append(layers, layer{z: zLabel, p: label(f, end[len(end)-1], name, sizeSmall, col, sideLeft, vg.Points(7))})
		f.legend = append(f.legend, legendItem{name, swatchLine(histSty, &glyph)})
	}
	if len(xs) == 0 {
		return nil, plancast.Errorf(plancast.EINVALID, "comparison of %s: nothing to chart (no observation and no projection)", s.Indicator.Code)
	}
	if projDone {
		f.legend = append(f.legend, legendItem{wd.Mean, swatchLine(draw.LineStyle{Color: colMuted, Width: vg.Points(1.5), Dashes: dashMean}, nil)})
	}

	xmin, xmax := slices.Min(xs), slices.Max(xs)
	if xmax-xmin < 4 {
		xmin = xmax - 4
	}
	ymin, ymax := yRange(ys)
	xmin, xmax = xmin-0.5, xmax+0.5
	plotW := vg.Length(float64(s.Width)*72/float64(scaleDPI(s.Width, s.Height))) - vg.Points(60)
	p := f.newPlot(s.Indicator.Unit, xmin, xmax, ymin, ymax, plotW)
	layers = append(layers,
		layer{z: zBands, p: periodBands(f, periodsIn(int(math.Ceil(xmin)), int(math.Floor(xmax))))},
		layer{z: zGrid, p: hGrid()},
	)
	sort.SliceStable(layers, func(i, j int) bool { return layers[i].z < layers[j].z })
	for _, l := range layers {
		p.Add(l.p)
	}
	f.plot = p

	var hist []plancast.Observation
	for _, rs := range s.Series {
		hist = append(hist, rs.History...)
	}
	var proj *plancast.Projection
	if projDone {
		proj = &plancast.Projection{Method: joinMethods(methods), Points: []plancast.ProjectionPoint{{}}}
	}
	f.source = sourceLine(&Spec{History: hist, Projection: proj, Sources: s.Sources, AsOf: s.AsOf}, lang)
	return f, nil
}

func joinMethods(ms []string) string {
	out := ""
	for i, m := range ms {
		if i > 0 {
			out += ", "
		}
		out += m
	}
	return out
}
