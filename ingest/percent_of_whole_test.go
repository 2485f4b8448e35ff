package ingest

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"github.com/plancast/plancast"
)

// sewageDoc is Qinshui's 城市污水处理率, 96.2 in 2016 to last in 2025, its
// indicator declared as decl says (a code, and what the declaration adds:
// `,"percent_of_whole":true` or nothing).
func sewageDoc(code, nameZh, decl, last string) string {
	var b strings.Builder
	b.WriteString(`{"regions":[{"code":"qinshui","name":"Qinshui County","name_zh":"沁水县","level":"county"}],
 "indicators":[{"code":"` + code + `","name":"Urban sewage treatment rate","name_zh":"` + nameZh + `","unit":"percent","kind":"rate","better":"higher"` + decl + `}],
 "observations":[`)
	for i, v := range []string{"96.2", "97.5", "98.1", "98.9", "99.2", "99.5", "99.7", "99.8", "99.9", last} {
		if i > 0 {
			b.WriteString(",")
		}
		year := 2016 + i
		b.WriteString(`{"region":"qinshui","indicator":"` + code + `","year":` + strconv.Itoa(year) + `,"value":` + v + `,"published":"` + strconv.Itoa(year+1) + `-03-20"}`)
	}
	b.WriteString("]}")
	return b.String()
}

// pushTo parses a file against the store's catalog and applies it, as
// plancast ingest does.
func pushTo(t *testing.T, st plancast.Store, name, content string) (*Report, error) {
	t.Helper()
	ctx := context.Background()
	regions, err := st.Regions(ctx)
	if err != nil {
		t.Fatal(err)
	}
	inds, err := st.Indicators(ctx)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Parse(name, "", strings.NewReader(content), Catalog{Regions: regions, Indicators: inds}, Options{Published: pushDate})
	if err != nil {
		t.Fatal(err)
	}
	return Apply(ctx, st, b, ApplyOptions{})
}

