package ingest

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
)

// These tests pin what the JSON reader makes of documents the other tests do
// not show: the exact problems (with their lines and fields) and what is read,
// for shapes, value forms, key spellings and mistakes that a faster reader
// could get subtly wrong. jsonOutcome writes a batch as text to compare.

// jsonOutcome is the problems of b, one a line, then what it read: every
// observation and target with the line it came from, and the declarations.
func jsonOutcome(b *Batch) string {
	var s strings.Builder
	for _, p := range b.Problems {
		fmt.Fprintf(&s, "problem %s\n", p.Error())
	}
	for i, o := range b.Observations {
		growth := "-"
		if o.Growth != nil {
			growth = fmt.Sprintf("%g/%d", *o.Growth, o.GrowthBaseYear)
		}
		fmt.Fprintf(&s, "obs line %d: %s %s %d %g %q %q %q|%q %s %s\n", b.obsOrigin(i).Line,
			o.Region, o.Indicator, o.Year, o.Value, o.Status, o.Period, o.Source.Document, o.Source.Quote, o.Published, growth)
	}
	for i, t := range b.Targets {
		fmt.Fprintf(&s, "target line %d: %s %s %s %s %d/%d %g %t %q|%q %q %s\n", b.targetOrigin(i).Line,
			t.Region, t.Indicator, t.Plan, t.Kind, t.BaseYear, t.Year, t.Value, t.Binding, t.Source.Document, t.Source.Quote, t.Note, t.Published)
	}
	for _, r := range b.Regions {
		fmt.Fprintf(&s, "region %s %q %q %q %q\n", r.Code, r.Name, r.NameZh, r.Parent, r.Level)
	}
	for _, in := range b.Indicators {
		fmt.Fprintf(&s, "indicator %s %q %q %q %q %q\n", in.Code, in.Name, in.NameZh, in.Unit, in.Kind, in.Better)
	}
	for _, k := range slices.Sorted(maps.Keys(b.declFrom)) {
		fmt.Fprintf(&s, "declared %s at line %d\n", k, b.declFrom[k].Line)
	}
	return s.String()
}

// obsLine is one observation of houma's GDP in the given year, on a line of
// its own.
func obsLine(year int, extra string) string {
	return fmt.Sprintf(`{"region": "houma", "indicator": "gdp", "year": %d, "value": 100%s}`, year, extra)
}

// obsValueLine is obsLine with the value given as value (a JSON value).
func obsValueLine(year int, value string) string {
	return fmt.Sprintf(`{"region": "houma", "indicator": "gdp", "year": %d, "value": %s}`, year, value)
}

// manyObservations is an array of n (at most 6,750) different figures, one a
// line from line 2, with bad[i] in place of the i-th (0-based) when given.
func manyObservations(n int, bad map[int]string) string {
	regions := []string{"shanxi", "shaanxi", "inner_mongolia", "linfen", "yulin", "baotou", "houma", "zizhou", "guyang"}
	// Five indicators, so that 5,000 figures, each of its own region,
	// indicator and year, end in 2011: a figure is published in its year or
	// later (the push's date, pushDate, is in 2025).
	indicators := []string{"gdp", "budget_revenue", "retail_sales", "fixed_asset_investment", "industrial_value_added"}
	lines := make([]string, n)
	for i := range lines {
		lines[i] = fmt.Sprintf(`{"region": %q, "indicator": %q, "year": %d, "value": 100}`, regions[i%9], indicators[i/9%5], 1900+i/45%250)
		if b, ok := bad[i]; ok {
			lines[i] = b
		}
	}
	return "[\n" + strings.Join(lines, ",\n") + "\n]\n"
}

