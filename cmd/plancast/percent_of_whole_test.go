package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// sewageBundle is Qinshui's 城市污水处理率, 96.2 in 2016 to 99.95 in 2025,
// with a 15th Five-Year Plan floor of 99.9, under its natural code; decl
// is what its declaration adds ("percent_of_whole": true, or nothing).
func sewageBundle(decl string) string {
	var b strings.Builder
	b.WriteString(`{"regions":[{"code":"qinshui","name":"Qinshui County","name_zh":"沁水县","level":"county"}],
 "indicators":[{"code":"sewage_treatment_rate","name":"Urban sewage treatment rate","name_zh":"城市污水处理率","unit":"percent","kind":"rate","better":"higher"` + decl + `}],
 "observations":[`)
	for i, v := range []string{"96.2", "97.5", "98.1", "98.9", "99.2", "99.5", "99.7", "99.8", "99.9", "99.95"} {
		if i > 0 {
			b.WriteString(",")
		}
		year := 2016 + i
		b.WriteString(`{"region":"qinshui","indicator":"sewage_treatment_rate","year":` + strconv.Itoa(year) + `,"value":` + v + `,"published":"` + strconv.Itoa(year+1) + `-03-20"}`)
	}
	b.WriteString(`],
 "targets":[{"region":"qinshui","indicator":"sewage_treatment_rate","plan":"15th-fyp","kind":"floor","year":2030,"value":99.9,"base_year":2025,"published":"2026-02-20"}]}`)
	return b.String()
}

// A rate declared a percentage of a whole ("percent_of_whole": true) is
// projected within 0–100 whatever its code, as a share is: Qinshui's sewage
// treatment rate at 99.95 was projected at 100.2 to 100.9, its 95% interval
// reaching 123.4, and its chart labelled the 2025 figure "100%"; now every
// projected value and bound stays under 100 and the label reads 99.95%.
func TestADeclaredPercentOfWholeIsProjectedWithinHundred(t *testing.T) {
	dir := t.TempDir()
	ingestFiles(t, dir, [2]string{"sewage.json", sewageBundle(`,"percent_of_whole":true`)})
	out := mustRun(t, "forecast", "--data-dir", dir, "--region", "qinshui", "--indicator", "sewage_treatment_rate")
	projected := 0
	for _, l := range strings.Split(out, "\n") {
		f := strings.Fields(l)
		if len(f) != 6 || !strings.HasPrefix(f[0], "20") {
			continue
		}
		projected++
		for _, s := range f[1:] {
			v, err := strconv.ParseFloat(s, 64)
			if err != nil || v >= 100 || v < 0 {
				t.Errorf("%s: %v outside 0–100 (%s) in\n%s", f[0], f[1:], s, out)
				break
			}
		}
	}
	if projected != 5 {
		t.Errorf("%d projected years, want 2026–2030 in\n%s", projected, out)
	}

	svg := filepath.Join(t.TempDir(), "sewage.svg")
	mustRun(t, "chart", "--data-dir", dir, "--region", "qinshui", "--indicator", "sewage_treatment_rate", "-o", svg)
	data, err := os.ReadFile(svg)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), "2025: 99.95%") {
		t.Errorf("the chart does not label the 2025 figure 2025: 99.95%%")
	}
}
