package ingest

import (
	"strings"
	"testing"
)

// A target's kind or plan, and a figure's status or period, mistyped are
// refused at their cell with the code meant, as a region or an indicator
// is ("did you mean"): before, "leve" and "14th-fpy" were told only the
// list of what may be written.
func TestAMistypedKindPlanStatusOrPeriodIsOfferedTheCodeMeant(t *testing.T) {
	b := parseString(t, "t.csv", "region,indicator,plan,kind,year,value\n"+
		"houma,gdp,14th-fyp,leve,2025,250\n"+
		"houma,gdp,14th-fpy,level,2025,250\n"+
		"houma,gdp,14-fyp,level,2025,250\n"+
		"houma,gdp,2021-anual,growth,2021,8\n"+
		"houma,gdp,14th-fyp,Avg Growth,2025,8\n", Options{})
	want := []string{
		`t.csv row 2 column D (kind): kind "leve" must be one of level, avg_growth, growth, ceiling, floor, share; did you mean "level"?`,
		`t.csv row 3 column C (plan): plan "14th-fpy" must look like 14th-fyp, 十四五 or 2021-annual; did you mean "14th-fyp"?`,
		`t.csv row 4 column C (plan): plan "14-fyp" must look like 14th-fyp, 十四五 or 2021-annual; did you mean "14th-fyp"?`,
		`t.csv row 5 column C (plan): plan "2021-anual" must look like 14th-fyp, 十四五 or 2021-annual; did you mean "2021-annual"?`,
		`t.csv row 6 column D (kind): kind "Avg Growth" must be one of level, avg_growth, growth, ceiling, floor, share; did you mean "avg_growth"?`,
	}
	if got := problemTexts(b.Problems); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("targets: problems\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	b = parseString(t, "f.csv", "region,indicator,year,value,status,period\n"+
		"houma,gdp,2020,120.8,prelminary,\n"+
		"houma,gdp,2020,120.8,,jan-nob\n"+
		"houma,gdp,2020,120.8,,H 1\n"+
		"houma,gdp,2020,120.8,,q5\n", Options{})
	want = []string{
		`f.csv row 2 column E (status): status "prelminary" must be final, preliminary, estimate or withdrawn (终值, 初步, 预计, 撤回); did you mean "preliminary"?`,
		`f.csv row 3 column F (period): period "jan-nob" must be year, h1, h2, q1–q4 or jan-feb … jan-nov (上半年, 1-11月); did you mean "jan-nov"?`,
		`f.csv row 4 column F (period): period "H 1" must be year, h1, h2, q1–q4 or jan-feb … jan-nov (上半年, 1-11月); did you mean "h1"?`,
		`f.csv row 5 column F (period): period "q5" must be year, h1, h2, q1–q4 or jan-feb … jan-nov (上半年, 1-11月)`,
	}
	if got := problemTexts(b.Problems); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("figures: problems\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	// In JSON too.
	b = parseString(t, "t.json", `[{"region":"houma","indicator":"gdp","plan":"14th-fyp","kind":"celing","year":2025,"value":5}]`, Options{})
	if got := problemTexts(b.Problems); len(got) != 1 || !strings.HasSuffix(got[0], `; did you mean "ceiling"?`) {
		t.Errorf("JSON: problems %q", got)
	}
}
