package ingest

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/plancast/plancast"
)

// benchCatalog has 400 synthetic counties and the nine seed indicators, so a
// 100k-row file has 100k distinct figures (400 regions × 9 indicators × 28 years).
func benchCatalog(b *testing.B) Catalog {
	cat := seedCatalog(b)
	for i := 0; i < 400; i++ {
		cat.Regions = append(cat.Regions, plancast.Region{Code: fmt.Sprintf("county%03d", i), NameZh: fmt.Sprintf("第%d县", i), Level: plancast.LevelCounty})
	}
	return cat
}

var benchIndicators = []struct{ code, unit, value string }{
	{"gdp", "万元", "1,160,000"}, {"budget_revenue", "亿元", "5.29"}, {"urban_disposable_income", "元", "33029"},
	{"rural_disposable_income", "元", "17431"}, {"fixed_asset_investment", "billion yuan", "12.1"},
	{"retail_sales", "亿元", "40.2"}, {"industrial_value_added", "亿元", "17"}, {"unemployment_rate", "%", "2.9"},
	{"industrial_output", "万元", "4,000,000"},
}

// longCSV writes n rows of the long layout, every fifth region by its Chinese name.
func longCSV(n int) []byte {
	var buf bytes.Buffer
	buf.WriteString("region,indicator,year,value,unit,status\n")
	for i := 0; i < n; i++ {
		region := fmt.Sprintf("county%03d", i/(9*28)%400)
		if i%5 == 0 {
			region = fmt.Sprintf("第%d县", i/(9*28)%400)
		}
		ind := benchIndicators[i%9]
		fmt.Fprintf(&buf, "%s,%s,%d,\"%s\",%s,final\n", region, ind.code, 1995+(i/9)%28, ind.value, ind.unit)
	}
	return buf.Bytes()
}

// BenchmarkParseLongCSV100k parses and validates 100,000 rows, with the
// document's size unknown (slices grow by copying, as for an HTTP body) and
// known (Options.Size, as plancast ingest passes a file's size).
func BenchmarkParseLongCSV100k(b *testing.B) {
	data := longCSV(100_000)
	cat := benchCatalog(b)
	for _, c := range []struct {
		name string
		size int64
	}{{"size=unknown", 0}, {"size=known", int64(len(data))}} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				batch, err := Parse("big.csv", "", bytes.NewReader(data), cat, Options{Size: c.size})
				if err != nil || len(batch.Problems) != 0 || len(batch.Observations) != 100_000 {
					b.Fatalf("%v %v %d", err, problemTexts(batch.Problems), len(batch.Observations))
				}
			}
		})
	}
}

// longXLSX writes the same rows as longCSV into a workbook, numbers as numbers.
func longXLSX(b *testing.B, n int) []byte { return longXLSXStyled(b, n, false) }

// longXLSXStyled is longXLSX; with percentRates, the rates are written as
// Excel keeps a typed percentage, a fraction (0.029) in a cell formatted as
// 0.0%, so that every figure's cell is looked up in the style scan.
func longXLSXStyled(b *testing.B, n int, percentRates bool) []byte {
	f := excelize.NewFile()
	pct := 0
	if percentRates {
		var err error
		if pct, err = f.NewStyle(&excelize.Style{NumFmt: 10}); err != nil {
			b.Fatal(err)
		}
	}
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		b.Fatal(err)
	}
	_ = sw.SetRow("A1", []any{"地区", "指标", "年份", "数值", "单位"})
	for i := 0; i < n; i++ {
		ind := benchIndicators[i%9]
		v, _ := parseNumber(ind.value)
		var value any = v
		if percentRates && ind.unit == "%" {
			value = excelize.Cell{StyleID: pct, Value: v / 100}
		}
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := sw.SetRow(cell, []any{fmt.Sprintf("county%03d", i/(9*28)%400), ind.code, 1995 + (i/9)%28, value, ind.unit}); err != nil {
			b.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		b.Fatal(err)
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		b.Fatal(err)
	}
	return buf.Bytes()
}

const xlsxBenchRows = 100_000

