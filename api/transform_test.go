package api_test

import (
	"bytes"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/api"
	"github.com/xuri/excelize/v2"
)

// A change (units=pch and the other year-on-year units) is computed from
// the figures of consecutive years. A year whose year before has no figure
// is left out, as before, and the answer now says which years and why in
// its notes, where Houma's GDP (2015 and 2020 only) answered an empty list
// without a word; it names the unit that annualises across a gap. An
// answer that leaves out only the first year, as every change must, has no
// note.
func TestAChangeLeftOutForAGapIsExplained(t *testing.T) {
	st := seeded(t, backends[0].open(t))
	s := startServer(t, st, api.Config{})
	var sr struct { // api.SeriesResponse's fields this test reads
		Observations []plancast.Observation
		Notes        []string
	}
	s.get("/api/v1/series/houma/gdp?units=pch").decode(t, 200, &sr)
	const pch = "units=pch (percent change) needs the figures of consecutive years; left out for want of the year before: 2015 (the series' first figure) and 2020 (no 2019 figure); units=pca gives the annual rate across a gap"
	if len(sr.Observations) != 0 || len(sr.Notes) != 1 || sr.Notes[0] != pch {
		t.Fatalf("pch of 2015 and 2020: %v, notes %q\nwant no figures and the note %q", sr.Observations, sr.Notes, pch)
	}
	s.get("/api/v1/series/houma/gdp?units=chg").decode(t, 200, &sr)
	if len(sr.Notes) != 1 || !strings.HasPrefix(sr.Notes[0], "units=chg (change) needs the figures of consecutive years;") || strings.Contains(sr.Notes[0], "annual rate") {
		t.Errorf("chg of 2015 and 2020: notes %q; want the change's note, with no annualised unit to offer", sr.Notes)
	}

	houma := token(t, st, plancast.Token{Region: "houma"})
	figure := obsJSON(t, plancast.Observation{Region: "houma", Indicator: "gdp", Year: 2021, Value: 131})
	s.do("POST", "/api/v1/observations", "application/json", houma, figure).decode(t, 200, nil)
	s.get("/api/v1/series/houma/gdp?units=pch").decode(t, 200, &sr)
	if len(sr.Observations) != 1 || sr.Observations[0].Year != 2021 || len(sr.Notes) != 1 || !strings.Contains(sr.Notes[0], "2020 (no 2019 figure)") {
		t.Errorf("pch of 2015, 2020 and 2021: %v, notes %q; want 2021 alone and 2020's gap said", sr.Observations, sr.Notes)
	}
	// from= cuts the answer, not the figures a change is taken from: 2021's
	// percent change is over the stored 2020, asked from 2021 or not; asked
	// from 2020, that year's want of 2019 is said.
	sr.Observations, sr.Notes = nil, nil
	s.get("/api/v1/series/houma/gdp?units=pch&from=2021").decode(t, 200, &sr)
	if len(sr.Observations) != 1 || sr.Observations[0].Year != 2021 || math.Abs(sr.Observations[0].Value-100*(131/120.8-1)) > 1e-9 || len(sr.Notes) != 0 {
		t.Errorf("pch from 2021: %v, notes %q; want 2021's %.4f over 2020 and no note", sr.Observations, sr.Notes, 100*(131/120.8-1))
	}
	sr.Observations, sr.Notes = nil, nil
	s.get("/api/v1/series/houma/gdp?units=pca&from=2020&to=2020").decode(t, 200, &sr)
	if len(sr.Observations) != 1 || math.Abs(sr.Observations[0].Value-100*(math.Pow(120.8/88.9, 0.2)-1)) > 1e-9 || len(sr.Notes) != 0 {
		t.Errorf("pca of 2020 alone: %v, notes %q; want its annual rate since 2015 and no note", sr.Observations, sr.Notes)
	}
	sr.Observations, sr.Notes = nil, nil
	s.get("/api/v1/series/houma/gdp?units=pch&from=2020").decode(t, 200, &sr)
	if len(sr.Observations) != 1 || sr.Observations[0].Year != 2021 || len(sr.Notes) != 1 ||
		!strings.HasSuffix(sr.Notes[0], "left out for want of the year before: 2020 (no 2019 figure); units=pca gives the annual rate across a gap") {
		t.Errorf("pch from 2020: %v, notes %q; want 2021 and 2020's gap said", sr.Observations, sr.Notes)
	}
	for _, path := range []string{"/api/v1/series/houma/gdp?units=pca", "/api/v1/series/houma/gdp"} {
		r := s.get(path)
		r.decode(t, 200, &sr)
		if len(sr.Observations) == 0 || strings.Contains(string(r.body), `"notes"`) {
			t.Errorf("%s: %s; want figures and no notes", path, r.body)
		}
	}
}

