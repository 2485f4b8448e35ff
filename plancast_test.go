package plancast_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/plancast/plancast"
)

func TestErrorCodeFindsTheCodeThroughWrapping(t *testing.T) {
	err := fmt.Errorf("ingest gdp.csv: %w", plancast.Errorf(plancast.EINVALID, "row 3: value %q is not a number", "abc"))
	if plancast.ErrorCode(err) != plancast.EINVALID || plancast.ErrorMessage(err) != `row 3: value "abc" is not a number` {
		t.Fatalf("code %q message %q", plancast.ErrorCode(err), plancast.ErrorMessage(err))
	}
	if plancast.ErrorCode(errors.New("disk on fire")) != plancast.EINTERNAL || plancast.ErrorMessage(errors.New("disk on fire")) != "internal error" {
		t.Fatal("a foreign error must read as internal, without its details")
	}
	if plancast.ErrorCode(nil) != "" {
		t.Fatal("nil error has no code")
	}
}

func validObs() plancast.Observation {
	return plancast.Observation{Region: "houma", Indicator: "gdp", Year: 2020, Value: 120.8, Status: "final", Period: "year", Published: plancast.NewDate(2021, 4, 20)}
}

func TestObservationValidate(t *testing.T) {
	cases := []struct {
		name   string
		mutate func(*plancast.Observation)
		ok     bool
	}{
		{"valid", func(*plancast.Observation) {}, true},
		{"partial period", func(o *plancast.Observation) { o.Period = "jan-nov" }, true},
		{"year 1900", func(o *plancast.Observation) { o.Year = 1900 }, true},
		{"year 2150", func(o *plancast.Observation) { o.Year = 2150 }, true},
		{"negative growth rate value", func(o *plancast.Observation) { o.Value = -3.5 }, true},
		{"year 1899", func(o *plancast.Observation) { o.Year = 1899 }, false},
		{"year 2151", func(o *plancast.Observation) { o.Year = 2151 }, false},
		{"NaN", func(o *plancast.Observation) { o.Value = math.NaN() }, false},
		{"Inf", func(o *plancast.Observation) { o.Value = math.Inf(1) }, false},
		{"bad status", func(o *plancast.Observation) { o.Status = "guess" }, false},
		{"bad period", func(o *plancast.Observation) { o.Period = "feb-mar" }, false},
		{"region with traversal", func(o *plancast.Observation) { o.Region = "../etc" }, false},
		{"uppercase indicator", func(o *plancast.Observation) { o.Indicator = "GDP" }, false},
		{"no published date", func(o *plancast.Observation) { o.Published = plancast.Date{} }, false},
	}
	for i, tc := range cases {
		o := validObs()
		tc.mutate(&o)
		err := o.Validate()
		if (err == nil) != tc.ok {
			t.Errorf("%d %s: Validate() = %v, want ok=%v", i, tc.name, err, tc.ok)
		}
		if err != nil && plancast.ErrorCode(err) != plancast.EINVALID {
			t.Errorf("%d %s: code %q, want invalid", i, tc.name, plancast.ErrorCode(err))
		}
	}
}

func TestTargetValidate(t *testing.T) {
	base := plancast.Target{Region: "houma", Indicator: "gdp", Plan: "14th-fyp", Kind: "level", BaseYear: 2020, Year: 2025, Value: 250}
	cases := []struct {
		name   string
		mutate func(*plancast.Target)
		ok     bool
	}{
		{"level", func(*plancast.Target) {}, true},
		{"annual plan", func(t *plancast.Target) {
			t.Plan, t.Kind, t.Year, t.BaseYear, t.Value = "2021-annual", "growth", 2021, 0, 8.5
		}, true},
		{"avg growth needs base", func(t *plancast.Target) { t.Kind, t.BaseYear = "avg_growth", 0 }, false},
		{"base after year", func(t *plancast.Target) { t.BaseYear = 2026 }, false},
		{"unknown kind", func(t *plancast.Target) { t.Kind = "wish" }, false},
		{"unknown plan", func(t *plancast.Target) { t.Plan = "someday" }, false},
		{"NaN", func(t *plancast.Target) { t.Value = math.NaN() }, false},
	}
	for i, tc := range cases {
		tg := base
		tc.mutate(&tg)
		if err := tg.Validate(); (err == nil) != tc.ok {
			t.Errorf("%d %s: Validate() = %v, want ok=%v", i, tc.name, err, tc.ok)
		}
	}
}

