package main

import (
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// smallBudget is a township's budget revenue pushed in 万元, 122.5 to 169.8
// (0.01225 to 0.01698 亿元, the indicator's unit), and its 14th-FYP level
// of 187.7 万元 (0.01877 亿元).
var smallBudget = [][2]string{
	{"budget.csv", "region,indicator,year,value,unit,published\n" +
		"houma,budget_revenue,2018,122.5,万元,2019-03-01\nhouma,budget_revenue,2019,131.0,万元,2020-03-01\n" +
		"houma,budget_revenue,2020,133.5,万元,2021-03-01\nhouma,budget_revenue,2021,145.6,万元,2022-03-01\n" +
		"houma,budget_revenue,2022,152.1,万元,2023-03-01\nhouma,budget_revenue,2023,160.9,万元,2024-03-01\n" +
		"houma,budget_revenue,2024,169.8,万元,2025-03-01\n"},
	{"target.csv", "region,indicator,plan,kind,year,value,unit,published\nhouma,budget_revenue,14th-fyp,level,2025,187.7,万元,2021-04-01\n"},
}

// A projection is written to about four significant digits of the latest
// figure, under 1 as well: the township's budget (0.01698 亿元 in 2024) is
// projected with five decimals, each bound apart from the others and from
// the target of 0.01877, where two decimals wrote "0.02 [0.02, 0.02]"
// beside it and the 80% and 95% intervals as one number.
func TestForecastCommandWritesASmallSeriesToFourSignificantDigits(t *testing.T) {
	dir := catalogDir(t)
	ingestFiles(t, dir, smallBudget...)
	stdout := mustRun(t, "forecast", "--data-dir", dir, "--region", "houma", "--indicator", "budget_revenue", "--horizon", "3", "--as-of", "2025-06-01")
	wantLines(t, stdout, "2024 0.01698")
	fourDigits := regexp.MustCompile(`^0\.0[1-9]\d{3}$`)
	rows := 0
	for _, l := range lines(stdout) {
		f := strings.Fields(l)
		if len(f) != 6 || !strings.HasPrefix(f[0], "202") || f[0] < "2025" {
			continue
		}
		rows++
		var v [5]float64
		for i, s := range f[1:] {
			if !fourDigits.MatchString(s) {
				t.Errorf("%s row %v: %q is not written to four significant digits", f[0], f, s)
			}
			v[i], _ = strconv.ParseFloat(s, 64)
		}
		if mean, lo80, hi80, lo95, hi95 := v[0], v[1], v[2], v[3], v[4]; !(lo95 < lo80 && lo80 < mean && mean < hi80 && hi80 < hi95) {
			t.Errorf("%s row %v: the mean and the bounds are not written apart", f[0], f)
		}
	}
	if rows != 3 {
		t.Errorf("%d projected rows, want 3:\n%s", rows, stdout)
	}
	row := regexp.MustCompile(`(?m)^14th-fyp +level +2025 +0\.01877 +(0\.0[1-9]\d{3}) \[(0\.0[1-9]\d{3}), (0\.0[1-9]\d{3})\] `)
	m := row.FindStringSubmatch(stdout)
	if m == nil {
		t.Fatalf("no 14th-FYP row with the target 0.01877 and its projection to four significant digits in\n%s", stdout)
	}
	if m[2] == m[1] || m[1] == m[3] {
		t.Errorf("projection %s [%s, %s]: the bounds written as the mean", m[1], m[2], m[3])
	}
}

// A projection and its bounds are written apart from the target they are
// judged against, as an observed value is: a forest cover projected at
// 99.887 for 2025 (95% 99.742 to 99.948) is "99.89 [99.7, 99.95]" beside
// the 2025 plan's 99.9, where one decimal wrote "99.9 [99.7, 99.9]", the
// target at the projection and at the interval's top beside P 31%; beside
// the 14th FYP's 100 it stays "99.9 [99.7, 99.9]", apart from 100 already.
func TestForecastCommandWritesAProjectionApartFromItsTarget(t *testing.T) {
	dir := catalogDir(t)
	ingestFiles(t, dir, [2]string{"forest.json", `{"indicators":[{"code":"forest_share","name":"Forest cover","unit":"percent","kind":"rate","better":"higher"}],
"observations":[
{"region":"houma","indicator":"forest_share","year":2018,"value":96.0,"published":"2019-03-01"},
{"region":"houma","indicator":"forest_share","year":2019,"value":97.0,"published":"2020-03-01"},
{"region":"houma","indicator":"forest_share","year":2020,"value":98.0,"published":"2021-03-01"},
{"region":"houma","indicator":"forest_share","year":2021,"value":98.8,"published":"2022-03-01"},
{"region":"houma","indicator":"forest_share","year":2022,"value":99.3,"published":"2023-03-01"},
{"region":"houma","indicator":"forest_share","year":2023,"value":99.6,"published":"2024-03-01"},
{"region":"houma","indicator":"forest_share","year":2024,"value":99.8,"published":"2025-03-01"}],
"targets":[
{"region":"houma","indicator":"forest_share","plan":"14th-fyp","kind":"share","year":2025,"value":100,"published":"2021-04-01"},
{"region":"houma","indicator":"forest_share","plan":"2025-annual","kind":"level","year":2025,"value":99.9,"published":"2025-03-01"}]}`})
	stdout := mustRun(t, "forecast", "--data-dir", dir, "--region", "houma", "--indicator", "forest_share", "--as-of", "2025-06-01")
	wantLines(t, stdout, "2025-annual level 2025 99.9 99.89 [99.7, 99.95] ", "14th-fyp share 2025 100 99.9 [99.7, 99.9] ")
}
