package charts

import (
	"bytes"
	"image"
	"strings"
	"testing"

	"github.com/plancast/plancast"
)

// isHatch is the hatch of the ended years without a figure over the
// plot's pale bands: a neutral grey darker than the bands (red 238 and 247,
// bluer than grey). The grid's grey (221) is one too, so the columns looked
// at keep off its lines.
var isHatch = func(r, g, b uint8) bool {
	return max(r, g, b)-min(r, g, b) < 6 && r < 234 && r > 150
}

// The years ended without a figure are hatched and named, in the chart's
// language and the dashboard's words: Houma's GDP, whose figures end in
// 2020, drawn in November 2026 runs its projection through 2021–2025,
// which have ended; drawn in March 2021, when 2020 was the last year
// ended, it marks nothing. A chart of the past is marked as of its AsOf,
// not today: as of May 2022 only 2021 had ended without a figure. The
// small chart says it too.
func TestEndedYearsWithoutFiguresAreMarked(t *testing.T) {
	nov2026 := plancast.NewDate(2026, 11, 22)
	cases := []struct {
		name         string
		today, asOf  plancast.Date
		hatched      []float64 // years whose column is hatched, below the fan
		clear        []float64 // years whose column is not
		text, textZh string    // "" for none
	}{
		{"drawn in November 2026", nov2026, plancast.Date{}, []float64{2021, 2023, 2025}, []float64{2016, 2018, 2020},
			"no figures for 2021–2025 yet", "2021—2025年数据未录入"},
		{"drawn in March 2021", plancast.NewDate(2021, 3, 1), plancast.Date{}, nil, []float64{2016, 2018, 2020, 2021, 2023, 2025}, "", ""},
		{"as of May 2022, drawn in November 2026", nov2026, plancast.NewDate(2022, 5, 1), []float64{2021}, []float64{2016, 2020, 2022, 2024},
			"no figure for 2021 yet", "2021年数据未录入"},
		{"drawn with no date", plancast.Date{}, plancast.Date{}, nil, []float64{2016, 2021, 2023, 2025}, "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := houmaGDP()
			s.Today, s.AsOf = c.today, c.asOf
			f, err := historyFigure(&s)
			if err != nil {
				t.Fatal(err)
			}
			img, pixelAt := renderFigurePNG(t, f, s.Width, s.Height)
			// a column of the year from 55 to 95, under the fan (from 104),
			// over the label at the foot of the plot, between the grid's
			// lines at 50 and 100
			column := func(year float64) image.Rectangle {
				return image.Rectangle{Min: pixelAt(year-0.3, 95), Max: pixelAt(year+0.3, 55)}
			}
			checkHatch(t, img, column, c.hatched, c.clear, 40)
			for _, lang := range []string{LangEn, LangZh} {
				want := map[string]string{LangEn: c.text, LangZh: c.textZh}[lang]
				if got, _ := ResolveLang(lang); got != lang {
					continue
				}
				s.Lang = lang
				for _, size := range []image.Point{{DefaultWidth, DefaultHeight}, {MinWidth, MinHeight}} {
					s.Width, s.Height = size.X, size.Y
					var buf bytes.Buffer
					if err := Render(&buf, s, "svg"); err != nil {
						t.Fatal(err)
					}
					text := svgText(t, buf.Bytes())
					if want != "" && !strings.Contains(text, want) && !strings.Contains(strings.ReplaceAll(text, " ", ""), strings.ReplaceAll(want, " ", "")) { // wrapped, the lines run together
						t.Errorf("%s at %dx%d: the chart reads %q, want it to say %q", lang, size.X, size.Y, text, want)
					}
					if want == "" && (strings.Contains(text, "no figure") || strings.Contains(text, "未录入")) {
						t.Errorf("%s at %dx%d: the chart reads %q, want no year said to be without figures", lang, size.X, size.Y, text)
					}
				}
			}
		})
	}
}

// The words are the dashboard's, for one year and for several.
func TestFiguresDueText(t *testing.T) {
	for _, c := range []struct {
		due        *plancast.YearSpan
		lang, want string
	}{
		{&plancast.YearSpan{From: 2021, To: 2025}, LangEn, "no figures for 2021–2025 yet"},
		{&plancast.YearSpan{From: 2021, To: 2025}, LangZh, "2021—2025年数据未录入"},
		{&plancast.YearSpan{From: 2025, To: 2025}, LangEn, "no figure for 2025 yet"},
		{&plancast.YearSpan{From: 2025, To: 2025}, LangZh, "2025年数据未录入"},
		{nil, LangEn, ""},
	} {
		if got := FiguresDueText(c.due, c.lang); got != c.want {
			t.Errorf("FiguresDueText(%+v, %s) = %q, want %q", c.due, c.lang, got, c.want)
		}
	}
}

