package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/plancast/plancast/store/bolt"
)

// A preview of a report reads the indicators the store's catalog declares,
// by their names, as a commit does: a bureau that declared
// urbanization_rate (常住人口城镇化率) sees its figure in the table, not
// nothing. Figures no indicator was read from are listed under the table.
// While a server holds the store, the preview still reads, with the built-in
// indicators, and says that it could not read the catalog.
func TestAReportPreviewReadsTheCatalogsIndicatorsAndListsTheUnread(t *testing.T) {
	dir := seededDir(t)
	ingestFiles(t, dir, [2]string{"indicators.json", `{"indicators":[` +
		`{"code":"urbanization_rate","name":"Urbanisation rate of resident population","name_zh":"常住人口城镇化率","unit":"percent","kind":"rate","better":"higher"},` +
		`{"code":"energy_intensity","name":"Energy consumption per 10k yuan of GDP","name_zh":"万元地区生产总值能耗","unit":"tce_per_10k_yuan","kind":"level","better":"lower"}]}`})
	file := filepath.Join(t.TempDir(), "communique.txt")
	text := "侯马市2025年国民经济和社会发展统计公报\n\n年末全市常住人口城镇化率56.3%。万元地区生产总值能耗0.66吨标准煤，比上年下降3.1%。\n全年接待游客320万人次，实现旅游收入28.6亿元。\n"
	if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	preview := []string{"ingest", "--report", file, "--region", "houma", "--data-dir", dir}

	out := mustRun(t, preview...)
	for _, want := range []string{
		"+  urbanization_rate  2025  year         56.3   percent           observation",
		"?  energy_intensity   2025  year         0.66   tce_per_10k_yuan  observation",
		"2 figures not read for any indicator of the catalog (review them; declare an indicator to read one):\n" +
			"  ?  320万人 (no indicator named): 全年接待游客320万人次，实现旅游收入28.6亿元。\n" +
			"  ?  28.6亿元 (no indicator named): 全年接待游客320万人次，实现旅游收入28.6亿元。\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("preview:\n%s\nwant it to say\n%s", out, want)
		}
	}
	if strings.Contains(out, "no catalog read") {
		t.Errorf("preview of a store it could read:\n%s", out)
	}

	held, err := bolt.Open(filepath.Join(dir, bolt.FileName))
	if err != nil {
		t.Fatal(err)
	}
	defer held.Close()
	out = mustRun(t, preview...)
	for _, want := range []string{
		"note: no catalog read: ",
		"POST /api/v1/reports/extract?region=houma",
		"  ?  56.3% (given to 城镇化率): 年末全市常住人口城镇化率56.3%。",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("preview while the store is held:\n%s\nwant it to say\n%s", out, want)
		}
	}
}
