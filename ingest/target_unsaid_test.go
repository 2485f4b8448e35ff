package ingest

import (
	"context"
	"strings"
	"testing"

	"github.com/plancast/plancast"
)

// A target's row says only what its file has a place for. A JSON item may
// leave out the "base_year" or "binding" key, a table may have no base year
// or binding column: pushed again, such a row takes the base year and
// binding of the stored version it is compared with, as a figure's row
// takes the stored status and growth (fillUnsaid), and the target with the
// same value counts unchanged: no new version, and the first source and
// note stay. Unfixed, the row's defaults (no base year, expected) were a
// revision: a re-push of the seed's Houma GDP target without its base year
// 2020 counted "1 revised", set a version dated the day of the push, and
// dropped the plan's quote and note from the target served.
//
// A real change is still one: another value (keeping the base year and
// binding it leaves unsaid), another base year or binding said, or a place
// left blank (an empty cell, null), which says none.

// bindingGDPTarget is a store holding Houma's 14th-FYP GDP target as a plan
// states it: 250 by 2025 from the base year 2020, binding, with its source
// quote and note, set on 2021-04-20.
func bindingGDPTarget(t *testing.T) plancast.Store {
	t.Helper()
	st := openStore(t)
	apply(t, st, parseString(t, "plan.csv", "region,indicator,plan,kind,year,value,base_year,binding,source,quote,note,published\n"+
		"houma,gdp,14th-fyp,level,2025,250,2020,约束性,2021 work report,地区生产总值达到250亿元,15.7% a year from 2020,2021-04-20\n", Options{}), false)
	return st
}

// pushTargets applies the file to st as a dry run and then for real, and
// checks that both count want (new, revised, unchanged, history) targets.
func pushTargets(t *testing.T, st plancast.Store, name, content string, opt Options, want [4]int) *Report {
	t.Helper()
	var rep *Report
	for _, dryRun := range []bool{true, false} {
		b := parseString(t, name, content, opt)
		noProblems(t, b)
		rep = apply(t, st, b, dryRun)
		r := rep.Targets
		if got := [4]int{r.New, r.Revised, r.Unchanged, r.History}; got != want {
			t.Errorf("%s (dry run %v): targets new/revised/unchanged/history = %v, want %v (notes %q)", name, dryRun, got, want, rep.Notes)
		}
	}
	return rep
}

// gdpTargetVersions is every stored version of Houma's 14th-FYP GDP
// target, oldest first.
func gdpTargetVersions(t *testing.T, st plancast.Store) []plancast.Target {
	t.Helper()
	vs, err := storedTargetVersions(context.Background(), st, []plancast.Target{{Region: "houma", Indicator: "gdp"}})
	if err != nil {
		t.Fatal(err)
	}
	return vs[plancast.TargetKey{Region: "houma", Indicator: "gdp", Plan: "14th-fyp", Kind: plancast.TargetLevel, Year: 2025}]
}

// wantPlanVersionInForce checks that the plan's version is still the only
// one stored, with its source, quote and note.
func wantPlanVersionInForce(t *testing.T, st plancast.Store, after string) {
	t.Helper()
	vs := gdpTargetVersions(t, st)
	if len(vs) != 1 {
		t.Fatalf("after %s: %d versions stored (%+v), want the plan's alone", after, len(vs), vs)
	}
	v := vs[0]
	if v.Value != 250 || v.BaseYear != 2020 || !v.Binding || v.Published != plancast.NewDate(2021, 4, 20) ||
		v.Source.Document != "2021 work report" || v.Source.Quote != "地区生产总值达到250亿元" || v.Note != "15.7% a year from 2020" {
		t.Errorf("after %s the version in force is %+v, want the plan's: 250 from 2020, binding, set 2021-04-20, with its source, quote and note", after, v)
	}
}

func TestATargetPushedAgainWithoutItsBaseYearOrBindingIsUnchanged(t *testing.T) {
	st := bindingGDPTarget(t)
	undated := Options{Published: plancast.Today()}
	for _, c := range []struct{ name, content string }{
		// The user's re-push: no base_year, no binding, no date.
		{"restate.json", `[{"region":"houma","indicator":"gdp","plan":"14th-fyp","kind":"level","year":2025,"value":250}]`},
		// Each key left out alone.
		{"binding.json", `[{"region":"houma","indicator":"gdp","plan":"14th-fyp","kind":"level","year":2025,"value":250,"binding":true}]`},
		{"base.json", `[{"region":"houma","indicator":"gdp","plan":"14th-fyp","kind":"level","base_year":2020,"year":2025,"value":250}]`},
		// A bundle's targets, keys in another case.
		{"bundle.json", `{"targets":[{"Region":"houma","Indicator":"gdp","Plan":"14th-fyp","Kind":"level","Year":2025,"Value":250}]}`},
		// A table without the columns, and with one of them.
		{"targets.csv", "region,indicator,plan,kind,year,value\nhouma,gdp,14th-fyp,level,2025,250\n"},
		{"base.csv", "region,indicator,plan,kind,year,value,base_year\nhouma,gdp,14th-fyp,level,2025,250,2020\n"},
		{"binding.csv", "region,indicator,plan,kind,year,value,binding\nhouma,gdp,14th-fyp,level,2025,250,约束性\n"},
	} {
		pushTargets(t, st, c.name, c.content, undated, [4]int{0, 0, 1, 0})
		wantPlanVersionInForce(t, st, c.name)
	}
	// Dated: by a later document repeating it, and by the plan's own date.
	later := "region,indicator,plan,kind,year,value\nhouma,gdp,14th-fyp,level,2025,250\n"
	pushTargets(t, st, "2022.csv", later, Options{Published: plancast.NewDate(2022, 3, 1)}, [4]int{0, 0, 1, 0})
	pushTargets(t, st, "2021.csv", later, Options{Published: plancast.NewDate(2021, 4, 20)}, [4]int{0, 0, 1, 0})
	wantPlanVersionInForce(t, st, "the dated pushes")
}

