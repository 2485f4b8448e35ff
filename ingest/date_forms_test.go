package ingest

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/plancast/plancast"
)

// A published date is read in each of its forms (2024-02-28, 2024-2-28,
// 2024/02/28, 2024/2/28, 2024.02.28, 2024年2月28日, 20240228), and in each
// a day that does not exist is told so, with the month's length, as ISO's
// 2024-02-30 is (plancast.NotADay): "date "2024/02/30" must be YYYY-MM-DD"
// sent the sender of a form plancast reads looking for a mistake of form it
// does not have. Told alike in a CSV's cell, a JSON item's field and a
// workbook's cell.
func TestADateOfNoDayIsSaidToBeNoneInEveryFormItIsReadIn(t *testing.T) {
	for _, c := range []struct{ day, noDay, why string }{
		{"2024-02-28", "2024-02-30", "February 2024 has 29 days"},
		{"2024-2-28", "2024-2-30", "February 2024 has 29 days"},
		{"2024/02/28", "2024/02/30", "February 2024 has 29 days"},
		{"2024/2/28", "2024/2/30", "February 2024 has 29 days"},
		{"2023/4/30", "2023/4/31", "April 2023 has 30 days"},
		{"2024.02.28", "2024.02.30", "February 2024 has 29 days"},
		{"2024年2月28日", "2024年2月30日", "February 2024 has 29 days"},
		{"2023年2月28日", "2023年2月29日", "February 2023 has 28 days"},
		{"20240228", "20240230", "February 2024 has 29 days"},
		{"2024/1/1", "2024/1/0", "January 2024 has 31 days, from 1"},
		{"2024/12/1", "2024/13/1", "a year has 12 months"},
		{"2024年12月1日", "2024年13月1日", "a year has 12 months"},
		{"2024.12.01", "2024.00.01", "a year has 12 months"},
	} {
		why := c.noDay + " is not a day: " + c.why
		for _, f := range []struct {
			name, where string
			data        func(published string) []byte
		}{
			{"f.csv", "f.csv row 2 column E (published): ", func(d string) []byte {
				return []byte("region,indicator,year,value,published\nhouma,gdp,2021,131.2," + d + "\n")
			}},
			{"f.json", "f.json line 1 (published): ", func(d string) []byte {
				return []byte(`[{"region":"houma","indicator":"gdp","year":2021,"value":131.2,"published":"` + d + `"}]`)
			}},
			{"f.xlsx", "f.xlsx sheet Sheet1 row 2 column E (published): ", func(d string) []byte {
				return styledWorkbook(t, [][]any{{"region", "indicator", "year", "value", "published"}, {"houma", "gdp", 2021, 131.2, d}})
			}},
		} {
			b, err := Parse(f.name, "", bytes.NewReader(f.data(c.noDay)), seedCatalog(t), Options{Published: pushDate})
			if err != nil {
				t.Fatal(err)
			}
			if got := problemTexts(b.Problems); len(got) != 1 || got[0] != f.where+why || len(b.Observations) != 0 {
				t.Errorf("%s published %s: problems %q, %d figures read; want only %q", f.name, c.noDay, got, len(b.Observations), f.where+why)
			}
			b, err = Parse(f.name, "", bytes.NewReader(f.data(c.day)), seedCatalog(t), Options{Published: pushDate})
			if err != nil {
				t.Fatal(err)
			}
			if len(b.Problems) != 0 || len(b.Observations) != 1 {
				t.Errorf("%s published %s: problems %q; want the figure read", f.name, c.day, problemTexts(b.Problems))
			}
		}
	}
}

// A date in no form a date is read in is still told which form to write,
// whatever its numbers: 30/02/2024, day first, is not read as a date.
func TestADateOfNoFormIsToldTheForm(t *testing.T) {
	for _, d := range []string{"30/02/2024", "28/02/2024", "2024.2.28", "soon"} {
		b := parseString(t, "f.csv", "region,indicator,year,value,published\nhouma,gdp,2021,131.2,"+d+"\n", Options{})
		want := fmt.Sprintf("f.csv row 2 column E (published): date %q must be YYYY-MM-DD", d)
		if got := problemTexts(b.Problems); len(got) != 1 || got[0] != want {
			t.Errorf("published %s: problems %q; want %q", d, got, want)
		}
	}
	if why := plancast.NoSuchDay("x", 2024, 2, 29); why != "" {
		t.Errorf("NoSuchDay of 2024-02-29: %q; want none, a leap day", why)
	}
	if !strings.Contains(plancast.NotADay("2100-02-29"), "February 2100 has 28 days") {
		t.Errorf("NotADay(2100-02-29) = %q; want February 2100 has 28 days", plancast.NotADay("2100-02-29"))
	}
}