// A logarithm is taken only of a figure above 0, and a percent change is
// not taken from 0: units=pch, cch, pca, cca and log leave such years out,
// and until now did so without a word, so that Zizhou's crude oil output,
// shut in for a year, answered units=cch with one year of four and no
// reason. The notes name each year left out, the figure that kept it out,
// and the unit that gives its change where one does (chg, from the year
// before); nothing gives a logarithm of 0.
func TestAYearLeftOutForAFigureAtOrBelowZeroIsExplained(t *testing.T) {
	st := seeded(t, backends[0].open(t))
	s := startServer(t, st, api.Config{})
	zizhou := token(t, st, plancast.Token{Region: "zizhou"})
	var figures []plancast.Observation
	for year, v := range map[int]float64{2016: 12.5, 2017: 0, 2018: 3.2, 2019: 4} {
		figures = append(figures, plancast.Observation{Region: "zizhou", Indicator: "crude_oil_output", Year: year, Value: v})
	}
	// 0 is under a fifth of 12.5: a likely slip, unless accepted.
	s.do("POST", "/api/v1/observations?accept_jumps=true", "application/json", zizhou, obsJSON(t, figures...)).decode(t, 200, nil)

	for _, c := range []struct {
		query string
		years []int
		notes []string
	}{
		{"units=pch", []int{2017, 2019}, []string{
			"units=pch (percent change) is not taken from a figure of 0; left out: 2018 (2017's figure is 0); units=chg gives the change from the year before"}},
		{"units=cch", []int{2019}, []string{
			"units=cch (continuously compounded rate of change) is taken only from figures above 0; left out: 2017 (its figure is 0) and 2018 (2017's figure is 0); units=chg gives the change from the year before"}},
		{"units=cca", []int{2019}, []string{
			"units=cca (continuously compounded annual rate of change) is taken only from figures above 0; left out: 2017 (its figure is 0) and 2018 (2017's figure is 0); units=chg gives the change from the year before"}},
		{"units=log", []int{2016, 2018, 2019}, []string{
			"units=log (natural log) is taken only of figures above 0; left out: 2017 (its figure is 0)"}},
		// from= cuts the notes as it cuts the answer.
		{"units=pca&from=2018", []int{2019}, []string{
			"units=pca (compounded annual rate of change) is taken only from figures above 0; left out: 2018 (2017's figure is 0); units=chg gives the change from the year before"}},
		{"units=pca&from=2019", []int{2019}, nil},
		{"units=chg", []int{2017, 2018, 2019}, nil},
	} {
		var sr struct { // api.SeriesResponse's fields this test reads
			Observations []plancast.Observation
			Notes        []string
		}
		s.get("/api/v1/series/zizhou/crude_oil_output?"+c.query).decode(t, 200, &sr)
		var years []int
		for _, o := range sr.Observations {
			years = append(years, o.Year)
		}
		if !slices.Equal(years, c.years) || !slices.Equal(sr.Notes, c.notes) {
			t.Errorf("%s: years %v, notes %q\nwant years %v, notes %q", c.query, years, sr.Notes, c.years, c.notes)
		}
	}
}

