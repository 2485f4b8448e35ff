package plancast

import (
	"strings"
	"testing"
)

var hintRegions = []Region{
	{Code: "houma", Name: "Houma", NameZh: "侯马市"},
	{Code: "linfen", Name: "Linfen", NameZh: "临汾市"},
	{Code: "shanxi", Name: "Shanxi", NameZh: "山西省"},
	{Code: "shaanxi", Name: "Shaanxi", NameZh: "陕西省"},
}

var hintIndicators = []Indicator{
	{Code: "gdp", Name: "Gross regional product", NameZh: "地区生产总值"},
	{Code: "urban_disposable_income", Name: "Per capita disposable income of urban residents", NameZh: "城镇居民人均可支配收入"},
	{Code: "rural_disposable_income", Name: "Per capita disposable income of rural residents", NameZh: "农村居民人均可支配收入"},
	{Code: "retail_sales", Name: "Total retail sales of consumer goods", NameZh: "社会消费品零售总额"},
}

func TestAMissedCodeSuggestsTheNearOnes(t *testing.T) {
	for _, c := range []struct{ typed, want string }{
		{"gpd", `; did you mean "gdp"?`},                                                                // two letters swapped
		{"GDP", `; did you mean "gdp"?`},                                                                // case
		{"disposable_income_urban", `; did you mean "urban_disposable_income"?`},                        // words reordered
		{"urban_disposable_incom", `; did you mean "urban_disposable_income"?`},                         // a letter short
		{"disposable_income", `; did you mean "rural_disposable_income" or "urban_disposable_income"?`}, // part of two
		{"地区生产总值", `; did you mean "gdp"?`},                                                             // the Chinese name
		{"retail", `; did you mean "retail_sales"?`},
		{"cpi", ""},        // nothing like it
		{"population", ""}, // nothing like it
	} {
		if got := IndicatorHint(c.typed, hintIndicators); got != c.want {
			t.Errorf("IndicatorHint(%q) = %q, want %q", c.typed, got, c.want)
		}
	}
	for _, c := range []struct{ typed, want string }{
		{"huoma", `; did you mean "houma"?`},
		{"侯马", `; did you mean "houma"?`},                   // two Chinese characters are a word
		{"shanxi_province", `; did you mean "shanxi"?`},     // contains the code
		{"shenxi", `; did you mean "shanxi" or "shaanxi"?`}, // closest first
		{"shanxii", `; did you mean "shanxi"?`},             // contains a code: that one alone
		{"beijing", ""},
		{strings.Repeat("houma", 13), ""}, // longer than any code: not even looked at
		{"", ""},
	} {
		if got := RegionHint(c.typed, hintRegions); got != c.want {
			t.Errorf("RegionHint(%q) = %q, want %q", c.typed, got, c.want)
		}
	}
}

func TestASuggestionListHasAtMostThreeCodes(t *testing.T) {
	var rs []Region
	for _, c := range []string{"houma1", "houma2", "houma3", "houma4", "houma5"} {
		rs = append(rs, Region{Code: c})
	}
	if got := RegionHint("houma", rs); strings.Count(got, `"`) != 6 {
		t.Fatalf("RegionHint = %q, want three codes", got)
	}
}

func TestEditDistance(t *testing.T) {
	for _, c := range []struct {
		a, b string
		d    int
	}{
		{"", "", 0}, {"gdp", "gdp", 0}, {"gdp", "gpd", 1}, {"gdp", "", 3},
		{"kitten", "sitting", 3}, {"ca", "abc", 3}, {"侯马", "侯马市", 1},
	} {
		if got := EditDistance(c.a, c.b); got != c.d {
			t.Errorf("EditDistance(%q, %q) = %d, want %d", c.a, c.b, got, c.d)
		}
		if got := EditDistance(c.b, c.a); got != c.d {
			t.Errorf("EditDistance(%q, %q) = %d, want %d (symmetric)", c.b, c.a, got, c.d)
		}
	}
}

func TestNearestIsTheClosestLikelyTypo(t *testing.T) {
	names := []string{"backtest", "chart", "forecast", "gdp", "region", "data-dir"}
	for _, c := range []struct{ typed, want string }{
		{"forcast", "forecast"}, {"gpd", "gdp"}, {"regoin", "region"}, {"data_dir", "data-dir"},
		{"cpi", ""}, {"zzz", ""}, {"", ""}, {strings.Repeat("chart", 21), ""},
	} {
		if got := Nearest(c.typed, names); got != c.want {
			t.Errorf("Nearest(%q) = %q, want %q", c.typed, got, c.want)
		}
	}
	// Among equally near names, the first in sorted order, whatever the input order.
	if a, b := Nearest("cab", []string{"cap", "car"}), Nearest("cab", []string{"car", "cap"}); a != "cap" || b != "cap" {
		t.Errorf("ties: %q, %q; want cap both times", a, b)
	}
}