func TestATargetRevisedWithoutItsBaseYearOrBindingKeepsThem(t *testing.T) {
	st := bindingGDPTarget(t)
	pushTargets(t, st, "review.json", `[{"region":"houma","indicator":"gdp","plan":"14th-fyp","kind":"level","year":2025,"value":230,"published":"2023-06-01"}]`,
		Options{}, [4]int{0, 1, 0, 0})
	vs := gdpTargetVersions(t, st)
	if n := len(vs); n != 2 || vs[1].Value != 230 || vs[1].BaseYear != 2020 || !vs[1].Binding {
		t.Fatalf("versions after the review: %+v; want 230 from 2020, binding, beside the plan's 250", vs)
	}
	// The plan's 250 pushed again under its own date, without its base
	// year and binding, restates the version of that day: it is not a
	// contradiction of it, nor stored again.
	rep := pushTargets(t, st, "plan.json", `[{"region":"houma","indicator":"gdp","plan":"14th-fyp","kind":"level","year":2025,"value":250,"published":"2021-04-20"}]`,
		Options{}, [4]int{0, 0, 1, 0})
	if len(rep.Notes) != 1 || len(gdpTargetVersions(t, st)) != 2 {
		t.Errorf("the plan again: notes %q, %d versions; want the one note of a restatement and the 2 versions", rep.Notes, len(gdpTargetVersions(t, st)))
	}
}

func TestATargetThatSaysAnotherBaseYearOrBindingIsRevised(t *testing.T) {
	undated := Options{Published: plancast.Today()}
	for _, c := range []struct {
		name, content string
		base          int
		binding       bool
	}{
		{"base.json", `[{"region":"houma","indicator":"gdp","plan":"14th-fyp","kind":"level","base_year":2019,"year":2025,"value":250}]`, 2019, true},
		{"expected.json", `[{"region":"houma","indicator":"gdp","plan":"14th-fyp","kind":"level","year":2025,"value":250,"binding":false}]`, 2020, false},
		{"base.csv", "region,indicator,plan,kind,year,value,base_year\nhouma,gdp,14th-fyp,level,2025,250,2019\n", 2019, true},
		{"expected.csv", "region,indicator,plan,kind,year,value,binding\nhouma,gdp,14th-fyp,level,2025,250,预期性\n", 2020, false},
		// A place left blank says none.
		{"null.json", `[{"region":"houma","indicator":"gdp","plan":"14th-fyp","kind":"level","base_year":null,"year":2025,"value":250}]`, 0, true},
		{"blank.csv", "region,indicator,plan,kind,year,value,base_year,binding\nhouma,gdp,14th-fyp,level,2025,250,,\n", 0, false},
	} {
		st := bindingGDPTarget(t)
		pushTargets(t, st, c.name, c.content, undated, [4]int{0, 1, 0, 0})
		vs := gdpTargetVersions(t, st)
		if n := len(vs); n != 2 || vs[1].Value != 250 || vs[1].BaseYear != c.base || vs[1].Binding != c.binding {
			t.Errorf("%s: versions %+v; want a new version of 250 from base year %d, binding %t", c.name, vs, c.base, c.binding)
		}
	}
}

// targetVersionsDown is a store whose stored target versions cannot be
// read, as the spool answers while InfluxDB is down; it writes as it would.
type targetVersionsDown struct{ plancast.Store }

func (targetVersionsDown) TargetVersions(context.Context, plancast.TargetFilter) ([]plancast.Target, error) {
	return nil, plancast.Errorf(plancast.EUNAVAILABLE, "the backend is down")
}

// While the stored versions cannot be read, a row that leaves its base year
// or binding unsaid is not refused for it: it keeps its defaults, and the
// report says so, and that the targets were not judged beside the versions
// they replace (versionSlip), in the one note. A row that says both needs
// nothing else of the store.
func TestWhileTheTargetsCannotBeReadTheReportSaysTheRowsTookNothing(t *testing.T) {
	st := targetVersionsDown{bindingGDPTarget(t)}
	want := "the stored targets could not be read (the backend is down), so the rows without a base year or binding column (or key) did not take the stored version's: " +
		"one pushed again with the same value may count revised, without the base year and binding stored with it, and the targets were not judged beside the versions they replace"
	rep := apply(t, st, parseString(t, "restate.json", `[{"region":"houma","indicator":"gdp","plan":"14th-fyp","kind":"level","year":2025,"value":250}]`, Options{Published: plancast.Today()}), true)
	if strings.Join(rep.Notes, "\n") != want {
		t.Errorf("notes\n%s\nwant\n%s", strings.Join(rep.Notes, "\n"), want)
	}
	rep = apply(t, st, parseString(t, "said.json", `[{"region":"houma","indicator":"gdp","plan":"14th-fyp","kind":"level","base_year":2020,"year":2025,"value":250,"binding":true}]`, Options{Published: plancast.Today()}), true)
	only := "the stored targets could not be read (the backend is down), so the targets were not judged beside the versions they replace"
	if rep.Targets.Unchanged != 1 || strings.Join(rep.Notes, "\n") != only {
		t.Errorf("a row that says both: %+v, notes %q; want 1 unchanged and the note %q", rep.Targets, rep.Notes, only)
	}
}