// The notes follow Transform's own rule year by year, where gaps and
// figures at or below 0 meet: a year across a gap is said once, as a gap;
// a percent change from a negative figure is taken (an odd number, but a
// number), from 0 it is not; and chg is offered only for the years whose
// year before has a figure.
func TestNotesOnFiguresAtOrBelowZeroBesideGaps(t *testing.T) {
	obs := yearFigures
	for _, c := range []struct {
		units string
		obs   []plancast.Observation
		notes []string
	}{
		{"pch", obs(2015, 4, 2016, -2, 2017, 0, 2018, 1, 2020, 0, 2021, 3), []string{
			"units=pch (percent change) needs the figures of consecutive years; left out for want of the year before: 2015 (the series' first figure) and 2020 (no 2019 figure); units=pca gives the annual rate across a gap",
			"units=pch (percent change) is not taken from a figure of 0; left out: 2018 (2017's figure is 0) and 2021 (2020's figure is 0); units=chg gives the change from the year before"}},
		{"cch", obs(2015, 4, 2016, -2, 2017, -1, 2019, 3), []string{
			"units=cch (continuously compounded rate of change) needs the figures of consecutive years; left out for want of the year before: 2015 (the series' first figure) and 2019 (no 2018 figure); units=cca gives the annual rate across a gap",
			"units=cch (continuously compounded rate of change) is taken only from figures above 0; left out: 2016 (its figure is -2) and 2017 (its figure is -1 and 2016's -2); units=chg gives the change from the year before"}},
		// pca across a gap from a negative figure: no unit gives 2019 a change.
		{"pca", obs(2015, 4, 2016, -2.5, 2019, 3), []string{
			"units=pca (compounded annual rate of change) is taken only from figures above 0; left out: 2016 (its figure is -2.5) and 2019 (2016's figure is -2.5); units=chg gives the change from the year before for 2016"}},
		{"pca", obs(2015, -1, 2019, 3), []string{
			"units=pca (compounded annual rate of change) is taken only from figures above 0; left out: 2019 (2015's figure is -1)"}},
		// The first figure is left out by every change, whatever it is.
		{"pca", obs(2015, -1, 2016, 3, 2017, 4), []string{
			"units=pca (compounded annual rate of change) is taken only from figures above 0; left out: 2016 (2015's figure is -1); units=chg gives the change from the year before"}},
		{"log", obs(2015, -1), []string{
			"units=log (natural log) is taken only of figures above 0; left out: 2015 (its figure is -1)"}},
		{"log", obs(2015, 1, 2016, 2), nil},
		{"chg", obs(2015, -1, 2016, 0, 2017, 0), nil},
	} {
		var figures []string
		for _, o := range c.obs {
			figures = append(figures, fmt.Sprintf("%d: %g", o.Year, o.Value))
		}
		if got := api.TransformNotes(c.obs, c.units, 0); !slices.Equal(got, c.notes) {
			t.Errorf("units=%s of %s: notes\n%q\nwant\n%q", c.units, strings.Join(figures, ", "), got, c.notes)
		}
		// Every year the notes name is one Transform left out.
		kept := map[int]bool{}
		for _, o := range api.Transform(c.obs, c.units) {
			kept[o.Year] = true
		}
		for _, note := range c.notes {
			for _, o := range c.obs {
				if kept[o.Year] && strings.Contains(note, fmt.Sprintf("%d (", o.Year)) {
					t.Errorf("units=%s of %s: the note %q names %d, which Transform kept", c.units, strings.Join(figures, ", "), note, o.Year)
				}
			}
		}
	}
}

// The notes were in English only, in the JSON and in the Chinese XLSX
// alike. The answer now carries them in Chinese too (notes_zh, beside
// notes, as an assessment carries explanation_zh; lang= chooses the
// language of a download, not of the JSON), worded as the Chinese pages
// word years ("2020年"), and the Chinese XLSX's 说明 sheet carries those.
func TestTheNotesAreInChineseToo(t *testing.T) {
	st := seeded(t, backends[0].open(t))
	s := startServer(t, st, api.Config{})
	const (
		pch   = "units=pch (percent change) needs the figures of consecutive years; left out for want of the year before: 2015 (the series' first figure) and 2020 (no 2019 figure); units=pca gives the annual rate across a gap"
		pchZh = "units=pch（变化率）须由相邻两年的数据计算，因缺上年数据未列：2015年（序列首年）、2020年（无2019年数据）；跨缺失年份的年均变化率可用units=pca"
	)
	for _, path := range []string{"/api/v1/series/houma/gdp?units=pch", "/api/v1/series/houma/gdp?units=pch&lang=zh", "/api/v1/series/houma/gdp?units=pch&lang=en"} {
		var sr api.SeriesResponse
		s.get(path).decode(t, 200, &sr)
		if !slices.Equal(sr.Notes, []string{pch}) || !slices.Equal(sr.NotesZh, []string{pchZh}) {
			t.Errorf("%s: notes %q, notes_zh %q\nwant %q and %q", path, sr.Notes, sr.NotesZh, pch, pchZh)
		}
	}
	if r := s.get("/api/v1/series/houma/gdp?units=pca"); strings.Contains(string(r.body), `"notes_zh"`) {
		t.Errorf("units=pca of Houma's GDP: %s; want no notes in either language", r.body)
	}
	about := func(path, sheet string) [][]string {
		t.Helper()
		f, err := excelize.OpenReader(bytes.NewReader(s.get(path).body))
		if err != nil {
			t.Fatalf("GET %s: not an XLSX file: %v", path, err)
		}
		defer f.Close()
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatalf("GET %s: %v", path, err)
		}
		return rows
	}
	if zh := about("/api/v1/series/houma/gdp?units=pch&format=xlsx&lang=zh", "说明"); len(zh) != 5 || !slices.Equal(zh[4], []string{"未列年份", pchZh}) {
		t.Errorf("the Chinese units=pch XLSX's 说明 sheet:\n%q\nwant the note in Chinese, %q", zh, pchZh)
	}
	if en := about("/api/v1/series/houma/gdp?units=pch&format=xlsx", "About"); len(en) != 5 || !slices.Equal(en[4], []string{"Left out", pch}) {
		t.Errorf("the English units=pch XLSX's About sheet:\n%q\nwant the note in English, %q", en, pch)
	}
}