// jsonPins are documents and what the reader makes of them.
var jsonPins = []struct {
	name, doc string
	opt       Options
	want      string
}{
	{name: "an empty array", doc: "[]", want: ""},
	{name: "an empty object", doc: " {} ", want: ""},
	{name: "a lone figure", doc: `{"region": "houma", "indicator": "gdp", "year": 2020, "value": 120.8}`, want: "obs line 1: houma gdp 2020 120.8 \"final\" \"year\" \"p.json\"|\"\" 2025-05-10 -\n"},
	{name: "a list under a key plancast does not read", doc: "{\"region\": \"houma\", \"indicator\": \"gdp\",\n\"data\": [{\"year\": 2020, \"value\": 1}]}", want: "problem p.json line 2 (data): " +
		`the key "data" holds a list, but it is not one plancast reads at the top of a JSON document, so what it holds would be left out: the top level is a bundle ("regions", "indicators", "observations", "targets") or one series ("region", "indicator", "unit", "period" and its figures under "observations"); put the figures under "observations" and the targets under "targets", or push a list of them as it is: [{"region": …, "indicator": …, "year": …, "value": …}, …]` + "\n"},
	{name: "nothing", doc: "", want: "problem p.json line 1: malformed JSON: unexpected end of JSON input\n"},
	{name: "only white space", doc: " \n\t\n ", want: "problem p.json line 3: malformed JSON: unexpected end of JSON input\n"},
	{name: "a byte order mark", doc: "\xef\xbb\xbf[\n" + obsLine(2020, "") + "]",
		want: `obs line 2: houma gdp 2020 100 "final" "year" "p.json"|"" 2025-05-10 -` + "\n"},
	{name: "two byte order marks", doc: "\xef\xbb\xbf\xef\xbb\xbf[]",
		want: "problem p.json line 1: malformed JSON: invalid character 'ï' looking for beginning of value\n"},
	{name: "trailing garbage", doc: "[\n" + obsLine(2020, "") + "\n]\nx",
		want: "problem p.json line 4: malformed JSON: invalid character 'x' after top-level value\n"},
	{name: "two documents", doc: "[]\n[]", want: "problem p.json line 2: malformed JSON: invalid character '[' after top-level value\n"},
	{name: "a string", doc: `"houma"`, want: "problem p.json line 1: expected a JSON array of observations or an object with observations\n"},
	{name: "a number", doc: "\n 2020", want: "problem p.json line 1: expected a JSON array of observations or an object with observations\n"},
	{name: "an unclosed string", doc: "[\n{\"region\": \"houma}]", want: "problem p.json line 2: malformed JSON: unexpected end of JSON input\n"},
	{name: "a control character in a string", doc: "[{\"region\": \"hou\tma\"}]", want: "problem p.json line 1: malformed JSON: invalid character '\\t' in string literal\n"},
	{name: "a bad escape", doc: `[{"region": "hou\ma"}]`, want: "problem p.json line 1: malformed JSON: invalid character 'm' in string escape code\n"},
	{name: "a leading zero", doc: `[{"year": 02020}]`, want: "problem p.json line 1: malformed JSON: invalid character '2' after object key:value pair\n"},
	{name: "a number cut short", doc: `[{"year": 2020.}]`, want: "problem p.json line 1: malformed JSON: invalid character '}' after decimal point in numeric literal\n"},
	{name: "a trailing comma", doc: "[\n" + obsLine(2020, "") + ",\n]", want: "problem p.json line 3: malformed JSON: invalid character ']' looking for beginning of value\n"},
	{name: "a misspelt literal", doc: `[{"value": nul}]`, want: "problem p.json line 1: malformed JSON: invalid character '}' in literal null (expecting 'l')\n"},

	{name: "numbers and strings as values", doc: "[\n" +
		`{"region": "houma", "indicator": "gdp", "year": "2019", "value": "1,234.5", "growth": "5.3%", "growth_base_year": "2015"},` + "\n" +
		`{"region": "houma", "indicator": "gdp", "year": 2.02e3, "value": 1.5e2, "growth": 5.3},` + "\n" +
		`{"region": "houma", "indicator": "gdp", "year": true, "value": {"a": 1}},` + "\n" +
		`{"region": "houma", "indicator": "gdp", "year": 2018, "value": [1]}` + "\n]",
		want: "problem p.json line 4 (year): \"true\" is not a year\n" +
			"problem p.json line 4 (value): \"{\\\"a\\\": 1}\" is not a number\n" +
			"problem p.json line 5 (value): \"[1]\" is not a number\n" +
			`obs line 2: houma gdp 2019 1234.5 "final" "year" "p.json"|"" 2025-05-10 5.3/2015` + "\n" +
			`obs line 3: houma gdp 2020 150 "final" "year" "p.json"|"" 2025-05-10 5.3/0` + "\n"},
	{name: "the wrong JSON type", doc: "[\n" +
		`{"region": 5, "indicator": "gdp", "year": 2020, "value": 1},` + "\n" +
		`{"region": "houma", "indicator": ["gdp"], "year": 2020, "value": 1, "publised": "2021-01-01"},` + "\n" +
		`{"region": "houma", "indicator": "gdp", "year": 2020, "value": 1, "source": 5},` + "\n" +
		`{"region": "houma", "indicator": "gdp", "year": 2020, "value": 1, "source": {"document": 5}},` + "\n" +
		`{"region": "houma", "indicator": "gdp", "year": 2020, "value": 1, "status": false, "unit": {}}` + "\n]",
		want: "problem p.json line 2 (jsonSeries.region): jsonSeries.region must be a string, not a JSON number\n" +
			"problem p.json line 3 (jsonSeries.indicator): jsonSeries.indicator must be a string, not a JSON array\n" +
			"problem p.json line 4 (source): source must be a object, not a JSON number\n" +
			"problem p.json line 5 (source.document): source.document must be a string, not a JSON number\n" +
			"problem p.json line 6 (status): status must be a string, not a JSON bool\n"},
	{name: "null", doc: "[\n" +
		`{"region": "houma", "indicator": "gdp", "year": 2020, "value": null},` + "\n" +
		`{"region": "houma", "indicator": "gdp", "year": 2019, "value": 1, "status": null, "source": null, "published": null},` + "\n" +
		`null` + "\n]",
		want: "problem p.json line 2 (value): value is missing\n" +
			"problem p.json line 4: an observation must be a JSON object\n" +
			`obs line 3: houma gdp 2019 1 "final" "year" "p.json"|"" 2025-05-10 -` + "\n"},
	{name: "a key given twice", doc: "[\n" +
		`{"region": "houma", "indicator": "gdp", "year": 2019, "year": 2020, "value": 1, "Value": 2},` + "\n" +
		`{"region": "houma", "indicator": "gdp", "year": 2018, "value": 1, "source": {"document": "a", "quote": "q"}, "source": {"document": "b"}},` + "\n" +
		`{"region": "houma", "indicator": "gdp", "year": 2017, "value": 1, "source": {"quote": "q"}, "source": "c"},` + "\n" +
		`{"region": "houma", "indicator": "gdp", "year": 2016, "value": 1, "source": {"quote": "q"}, "source": null, "source": "d"}` + "\n]",
		want: `problem p.json line 2 (year): the key "year" is given twice in one item (2019, then 2020); keep one` + "\n" +
			`problem p.json line 3 (source): the key "source" is given twice in one item; keep one` + "\n" +
			`problem p.json line 4 (source): the key "source" is given twice in one item; keep one` + "\n" +
			`problem p.json line 5 (source): the key "source" is given 3 times in one item; keep one` + "\n"},
	{name: "keys in another case, escaped or folded", doc: "[\n" +
		`{"REGION": "houma", "Indicator": "gdp", "yEAR": 2020, "Value": 1, "Status": "preliminary"},` + "\n" +
		`{"\u0072egion": "hou\u006da", "indicator": "gdp", "year": 2019, "value": 1, "source": "a\nb\u00e9"},` + "\n" +
		`{"region": "houma", "indicator": "gdp", "year": 2018, "value": 1, "ſtatus": "preliminary"},` + "\n" +
		`{"region": "houma", "indicator": "gdp", "year": 2017, "value": 1, "备注": "checked", "remarks": 5, "id": {"x": [1]}}` + "\n]",
		want: `obs line 2: houma gdp 2020 1 "preliminary" "year" "p.json"|"" 2025-05-10 -` + "\n" +
			`obs line 3: houma gdp 2019 1 "final" "year" "a\nbé"|"" 2025-05-10 -` + "\n" +
			`obs line 4: houma gdp 2018 1 "preliminary" "year" "p.json"|"" 2025-05-10 -` + "\n" +
			`obs line 5: houma gdp 2017 1 "final" "year" "p.json"|"" 2025-05-10 -` + "\n"},
	{name: "strings that are not UTF-8", doc: "[\n" +
		`{"region": "houma", "indicator": "gdp", "year": 2020, "value": 1, "status": "fin` + "\xff" + `al"},` + "\n" +
		`{"region": "houma", "indicator": "gdp", "year": 2019, "value": 1, "source": "doc` + "\xe9" + `", "x` + "\xff" + `": 1}` + "\n]",
		// Refused whole, at the first byte that is not UTF-8: the status and
		// the source used to be read with U+FFFD in its place, and the
		// second figure stored with a source no one wrote.
		want: "problem p.json line 2: the file is not UTF-8: byte 82 (0xFF) is not: " +
			"JSON is UTF-8 (RFC 8259): save the file as UTF-8, or push the figures as CSV, which may be GBK or UTF-16\n"},

	{name: "series objects", doc: "[\n" +
		`{"region": "houma", "indicator": "gdp", "observations": [` + "\n" +
		`  {"year": 2020, "value": 1},` + "\n" +
		`  {"indicator": "budget_revenue", "year": 2020, "value": 2}` + "\n" +
		`]},` + "\n" +
		`{"observations": [{"year": 2019, "value": 3}], "region": "houma", "indicator": "gdp", "year": "not read"},` + "\n" +
		`{"region": "houma", "observations": [{"indicator": "gdp", "observations": [{"year": 2018, "value": 4}]}]},` + "\n" +
		`{"region": "houma", "indicator": "gdp", "observations": [{"year": 2017, "value": 5}], "observations": [{"year": 2016, "value": 6}]},` + "\n" +
		`{"region": "houma", "indicator": "gdp", "Observations": [{"year": 2015, "value": 7}]},` + "\n" +
		`{"region": "houma", "indicator": "gdp", "observations": []}` + "\n]",
		want: `problem p.json line 8 (observations): the key "observations" is given twice in one item; give it once, with all the items in one list` + "\n" +
			`obs line 3: houma gdp 2020 1 "final" "year" "p.json"|"" 2025-05-10 -` + "\n" +
			`obs line 4: houma budget_revenue 2020 2 "final" "year" "p.json"|"" 2025-05-10 -` + "\n" +
			`obs line 6: houma gdp 2019 3 "final" "year" "p.json"|"" 2025-05-10 -` + "\n" +
			`obs line 7: houma gdp 2018 4 "final" "year" "p.json"|"" 2025-05-10 -` + "\n" +
			`obs line 9: houma gdp 2015 7 "final" "year" "p.json"|"" 2025-05-10 -` + "\n"},
	{name: "mistakes in series objects", doc: "[\n" +
		`{"region": "houma", "indicator": "gdp", "observations": [` + "\n" +
		`  {"year": 2020, "valeu": 1},` + "\n" +
		`  5,` + "\n" +
		`  {"year": 2019, "value": "12o.8"}` + "\n" +
		`]},` + "\n" +
		`{"region": "houma", "indicator": "gdp", "observations": [{"year": 2018, "value": 1}], "publised": "2020-01-01"},` + "\n" +
		`{"region": 5, "indicator": "gdp", "observations": [{"year": 2017, "value": 1}]},` + "\n" +
		`{"region": "houma", "indicatr": "gdp", "observations": [{"year": 2016, "value": 1}]}` + "\n]",
		want: "problem p.json line 3 (valeu): \"valeu\" is not a field plancast reads; did you mean \"value\"? (a field it does not read is left out, with what it holds)\n" +
			"problem p.json line 4: an observation must be a JSON object\n" +
			"problem p.json line 5 (value): \"12o.8\" is not a number\n" +
			"problem p.json line 7 (publised): \"publised\" is not a field plancast reads; did you mean \"published\"? (a field it does not read is left out, with what it holds)\n" +
			"problem p.json line 8 (jsonSeries.region): jsonSeries.region must be a string, not a JSON number\n" +
			"problem p.json line 9 (indicatr): \"indicatr\" is not a field plancast reads; did you mean \"indicator\"? (a field it does not read is left out, with what it holds)\n"},
	{name: "a series whose observations are not a list", doc: "[\n" +
		obsLine(2020, `, "valeu": 1`) + ",\n" +
		`{"region": "houma", "indicator": "gdp", "observations": null},` + "\n" +
		`{"region": "houma", "indicator": "gdp", "observations": 5}` + "\n]",
		want: "problem p.json line 3: expected a JSON array\n"},
	{name: "two items on one line", doc: `[{"region": "houma", "indicator": "gdp", "year": 2020, "value": "12o.8"}, 5]`,
		// Told apart by the column each starts at, in reading order.
		want: "problem p.json line 1 column 2 (value): \"12o.8\" is not a number\n" +
			"problem p.json line 1 column 75: an observation must be a JSON object\n"},
	{name: "an empty observation", doc: "[{}]",
		want: "problem p.json line 1 (region): region is missing\n" +
			"problem p.json line 1 (indicator): indicator is missing\n" +
			"problem p.json line 1 (year): year is missing\n" +
			"problem p.json line 1 (value): value is missing\n"},
	{name: "CRLF line ends", doc: "[\r\n" + obsLine(2020, "") + ",\r\n\r\n" + obsValueLine(2019, `"12o.8"`) + "\r\n]",
		want: "problem p.json line 4 (value): \"12o.8\" is not a number\n" +
			`obs line 2: houma gdp 2020 100 "final" "year" "p.json"|"" 2025-05-10 -` + "\n"},
	{name: "too many rows", doc: manyObservations(3, nil), opt: Options{MaxRows: 2},
		want: "problem p.json: more than 2 rows: split the file\n" +
			`obs line 2: shanxi gdp 1900 100 "final" "year" "p.json"|"" 2025-05-10 -` + "\n" +
			`obs line 3: shaanxi gdp 1900 100 "final" "year" "p.json"|"" 2025-05-10 -` + "\n"},

	{name: "a series object", doc: "{\"region\": \"houma\", \"indicator\": \"gdp\", \"unit\": \"万元\", \"observations\": [\n" +
		`{"year": 2020, "value": 1000000},` + "\n" + `{"year": 2019, "value": 1, "unit": "100m_yuan"}` + "\n]}",
		want: `obs line 2: houma gdp 2020 100 "final" "year" "p.json"|"" 2025-05-10 -` + "\n" +
			`obs line 3: houma gdp 2019 1 "final" "year" "p.json"|"" 2025-05-10 -` + "\n"},
	{name: "a series object named after its observations", doc: "{\"observations\": [\n" + `{"year": 2020, "value": 1}` + "\n], \"Region\": \"houma\", \"indicator\": \"gdp\", \"period\": null}",
		want: `obs line 2: houma gdp 2020 1 "final" "year" "p.json"|"" 2025-05-10 -` + "\n"},
	{name: "a series object of the wrong type", doc: "{\"region\": 5, \"indicator\": \"gdp\",\n\"observations\": [\n" + `{"year": 2020, "value": 1}` + "\n]}",
		want: "problem p.json line 1 (region): region must be a string, not a JSON number\n" +
			"problem p.json line 3 (region): region is missing\n"},
	{name: "a bundle's keys in another case", doc: "{\"Observations\": [\n" + obsLine(2020, "") + "\n], \"REGIONS\": [], \"targts\": []}",
		want: "problem p.json line 3 (targts): \"targts\" is not a field plancast reads; did you mean \"targets\"? (a field it does not read is left out, with what it holds)\n" +
			`obs line 2: houma gdp 2020 100 "final" "year" "p.json"|"" 2025-05-10 -` + "\n"},
	{name: "a bundle's list that is not one", doc: "{\"observations\": [\n" + obsLine(2020, `, "valeu": 1`) + "\n],\n\"regions\": {\"code\": \"quwo\"}}",
		want: "problem p.json line 4: expected a JSON array\n"},
	{name: "a bundle with mistakes", doc: "{\n" +
		`"regions": [{"code": 5, "name": "Quwo"}, {"code": "quwo", "name_zh": "曲沃县", "level": "county", "parent": "linfen"}],` + "\n" +
		`"indicators": [["x"]],` + "\n" +
		`"observations": [` + "\n" + `{"region": "quwo", "indicator": "gdp", "year": 2020, "value": 1}` + "\n],\n" +
		`"targets": [` + "\n" +
		`{"region": "houma", "indicator": "gdp", "plan": "14th-fyp", "kind": "level", "year": 2025, "value": 250, "Bnding": true},` + "\n" +
		`{"region": "houma", "indicator": "gdp", "plan": "14th-fyp", "kind": "level", "year": 2025, "value": 250, "binding": "yes", "note": 5},` + "\n" +
		`{"region": "houma", "indicator": "gdp", "plan": "14th-fyp", "kind": "level", "year": 2025, "base_year": 2020, "value": "250", "source": "plan", "remarks": "x"}` + "\n]}",
		want: "problem p.json line 2 column 13 (code): code must be a string, not a JSON number\n" +
			"problem p.json line 3 (indicators): indicators must be a object, not a JSON array\n" +
			"problem p.json line 8 (Bnding): \"Bnding\" is not a field plancast reads; did you mean \"binding\"? (a field it does not read is left out, with what it holds)\n" +
			"problem p.json line 9 (note): note must be a string, not a JSON number\n" +
			`obs line 5: quwo gdp 2020 1 "final" "year" "p.json"|"" 2025-05-10 -` + "\n" +
			`target line 10: houma gdp 14th-fyp level 2020/2025 250 false "plan"|"" "" 2025-05-10` + "\n" +
			`region quwo "" "曲沃县" "linfen" "county"` + "\n" +
			"declared region:quwo at line 2\n"},
	{name: "sources", doc: `[
{"region": "houma", "indicator": "gdp", "year": 2020, "value": 1, "source": {"Document": "a", "QUOTE": "q\"", "page": 5}},
{"region": "houma", "indicator": "gdp", "year": 2019, "value": 1, "source": "\u4fafmarket\t"},
{"region": "houma", "indicator": "gdp", "year": 2018, "value": 1, "source": {}},
{"region": "houma", "indicator": "gdp", "year": 2017, "value": 1, "source": {"document": null, "quote": ["q"]}}
]`,
		want: `problem p.json line 5 (source.quote): source.quote must be a string, not a JSON array
obs line 2: houma gdp 2020 1 "final" "year" "a"|"q\"" 2025-05-10 -
obs line 3: houma gdp 2019 1 "final" "year" "侯market\t"|"" 2025-05-10 -
obs line 4: houma gdp 2018 1 "final" "year" ""|"" 2025-05-10 -
`},
	{name: "number forms", doc: `[
{"region": "houma", "indicator": "gdp", "year": 2020, "value": -0},
{"region": "houma", "indicator": "gdp", "year": 2019, "value": 1E+2, "growth": 0.5e-1},
{"region": "houma", "indicator": "gdp", "year": 2018, "value": 12.50, "growth_base_year": 2016, "growth": -3}
]`,
		want: `obs line 2: houma gdp 2020 -0 "final" "year" "p.json"|"" 2025-05-10 -
obs line 3: houma gdp 2019 100 "final" "year" "p.json"|"" 2025-05-10 0.05/0
obs line 4: houma gdp 2018 12.5 "final" "year" "p.json"|"" 2025-05-10 -3/2016
`},
	{name: "a key in another case on every line", doc: `[
{"region": "houma", "indicator": "gdp", "Year": 2020, "value": 1},
{"region": "houma", "indicator": "gdp", "Year": 2019, "value": 2},
{"region": "houma", "indicator": "gdp", "Year": 2018, "value": 3, "Observatons": 1}
]`,
		want: `problem p.json line 4 (Observatons): "Observatons" is not a field plancast reads; did you mean "observations"? (a field it does not read is left out, with what it holds)
obs line 2: houma gdp 2020 1 "final" "year" "p.json"|"" 2025-05-10 -
obs line 3: houma gdp 2019 2 "final" "year" "p.json"|"" 2025-05-10 -
`},
	{name: "escaped observations", doc: `[
{"region": "houma", "indicator": "gdp", "\u006fbservations": [
{"year": 2020, "value": 1}]},
{"region": "houma", "indicator": "gdp", "year": {"not": "read"}, "observations": [
{"year": 2019, "value": 2},
{"year": 2018, "value": 3, "region": 5}]},
{"region": "houma", "indicator": "gdp", "observations": [], "year": 2017, "value": 4}
]`,
		want: `problem p.json line 6 (jsonSeries.region): jsonSeries.region must be a string, not a JSON number
obs line 3: houma gdp 2020 1 "final" "year" "p.json"|"" 2025-05-10 -
obs line 5: houma gdp 2019 2 "final" "year" "p.json"|"" 2025-05-10 -
`},
	{name: "a bundle with two lists of observations", doc: `{"region": "houma", "observations": [
{"indicator": "gdp", "year": 2020, "value": 1}],
"observations": [
{"indicator": "gdp", "year": 2019, "value": 2}], "indicator": "budget_revenue", "period": "Q1"}`,
		want: `problem p.json line 3 (observations): the key "observations" is given twice in the top-level object; give it once, with all the items in one list
`},
	{name: "a series' keys after its observations", doc: `{"region": "houma", "observations": [
{"indicator": "gdp", "year": 2020, "value": 1},
{"indicator": "gdp", "year": 2019, "value": 2}], "indicator": "budget_revenue", "period": "Q1"}`,
		want: `obs line 2: houma gdp 2020 1 "final" "q1" "p.json"|"" 2025-05-10 -
obs line 3: houma gdp 2019 2 "final" "q1" "p.json"|"" 2025-05-10 -
`},
	{name: "values deep in keys plancast does not read", doc: `[
{"region": "houma", "indicator": "gdp", "year": 2020, "value": 1, "meta": {"observations": [{"year": 1}], "a": [[[{}]]], "s": "}]\"\\"}}
]`,
		want: `obs line 2: houma gdp 2020 1 "final" "year" "p.json"|"" 2025-05-10 -
`},
	{name: "a source's keys given twice", doc: `[
{"region": "houma", "indicator": "gdp", "year": 2020, "value": 1, "source": {"document": "a", "Document": null, "quote": "q", "Quote": "r"}},
{"region": "houma", "indicator": "gdp", "year": 2019, "value": 1, "source": {"document": "a", "\u0064ocument": "b", "DOCUMENT": 5}},
{"region": "houma", "indicator": "gdp", "year": 2018, "value": 1, "source": {"quote": "q"}, "source": {"document": "d"}}
]`,
		want: `problem p.json line 2 (source.document): "document" and "Document" are one key, given twice in the "source" of one item ("a", then null); keep one
problem p.json line 3 (source.document): "document" and "DOCUMENT" are one key, given 3 times in the "source" of one item ("a", "b", then 5); keep one
problem p.json line 4 (source): the key "source" is given twice in one item; keep one
`},
}