// A comparison hatches the ended years that no region drawn has a figure
// of and names them, and names on its source line each region whose
// figures end before that with its own ended years: with Houma's and
// Zizhou's figures both ending in 2020, drawn in November 2026, 2021–2025
// are hatched and no region is named; with Zizhou's to 2022, 2023–2025
// are hatched and Houma is named with 2021–2025. Drawn in March 2021
// nothing is marked.
func TestAComparisonMarksTheEndedYearsWithoutFigures(t *testing.T) {
	nov2026 := plancast.NewDate(2026, 11, 22)
	zizhouTo2022 := func(s *CompareSpec) {
		s.Series[1].History = append(s.Series[1].History, obs("zizhou", "gdp", 2021, 70.2), obs("zizhou", "gdp", 2022, 74.8))
		s.Series[1].Projection = projection("zizhou", "gdp", plancast.Unit100mYuan, 2022, 74.8, 0.06, 0.04, 3)
	}
	cases := []struct {
		name           string
		today          plancast.Date
		change         func(*CompareSpec)
		hatched, clear []float64
		text, source   string // "" for none
	}{
		{"both to 2020, drawn in November 2026", nov2026, func(*CompareSpec) {}, []float64{2021, 2025}, []float64{2016, 2020},
			"no figures for 2021–2025 yet", ""},
		{"Zizhou's to 2022, drawn in November 2026", nov2026, zizhouTo2022, []float64{2023, 2025}, []float64{2016, 2021, 2022},
			"no figures for 2023–2025 yet", "Houma: no figures for 2021–2025 yet."},
		{"both to 2020, drawn in March 2021", plancast.NewDate(2021, 3, 1), func(*CompareSpec) {}, nil, []float64{2016, 2021, 2025}, "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := compareSpec()
			s.Today = c.today
			c.change(&s)
			f, err := compareFigure(&s)
			if err != nil {
				t.Fatal(err)
			}
			img, pixelAt := renderFigurePNG(t, f, s.Width, s.Height)
			column := func(year float64) image.Rectangle { // under every line, over the label at the foot, off the grid
				return image.Rectangle{Min: pixelAt(year-0.3, 35), Max: pixelAt(year+0.3, 15)}
			}
			checkHatch(t, img, column, c.hatched, c.clear, 10)
			var buf bytes.Buffer
			if err := RenderCompare(&buf, s, "svg"); err != nil {
				t.Fatal(err)
			}
			text := svgText(t, buf.Bytes())
			if c.text != "" && !strings.Contains(text, c.text) || c.text == "" && strings.Contains(text, "yet") {
				t.Errorf("the comparison reads %q, want the hatch named %q", text, c.text)
			}
			if c.source != "" && !strings.Contains(f.source, c.source) || c.source == "" && strings.Contains(f.source, "yet") {
				t.Errorf("the source line reads %q, want %q", f.source, c.source)
			}
		})
	}
	s := compareSpec()
	s.Today, s.Lang = nov2026, LangZh
	zizhouTo2022(&s)
	if eff, _ := ResolveLang(LangZh); eff == LangZh {
		f, err := compareFigure(&s)
		if err != nil {
			t.Fatal(err)
		}
		if want := "侯马市：2021—2025年数据未录入。"; !strings.Contains(f.source, want) {
			t.Errorf("the Chinese source line reads %q, want %q", f.source, want)
		}
	}
}

// checkHatch checks the column of each year of hatched (at least least
// pixels of the hatch) and of clear (none).
func checkHatch(t *testing.T, img image.Image, column func(year float64) image.Rectangle, hatched, clear []float64, least int) {
	t.Helper()
	for _, y := range hatched {
		if n := count(img, column(y), isHatch); n < least {
			t.Errorf("%v: %d pixels of the hatch, want ≥ %d", y, n, least)
		}
	}
	for _, y := range clear {
		if n := count(img, column(y), isHatch); n > 0 {
			t.Errorf("%v: %d pixels of the hatch, want none", y, n)
		}
	}
}