func storedIndicator(t *testing.T, st plancast.Store, code string) plancast.Indicator {
	t.Helper()
	inds, err := st.Indicators(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, i := range inds {
		if i.Code == code {
			return i
		}
	}
	t.Fatalf("%s is not stored", code)
	return plancast.Indicator{}
}

// A catalog declaring a rate in percent whose name reads like a part of a
// whole (城市污水处理率 under sewage_treatment_rate), without saying it is
// one, is taken, and the answer notes at the declaration that its
// projections are not held within 0–100 and how to declare it one. The
// catalog push took urbanization_rate, sewage_treatment_rate and
// forest_coverage without a word, and from then on their charts and
// assessments ran past 100. Declared (percent_of_whole, or a code ending
// in _share), or a growth, it is not noted.
func TestARateReadingLikeAPartOfAWholeIsNotedWhenNotDeclaredOne(t *testing.T) {
	rep, err := pushTo(t, openStore(t), "sewage.json", sewageDoc("sewage_treatment_rate", "城市污水处理率", "", "99.95"))
	if err != nil {
		t.Fatal(err)
	}
	want := `sewage.json line 2 (indicators): sewage_treatment_rate (城市污水处理率) is a rate in percent whose name reads like a part of a whole, ` +
		`but its declaration does not say it is one: its projections are not held within 0–100 (a figure of 99.95 may be projected past 100) ` +
		`and figures over 100 are taken; if it cannot be below 0 or above 100, add "percent_of_whole": true to the declaration ` +
		`(or give it a code ending in _share); if it can (a change, a balance), leave it as it is`
	if got := strings.Join(rep.Notes, "\n"); got != want {
		t.Errorf("notes\n%s\nwant\n%s", got, want)
	}
	if rep.New != 10 {
		t.Errorf("%d new figures, want the 10 written", rep.New)
	}

	for _, c := range []struct{ code, nameZh, decl string }{
		{"sewage_treatment_rate", "城市污水处理率", `,"percent_of_whole":true`},
		{"sewage_treatment_share", "城市污水处理率", ""},
		{"sewage_treatment_growth", "城市污水处理量增长率", ""},
	} {
		rep, err := pushTo(t, openStore(t), "sewage.json", sewageDoc(c.code, c.nameZh, c.decl, "99.95"))
		if err != nil {
			t.Fatal(err)
		}
		if len(rep.Notes) > 0 {
			t.Errorf("%s %s%s: notes %q, want none", c.code, c.nameZh, c.decl, rep.Notes)
		}
	}
}

// What reads like a part of a whole: a rate, a share, a coverage, a
// ratio, 率, 比重, 占比, 比例, 覆盖率; not a growth, a change or another
// quantity that may be negative or past 100 (增长率, 完成率, a debt ratio).
func TestWhatReadsLikeAPartOfAWhole(t *testing.T) {
	for _, c := range []struct {
		code, name, nameZh string
		want               bool
	}{
		{"urbanization_rate", "Urbanization rate", "常住人口城镇化率", true},
		{"forest_coverage", "Forest coverage", "森林覆盖率", true},
		{"good_air_days", "", "空气质量优良天数比例", true},
		{"tertiary_weight", "", "第三产业比重", true},
		{"rd_intensity", "R&D ratio", "", true},
		{"gdp_growth", "GDP growth rate", "地区生产总值增长率", false},
		{"cpi_change", "CPI change", "居民消费价格涨幅", false},
		{"plan_completion", "", "投资计划完成率", false},
		{"debt_ratio", "Debt ratio", "", false},
		{"energy_intensity_drop", "", "单位GDP能耗下降率", false},
		{"separate", "Separated", "", false}, // "rate" inside a word
	} {
		ind := plancast.Indicator{Code: c.code, Name: c.name, NameZh: c.nameZh, Unit: plancast.UnitPercent, Kind: plancast.KindRate}
		if got := readsLikePartOfWhole(ind); got != c.want {
			t.Errorf("%s %q %q reads like a part of a whole: %v, want %v", c.code, c.name, c.nameZh, got, c.want)
		}
	}
}

// A stored rate cannot be declared a percentage of a whole while figures
// of it past 100 stay stored (they would be projected on a scale they are
// off): the declaration is refused, naming a figure and what to do, and
// nothing is written; pushed with the figure corrected, it is taken.
func TestAStoredRateIsDeclaredAPartOfAWholeOnlyWithItsFiguresWithin100(t *testing.T) {
	st := openStore(t)
	if _, err := pushTo(t, st, "sewage.json", sewageDoc("sewage_treatment_rate", "城市污水处理率", "", "100.5")); err != nil {
		t.Fatal(err)
	}
	decl := `{"indicators":[{"code":"sewage_treatment_rate","name":"Urban sewage treatment rate","name_zh":"城市污水处理率","unit":"percent","kind":"rate","better":"higher","percent_of_whole":true}]}`
	rep, err := pushTo(t, st, "catalog.json", decl)
	if plancast.ErrorCode(err) != plancast.EINVALID {
		t.Fatalf("declared with 100.5 stored: %v, want refused", err)
	}
	want := `catalog.json line 1 (indicators): indicator sewage_treatment_rate cannot be declared percent_of_whole while the store holds figures of it outside 0–100: ` +
		`qinshui 2025 is 100.5; push those figures corrected (or withdrawn) with the declaration or before it, or leave percent_of_whole out`
	if got := strings.Join(problemTexts(rep.Problems), "\n"); got != want {
		t.Errorf("problems\n%s\nwant\n%s", got, want)
	}
	if storedIndicator(t, st, "sewage_treatment_rate").PercentOfWhole() {
		t.Error("the refused declaration was written")
	}

	fixed := strings.TrimSuffix(decl, "}") + `,"observations":[{"region":"qinshui","indicator":"sewage_treatment_rate","year":2025,"value":99.95,"published":"2026-04-01"}]}`
	rep, err = pushTo(t, st, "catalog.json", fixed)
	if err != nil {
		t.Fatalf("declared with 2025 corrected to 99.95: %v", err)
	}
	if rep.Revised != 1 || !storedIndicator(t, st, "sewage_treatment_rate").PercentOfWhole() {
		t.Errorf("declared with the figure corrected: %d revised, %+v stored", rep.Revised, storedIndicator(t, st, "sewage_treatment_rate"))
	}
}

// A declaration replaces the one stored; one that leaves out the stored
// percent_of_whole is taken, and noted, saying what changes and how to keep it.
func TestADeclarationLeavingOutPercentOfWholeIsNoted(t *testing.T) {
	st := openStore(t)
	if _, err := pushTo(t, st, "sewage.json", sewageDoc("str", "城市污水处理", `,"percent_of_whole":true`, "99.95")); err != nil {
		t.Fatal(err)
	}
	rep, err := pushTo(t, st, "catalog.json", `{"indicators":[{"code":"str","name_zh":"城市污水处理","unit":"percent","kind":"rate","better":"higher"}]}`)
	if err != nil {
		t.Fatal(err)
	}
	want := `catalog.json line 1 (indicators): str (城市污水处理) was a percentage of a whole, and this declaration leaves out "percent_of_whole": true: ` +
		`from now on its projections are not held within 0–100 and figures over 100 are taken; to keep it one, add "percent_of_whole": true to the declaration`
	if got := strings.Join(rep.Notes, "\n"); got != want {
		t.Errorf("notes\n%s\nwant\n%s", got, want)
	}
}

// A declaration's misspelt percent_of_whole is refused naming the field
// meant, and one that is not true or false says so: left out, the rate
// would be taken as no percentage of a whole without a word.
func TestAMisspeltPercentOfWholeIsRefused(t *testing.T) {
	b := parseString(t, "catalog.json", `{"indicators":[{"code":"forest_coverage","name_zh":"森林覆盖率","unit":"percent","kind":"rate","better":"higher","percent_of_hole":true},
 {"code":"urbanization_rate","name_zh":"城镇化率","unit":"percent","kind":"rate","better":"higher","percent_of_whole":"yes"}]}`, Options{})
	want := `catalog.json line 1 (percent_of_hole): "percent_of_hole" is not a field plancast reads; did you mean "percent_of_whole"? (a field it does not read is left out, with what it holds)` + "\n" +
		`catalog.json line 2 (percent_of_whole): percent_of_whole must be a boolean (true or false), not a JSON string`
	if got := strings.Join(problemTexts(b.Problems), "\n"); got != want {
		t.Errorf("problems\n%s\nwant\n%s", got, want)
	}
}