func BenchmarkParseLongXLSX100k(b *testing.B) {
	benchParseXLSX(b, longXLSX(b, xlsxBenchRows), nil)
}

// BenchmarkParseLongXLSX100kPercentRates is BenchmarkParseLongXLSX100k with
// the rates in cells formatted as percentages: the style of every figure's
// cell is looked up, to multiply a rate's by 100 and to refuse any other.
func BenchmarkParseLongXLSX100kPercentRates(b *testing.B) {
	benchParseXLSX(b, longXLSXStyled(b, xlsxBenchRows, true), func(o plancast.Observation) {
		if o.Indicator == "unemployment_rate" && o.Value != 2.9 {
			b.Fatalf("a rate read as %v, want 2.9", o.Value)
		}
	})
}

// benchParseXLSX times Parse of a workbook of xlsxBenchRows figures, which
// must all be read without a problem, and checks each with check (if any).
func benchParseXLSX(b *testing.B, data []byte, check func(plancast.Observation)) {
	cat := benchCatalog(b)
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for b.Loop() {
		batch, err := Parse("big.xlsx", "", bytes.NewReader(data), cat, Options{})
		if err != nil || len(batch.Problems) != 0 || len(batch.Observations) != xlsxBenchRows {
			b.Fatalf("%v %v %d", err, problemTexts(batch.Problems), len(batch.Observations))
		}
		if check != nil {
			for _, o := range batch.Observations {
				check(o)
			}
		}
	}
}

// longJSON writes the same figures as longCSV as a JSON array of
// observations, values as strings where the table has thousands separators.
func longJSON(n int) []byte {
	var buf bytes.Buffer
	buf.WriteString("[\n")
	for i := 0; i < n; i++ {
		if i > 0 {
			buf.WriteString(",\n")
		}
		ind := benchIndicators[i%9]
		fmt.Fprintf(&buf, `{"region": "county%03d", "indicator": %q, "year": %d, "value": %q, "unit": %q, "status": "final"}`,
			i/(9*28)%400, ind.code, 1995+(i/9)%28, ind.value, ind.unit)
	}
	buf.WriteString("\n]\n")
	return buf.Bytes()
}

// BenchmarkParseJSON100k parses and validates 100,000 observations of a
// JSON array, each key checked against the ones plancast reads.
func BenchmarkParseJSON100k(b *testing.B) { benchParseJSON(b, "big.json", longJSON(100_000)) }

// benchParseJSON parses a JSON document of 100,000 observations, each time
// checking that it read them all without a problem.
func benchParseJSON(b *testing.B, name string, data []byte) {
	cat := benchCatalog(b)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		batch, err := Parse(name, "", bytes.NewReader(data), cat, Options{})
		if err != nil || len(batch.Problems) != 0 || len(batch.Observations) != 100_000 {
			b.Fatalf("%v %v %d", err, problemTexts(batch.Problems), len(batch.Observations))
		}
	}
}

// seriesJSON writes the same figures as longJSON grouped as the API writes a
// series' observations: a series object each 28 years, every observation
// with its source as an object and the time it was recorded.
func seriesJSON(n int) []byte {
	var buf bytes.Buffer
	buf.WriteString("[\n")
	for i := 0; i < n; i++ {
		ind := benchIndicators[i%9]
		if i%28 == 0 {
			if i > 0 {
				buf.WriteString("\n]},\n")
			}
			fmt.Fprintf(&buf, `{"region": "county%03d", "indicator": %q, "unit": %q, "observations": [`+"\n", i/(9*28)%400, ind.code, ind.unit)
		} else {
			buf.WriteString(",\n")
		}
		fmt.Fprintf(&buf, `{"year": %d, "value": %q, "status": "final", "source": {"document": "county yearbook"}, "recorded": "2024-01-02T03:04:05Z"}`,
			1995+i%28, ind.value)
	}
	buf.WriteString("\n]}\n]\n")
	return buf.Bytes()
}

// BenchmarkParseJSONSeries100k parses and validates 100,000 observations in
// series objects, as the API writes them.
func BenchmarkParseJSONSeries100k(b *testing.B) {
	benchParseJSON(b, "series.json", seriesJSON(100_000))
}