func TestJSONReadsWhatItIsPinnedTo(t *testing.T) {
	for _, c := range jsonPins {
		b := parseString(t, "p.json", c.doc, c.opt)
		if got := jsonOutcome(b); got != c.want {
			t.Errorf("%s: %q\ngot:\n%s\nwant:\n%s", c.name, c.doc, got, c.want)
		}
	}
}

// Problems deep in a long document name their own lines, and reading goes on
// past them: the wrong type, a misspelt key, an element that is not an object,
// a value that is not a number.
func TestJSONProblemsDeepInALongDocumentNameTheirLines(t *testing.T) {
	doc := manyObservations(5000, map[int]string{
		1500: `{"region": "houma", "indicator": "unemployment_rate", "year": 2000, "value": "abc"}`,
		3100: `{"region": 7}`,
		3998: `{"region": "houma", "indicator": "unemployment_rate", "year": 2001, "value": 4, "growth_bsae_year": 2010}`,
		4999: `"houma"`,
	})
	b := parseString(t, "long.json", doc, Options{})
	want := []string{
		`long.json line 1502 (value): "abc" is not a number`,
		`long.json line 3102 (jsonSeries.region): jsonSeries.region must be a string, not a JSON number`,
		`long.json line 4000 (growth_bsae_year): "growth_bsae_year" is not a field plancast reads; did you mean "growth_base_year"? (a field it does not read is left out, with what it holds)`,
		`long.json line 5001: an observation must be a JSON object`,
	}
	if got := problemTexts(b.Problems); !slices.Equal(got, want) {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(b.Observations) != 4996 || b.obsOrigin(4995).Line != 5000 || b.Observations[4995].Year != 1900+4998/45 {
		t.Errorf("read %d figures, the last from line %d; want 4996, the last from line 5000", len(b.Observations), b.obsOrigin(len(b.Observations)-1).Line)
	}
}

// A document that is not JSON is one problem, at its line, even when items
// before the mistake have problems of their own: none of it is read.
func TestJSONMalformedDeepInALongDocumentIsTheOnlyProblem(t *testing.T) {
	doc := manyObservations(5000, map[int]string{10: `{"region": 7}`, 20: `"x"`, 4990: `{"region": "houma", "year": 2020 "value": 1}`})
	b := parseString(t, "long.json", doc, Options{})
	want := []string{`long.json line 4992: malformed JSON: invalid character '"' after object key:value pair`}
	if got := problemTexts(b.Problems); !slices.Equal(got, want) || len(b.Observations) != 0 {
		t.Errorf("problems %q and %d figures; want only %q", got, len(b.Observations), want)
	}
}

// encoding/json refuses a document nested more than 10,000 deep; the reader
// says so as malformed JSON, and reads one nested 10,000 deep.
func TestJSONNestedTooDeepIsMalformed(t *testing.T) {
	for _, c := range []struct {
		depth int
		want  string
	}{
		{10_000, "problem p.json line 1: an observation must be a JSON object\n"},
		{10_001, "problem p.json line 1: malformed JSON: invalid character '[' exceeded max depth\n"},
	} {
		doc := strings.Repeat("[", c.depth) + strings.Repeat("]", c.depth)
		if got := jsonOutcome(parseString(t, "p.json", doc, Options{})); got != c.want {
			t.Errorf("nested %d deep: got %q, want %q", c.depth, got, c.want)
		}
	}
}

// At most MaxProblems problems are kept, in the order they were found: the
// items of the wrong shape first, then the figures that do not convert.
func TestJSONKeepsTheFirstProblemsFound(t *testing.T) {
	bad := map[int]string{}
	for i := 0; i < 6; i++ {
		bad[2*i] = obsValueLine(2000+i, `"12o.8"`)
		bad[2*i+1] = `["not an object"]`
	}
	b := parseString(t, "p.json", manyObservations(12, bad), Options{MaxProblems: 4})
	want := []string{
		"p.json line 3: an observation must be a JSON object",
		"p.json line 5: an observation must be a JSON object",
		"p.json line 7: an observation must be a JSON object",
		"p.json line 9: an observation must be a JSON object",
		"p.json: too many problems: stopped after 4",
	}
	if got := problemTexts(b.Problems); !slices.Equal(got, want) {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
