package ingest

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The fuzz targets check that no input makes a reader panic or hang, and
// that what a reader accepts is valid: a batch without problems holds only
// observations and targets that pass their own validation. Seeds are the
// fixtures. Run one with, for example:
//
//	go test ./ingest -run '^$' -fuzz FuzzParseCSV -fuzztime 20s

func addFixtures(f *testing.F, pattern string) {
	names, err := filepath.Glob(filepath.Join("testdata", pattern))
	if err != nil || len(names) == 0 {
		f.Fatalf("no fixtures %s: %v", pattern, err)
	}
	for _, n := range names {
		data, err := os.ReadFile(n)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
}

func fuzzParse(t *testing.T, name string, data []byte) {
	b, err := Parse(name, "", bytes.NewReader(data), seedCatalog(t), Options{Published: pushDate, MaxRows: 10_000})
	if err != nil {
		t.Fatalf("Parse returned an error for in-memory input: %v", err)
	}
	for _, p := range b.Problems {
		if strings.HasPrefix(p.Message, xlsxPanicked) {
			t.Fatalf("the spreadsheet reader panicked: %s", p.Message)
		}
	}
	if len(b.Problems) > DefaultMaxProblems+1 {
		t.Fatalf("%d problems, more than the limit", len(b.Problems))
	}
	if len(b.Problems) > 0 {
		return
	}
	for i := range b.Observations {
		o := b.Observations[i]
		if err := o.Validate(); err != nil {
			t.Fatalf("accepted an invalid observation %+v: %v", o, err)
		}
	}
	for i := range b.Targets {
		if err := b.Targets[i].Validate(); err != nil {
			t.Fatalf("accepted an invalid target %+v: %v", b.Targets[i], err)
		}
	}
}

func FuzzParseCSV(f *testing.F) {
	addFixtures(f, "*.csv")
	f.Add([]byte("地区,指标,年份\n侯马,GDP,2019\n"))
	f.Add([]byte("region,indicator,year,status,value,growth (%),growth_base_year\nhouma,gdp,2020,,120.8,5.3,2015\nhouma,gdp,2019,withdrawn,,−3.2%,\n"))
	f.Add([]byte("地区,年份,地区生产总值,增速,基期\n侯马,2020,120.8,5.3,2015\n"))
	f.Add([]byte("侯马市\n指标,单位,2024年（万元）,比上年增长（%）\n地区生产总值①,亿元,160.2,5.1\n\n①2024年为初步核算数。\n"))
	f.Add([]byte("侯马市“十四五”主要指标\n类别,指标,单位,2020年,2025年目标,年均增长（%）,属性\n经济发展,地区生产总值,亿元,120.8,250,15.7,预期性\n民生,城镇调查失业率,%,3.5,<5.5,—,约束性\n"))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzParse(t, "fuzz.csv", data) })
}

func FuzzParseJSON(f *testing.F) {
	addFixtures(f, "*.json")
	f.Add([]byte(`[{"region":"houma","indicator":"gdp","observations":[{"year":"2019年","value":"1,2"}]}]`))
	f.Add([]byte(`[{"region":"houma","indicator":"gdp","year":2020,"value":120.8,"growth":"5.3%","growth_base_year":2015}]`))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzParse(t, "fuzz.json", data) })
}

func FuzzParseXLSX(f *testing.F) {
	addFixtures(f, "*.xlsx")
	f.Fuzz(func(t *testing.T, data []byte) { fuzzParse(t, "fuzz.xlsx", data) })
}