func TestCatalogValidate(t *testing.T) {
	good := plancast.Indicator{Code: "gdp", Name: "GDP", Unit: "100m_yuan", Kind: "level", Better: "higher"}
	if err := good.Validate(); err != nil {
		t.Fatal(err)
	}
	bad := good
	bad.Kind = "stock"
	if bad.Validate() == nil {
		t.Fatal("kind stock accepted")
	}
	r := plancast.Region{Code: "houma", NameZh: "侯马市", Level: "county"}
	if err := r.Validate(); err != nil {
		t.Fatal(err)
	}
	r.Level = "village"
	if r.Validate() == nil {
		t.Fatal("level village accepted")
	}
}

func TestPrepareObservationsFillsDefaultsDropsDuplicatesAndListsEveryProblem(t *testing.T) {
	today := plancast.NewDate(2026, time.November, 21)
	o := validObs()
	o.Status, o.Period, o.Published = "", "", plancast.Date{}
	out, err := plancast.PrepareObservations([]plancast.Observation{o, o}, today)
	if err != nil {
		t.Fatal(err)
	}
	if len(out) != 1 || out[0].Status != "final" || out[0].Period != "year" || !out[0].Published.Equal(today) {
		t.Fatalf("prepared = %+v", out)
	}
	bad1, bad2 := validObs(), validObs()
	bad1.Value = math.NaN()
	bad2.Year = 3000
	_, err = plancast.PrepareObservations([]plancast.Observation{validObs(), bad1, bad2}, today)
	msg := plancast.ErrorMessage(err)
	if plancast.ErrorCode(err) != plancast.EINVALID || !strings.Contains(msg, "item 2") || !strings.Contains(msg, "item 3") {
		t.Fatalf("error %q should name items 2 and 3", msg)
	}
}

func TestNormalizeWritesCRLFLineBreaksAsLF(t *testing.T) {
	o := validObs()
	o.Source = plancast.Source{Document: "report\r\n2021.txt", Quote: "第一行\r\n第二行\n第三行\r第四行\r\n"}
	o.Normalize()
	want := plancast.Source{Document: "report\n2021.txt", Quote: "第一行\n第二行\n第三行\r第四行\n"}
	if o.Source != want {
		t.Errorf("source = %q, want %q (a lone CR and LF as they are)", o.Source, want)
	}
}

func TestDateJSON(t *testing.T) {
	var v struct{ D plancast.Date }
	if err := json.Unmarshal([]byte(`{"D":"2021-04-20"}`), &v); err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(v)
	if string(b) != `{"D":"2021-04-20"}` {
		t.Fatalf("round trip = %s", b)
	}
	if err := json.Unmarshal([]byte(`{"D":"20 April"}`), &v); err == nil {
		t.Fatal("a malformed date was accepted")
	}
}

func TestTokenScoping(t *testing.T) {
	secret, hash := plancast.NewTokenSecret()
	if !strings.HasPrefix(secret, "pc_") || plancast.HashToken(secret) != hash || strings.Contains(hash, secret) {
		t.Fatal("secret and hash do not match")
	}
	admin := plancast.Token{Scope: plancast.ScopeWrite, Admin: true}
	read := plancast.Token{Scope: plancast.ScopeRead, Admin: true}
	if !admin.MayWrite("zizhou") || read.MayWrite("houma") || (*plancast.Token)(nil).MayWrite("houma") {
		t.Fatal("scoping wrong")
	}
}