// The Chinese notes say what the English ones say, year for year: each
// case's Chinese wording, and for every unit over series with gaps and
// figures at or below 0, the same years named in both languages.
func TestChineseNotesNameTheYearsTheEnglishOnesDo(t *testing.T) {
	obs := yearFigures
	for _, c := range []struct {
		units string
		obs   []plancast.Observation
		from  int
		notes []string
	}{
		{"chg", obs(2015, 88.9, 2020, 120.8), 0, []string{
			"units=chg（变化量）须由相邻两年的数据计算，因缺上年数据未列：2015年（序列首年）、2020年（无2019年数据）"}},
		{"cch", obs(2015, 4, 2016, -2, 2017, -1, 2019, 3), 0, []string{
			"units=cch（连续复利变化率）须由相邻两年的数据计算，因缺上年数据未列：2015年（序列首年）、2019年（无2018年数据）；跨缺失年份的年均变化率可用units=cca",
			"units=cch（连续复利变化率）只能由大于0的数据计算，未列：2016年（该年数据为-2）、2017年（该年数据为-1，2016年为-2）；与上年相比的变化量可用units=chg"}},
		{"pch", obs(2016, 12.5, 2017, 0, 2018, 3.2, 2019, 4), 0, []string{
			"units=pch（变化率）不能以0为基数计算，未列：2018年（2017年数据为0）；与上年相比的变化量可用units=chg"}},
		{"pca", obs(2015, 4, 2016, -2.5, 2019, 3), 0, []string{
			"units=pca（年均复合变化率）只能由大于0的数据计算，未列：2016年（该年数据为-2.5）、2019年（2016年数据为-2.5）；2016年与上年相比的变化量可用units=chg"}},
		{"pca", obs(2015, 4, 2016, -2.5, 2019, 3), 2019, []string{
			"units=pca（年均复合变化率）只能由大于0的数据计算，未列：2019年（2016年数据为-2.5）"}},
		{"log", obs(2016, 12.5, 2017, 0, 2018, 3.2), 0, []string{
			"units=log（自然对数）只能取大于0的数据的对数，未列：2017年（该年数据为0）"}},
		{"pch", obs(2021, 131), 0, []string{
			"units=pch（变化率）须由相邻两年的数据计算，因缺上年数据未列：2021年（序列首年）；跨缺失年份的年均变化率可用units=pca"}},
		{"pch", obs(2015, 88.9, 2016, 95), 0, nil},
	} {
		if got := api.TransformNotesZh(c.obs, c.units, c.from); !slices.Equal(got, c.notes) {
			t.Errorf("units=%s of %v from %d: Chinese notes\n%q\nwant\n%q", c.units, c.obs, c.from, got, c.notes)
		}
	}
	named := regexp.MustCompile(`(\d{4})(?: \(|年（)`) // a year a note names as left out
	years := func(notes []string) [][]string {
		var out [][]string
		for _, n := range notes {
			var ys []string
			for _, m := range named.FindAllStringSubmatch(n, -1) {
				ys = append(ys, m[1])
			}
			out = append(out, ys)
		}
		return out
	}
	for _, series := range [][]plancast.Observation{
		obs(2015, 4, 2016, -2, 2017, 0, 2018, 1, 2020, 0, 2021, 3),
		obs(2015, -1, 2019, 3, 2020, 5),
		obs(2010, 0, 2011, 0, 2013, -4, 2014, 2),
		obs(2015, 88.9, 2020, 120.8),
		obs(2020, -3),
	} {
		for _, units := range api.Units {
			for _, from := range []int{0, 2016, 2020} {
				en, zh := api.TransformNotes(series, units, from), api.TransformNotesZh(series, units, from)
				if !slices.EqualFunc(years(en), years(zh), slices.Equal) {
					t.Errorf("units=%s of %v from %d: the notes name %q in English, %q in Chinese\n%q\n%q", units, series, from, years(en), years(zh), en, zh)
				}
			}
		}
	}
}

// yearFigures builds a series' figures from year, value pairs.
func yearFigures(pairs ...float64) []plancast.Observation {
	var out []plancast.Observation
	for i := 0; i+1 < len(pairs); i += 2 {
		out = append(out, plancast.Observation{Year: int(pairs[i]), Value: pairs[i+1]})
	}
	return out
}
