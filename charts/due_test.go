package charts

import (
	"bytes"
	"image"
	"strings"
	"testing"

	"github.com/plancast/plancast"
)

// isHatch is the hatch of the ended years without a figure over the
// plot's pale bands: warm, where the bands are cool grey.
var isHatch = func(r, g, b uint8) bool { return int(r) > int(b)+25 && r > 180 }

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
			// a column of the year from 30 to 90, under the fan (from 104)
			// and over the label at the foot of the plot
			column := func(year float64) image.Rectangle {
				return image.Rectangle{Min: pixelAt(year-0.3, 90), Max: pixelAt(year+0.3, 30)}
			}
			for _, y := range c.hatched {
				if n := count(img, column(y), isHatch); n < 40 {
					t.Errorf("%v: %d pixels of the hatch, want ≥ 40", y, n)
				}
			}
			for _, y := range c.clear {
				if n := count(img, column(y), isHatch); n > 0 {
					t.Errorf("%v: %d pixels of the hatch, want none", y, n)
				}
			}
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