func TestCodeShapes(t *testing.T) {
	for _, c := range []struct {
		code string
		ok   bool
	}{
		{"houma", true}, {"c0001", true}, {"inner_mongolia", true}, {"a-b", true}, {strings.Repeat("a", 64), true},
		{"", false}, {"Houma", false}, {"1abc", false}, {"_x", false}, {"hou ma", false}, {"../etc", false},
		{"hou\x00ma", false}, {"侯马", false}, {strings.Repeat("a", 65), false},
	} {
		if plancast.ValidCode(c.code) != c.ok {
			t.Errorf("ValidCode(%q) = %v", c.code, !c.ok)
		}
	}
	for _, p := range []string{"year", "h1", "q4", "jan-feb", "jan-nov"} {
		if !plancast.ValidPeriod(p) {
			t.Errorf("period %q rejected", p)
		}
	}
	for _, p := range []string{"", "jan-dec", "feb-mar", "q5", "YEAR"} {
		if plancast.ValidPeriod(p) {
			t.Errorf("period %q accepted", p)
		}
	}
	for _, u := range []string{"100m_yuan", "yuan", "percent", "10k_tons"} {
		i := plancast.Indicator{Code: "x", Name: "x", Unit: u, Kind: "level", Better: "higher"}
		if err := i.Validate(); err != nil {
			t.Errorf("unit %q rejected: %v", u, err)
		}
	}
	bad := plancast.Indicator{Code: "x", Name: "x", Unit: "_yuan", Kind: "level", Better: "higher"}
	if bad.Validate() == nil {
		t.Error("unit _yuan accepted")
	}
}

// A share and an unemployment rate (registered or surveyed) are
// percentages of a whole; a level, and any other rate (a change in prices,
// which may be negative), are not.
func TestPercentOfWhole(t *testing.T) {
	for _, c := range []struct {
		ind  plancast.Indicator
		want bool
	}{
		{plancast.Indicator{Code: "secondary_industry_share", Kind: plancast.KindRate}, true},
		{plancast.Indicator{Code: "tourism_share", Kind: plancast.KindRate}, true},
		{plancast.Indicator{Code: "unemployment_rate", Kind: plancast.KindRate}, true},
		{plancast.Indicator{Code: "surveyed_unemployment_rate", Kind: plancast.KindRate}, true},
		{plancast.Indicator{Code: "youth_unemployment_rate", Kind: plancast.KindRate}, true},
		{plancast.Indicator{Code: "unemployment_rate_change", Kind: plancast.KindRate}, false},
		{plancast.Indicator{Code: "cpi_change", Kind: plancast.KindRate}, false},
		{plancast.Indicator{Code: "gdp_growth_rate", Kind: plancast.KindRate}, false},
		{plancast.Indicator{Code: "budget_share", Kind: plancast.KindLevel}, false},
		// A rate declared a percentage of a whole is one, whatever its code:
		// 城市污水处理率, 森林覆盖率 and 城镇化率 under their natural codes.
		{plancast.Indicator{Code: "sewage_treatment_rate", Kind: plancast.KindRate, OfWhole: true}, true},
		{plancast.Indicator{Code: "forest_coverage", Kind: plancast.KindRate, OfWhole: true}, true},
		{plancast.Indicator{Code: "urbanization_rate", Kind: plancast.KindRate, OfWhole: true}, true},
		{plancast.Indicator{Code: "urbanization_rate", Kind: plancast.KindRate}, false},
	} {
		if got := c.ind.PercentOfWhole(); got != c.want {
			t.Errorf("%s (%s, declared %v): PercentOfWhole %v, want %v", c.ind.Code, c.ind.Kind, c.ind.OfWhole, got, c.want)
		}
	}
}

// percent_of_whole is a declaration of a rate in percent: on a level, or
// on a rate in another unit, it is refused, saying what to do.
func TestPercentOfWholeIsDeclaredOfARateInPercent(t *testing.T) {
	ok := plancast.Indicator{Code: "forest_coverage", NameZh: "森林覆盖率", Unit: plancast.UnitPercent, Kind: plancast.KindRate, Better: plancast.BetterHigher, OfWhole: true}
	if err := ok.Validate(); err != nil {
		t.Errorf("forest_coverage declared a percent of a whole: %v", err)
	}
	level := plancast.Indicator{Code: "gdp", Name: "GDP", Unit: plancast.Unit100mYuan, Kind: plancast.KindLevel, Better: plancast.BetterHigher, OfWhole: true}
	want := `indicator "gdp": percent_of_whole is for a rate in percent (kind rate, unit percent), and gdp is kind level in 100m_yuan: ` +
		`leave percent_of_whole out, or declare it kind rate in percent`
	if err := level.Validate(); err == nil || err.Error() != want {
		t.Errorf("gdp declared a percent of a whole: %v\nwant %s", err, want)
	}
	permille := ok
	permille.Unit = "permille"
	if err := permille.Validate(); err == nil || !strings.Contains(err.Error(), "is kind rate in permille") {
		t.Errorf("a rate in permille declared a percent of a whole: %v", err)
	}
}
