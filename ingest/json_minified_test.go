package ingest

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// A minified JSON document holds every item on line 1: its problems name
// each item by the column where it starts, as an editor counts it ("line 1
// column 288"), and count one rejected item each. "line 1" alone named
// every item alike, and two bad items were counted one rejected.
func TestAMinifiedJSONNamesEachItemByItsColumn(t *testing.T) {
	item := func(year int, extra string) string {
		return `{"region": "houma", "indicator": "gdp", "year": ` + strconv.Itoa(year) + `, "value": 100` + extra + `}`
	}
	doc := "[" + item(2016, "") + ", " + item(2017, `, "unit": "千万元"`) + ", " + item(2018, `, "status": "provisional"`) + "]"
	// Columns count characters, as an editor does: 千万元 is three.
	at := func(year int) string {
		return strconv.Itoa(utf8.RuneCountInString(doc[:strings.Index(doc, item(year, "")[:60])]) + 1)
	}
	b := parseString(t, "min.json", doc, Options{})
	want := []string{
		`min.json line 1 column ` + at(2017) + ` (unit): unit "千万元" is not a known unit: indicator gdp is measured in 100m_yuan (亿元); write it in a unit that converts to it: 亿元, 万元, 千元, 元, billion yuan or million yuan`,
		`min.json line 1 column ` + at(2018) + ` (status): status "provisional" must be final, preliminary, estimate or withdrawn (终值, 初步, 预计, 撤回)`,
	}
	if got := problemTexts(b.Problems); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	rep, err := Apply(context.Background(), openStore(t), b, ApplyOptions{DryRun: true})
	if err == nil || rep == nil || rep.Rejected != 2 {
		t.Errorf("rejected %v (err %v), want 2: one for each bad item", rep, err)
	}

	// Two items of one line giving one figure two values are told apart.
	b = parseString(t, "twice.json", "["+item(2016, "")+", "+strings.Replace(item(2016, ""), "100", "101", 1)+"]", Options{})
	if got := strings.Join(problemTexts(b.Problems), "\n"); !strings.Contains(got, "twice.json line 1 column ") || !strings.Contains(got, "in line 1 column 2") {
		t.Errorf("problems:\n%s\nwant the second item named by its column, and the first by its own", got)
	}

	// A document with an item a line keeps naming lines alone.
	b = parseString(t, "pretty.json", "[\n"+item(2016, "")+",\n"+item(2017, `, "unit": "千万元"`)+"\n]", Options{})
	if got := problemTexts(b.Problems); len(got) != 1 || !strings.HasPrefix(got[0], "pretty.json line 3 (unit): ") {
		t.Errorf("problems %q, want the one at line 3, without a column", got)
	}
}
