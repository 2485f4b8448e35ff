package ingest

import (
	"testing"
)

// Every key plancast reads in JSON is matched in any case, as encoding/json
// matches a figure's "Year" or a source's "Document": so are the lists, a
// series' "observations" and a bundle's "regions", "indicators",
// "observations" and "targets". Before, those four were matched exactly,
// and a document with "Observations" was read as holding no figures, with
// no problem: a push of it said "0 new" and stored nothing.

func TestJSONListsAreReadInAnyCase(t *testing.T) {
	for _, c := range keyCaseCases {
		if got := jsonOutcome(parseString(t, "p.json", c.doc, Options{})); got != c.want {
			t.Errorf("%s: %q\ngot:\n%s\nwant:\n%s", c.name, c.doc, got, c.want)
		}
	}
}

var keyCaseCases = []dupCase{
	{name: "a series object's", doc: "[\n" +
		`{"region": "houma", "indicator": "gdp", "Observations": [` + "\n" +
		`  {"year": 2020, "value": 1},` + "\n" +
		`  {"Indicator": "budget_revenue", "OBSERVATIONS": [{"year": 2019, "value": 2}]}` + "\n" +
		"]},\n" +
		`{"region": "houma", "indicator": "gdp", "\u004fbservations": [{"year": 2018, "value": 3}]}` + "\n]",
		want: `obs line 3: houma gdp 2020 1 "final" "year" "p.json"|"" 2025-05-10 -` + "\n" +
			`obs line 4: houma budget_revenue 2019 2 "final" "year" "p.json"|"" 2025-05-10 -` + "\n" +
			`obs line 6: houma gdp 2018 3 "final" "year" "p.json"|"" 2025-05-10 -` + "\n"},
	{name: "a single series'", doc: "{\"Region\": \"houma\", \"Indicator\": \"gdp\", \"Observations\": [\n" +
		`{"year": 2020, "value": 1}` + "\n]}",
		want: `obs line 2: houma gdp 2020 1 "final" "year" "p.json"|"" 2025-05-10 -` + "\n"},
	{name: "a bundle's", doc: "{\"REGIONS\": [\n" +
		quwo + "}\n],\n" +
		"\"Indicators\": [\n" + grain + "}\n],\n" +
		"\"Observations\": [\n" +
		`{"region": "quwo", "indicator": "grain_output", "year": 2020, "value": 1}` + "\n],\n" +
		"\"targetſ\": [\n" + dupTarget + "}\n]}",
		want: `obs line 8: quwo grain_output 2020 1 "final" "year" "p.json"|"" 2025-05-10 -` + "\n" +
			`target line 11: houma gdp 14th-fyp level 0/2025 250 false "p.json"|"" "" 2025-05-10` + "\n" +
			`region quwo "" "曲沃县" "linfen" "county"` + "\n" +
			`indicator grain_output "Grain output" "粮食产量" "10k_tons" "level" "higher"` + "\n" +
			"declared indicator:grain_output at line 5\n" +
			"declared region:quwo at line 2\n"},
	{name: "a list that is not one, in another case", doc: "[\n" +
		`{"region": "houma", "indicator": "gdp", "Observations": 5}` + "\n]",
		want: "problem p.json line 2: expected a JSON array\n"},
	{name: "a misspelt one is named as before", doc: "[\n" +
		`{"region": "houma", "indicator": "gdp", "Observatons": [{"year": 2020, "value": 1}]}` + "\n]",
		want: `problem p.json line 2 (Observatons): "Observatons" is not a field plancast reads; did you mean "observations"? (a field it does not read is left out, with what it holds)` + "\n"},
}

// Spelt in two cases in one object, a list is one key given twice, and
// refused as such.
func TestAJSONListGivenInTwoCasesIsGivenTwice(t *testing.T) {
	for _, c := range keyCaseDupCases {
		if got := jsonOutcome(parseString(t, "p.json", c.doc, Options{})); got != c.want {
			t.Errorf("%s: %q\ngot:\n%s\nwant:\n%s", c.name, c.doc, got, c.want)
		}
	}
}

var keyCaseDupCases = []dupCase{
	{name: "in a series object", doc: "[\n" +
		`{"region": "houma", "indicator": "gdp", "observations": [{"year": 2020, "value": 1}], "Observations": [{"year": 2019, "value": 2}]},` + "\n" +
		obsLine(2018, "") + "\n]",
		want: `problem p.json line 2 (observations): "observations" and "Observations" are one key, given twice in one item; give it once, with all the items in one list` + "\n" +
			`obs line 3: houma gdp 2018 100 "final" "year" "p.json"|"" 2025-05-10 -` + "\n"},
	{name: "in a bundle", doc: "{\"regions\": [],\n\"REGIONS\": [],\n\"observations\": [\n" + obsLine(2020, "") + "\n]}",
		want: `problem p.json line 2 (regions): "regions" and "REGIONS" are one key, given twice in the top-level object; give it once, with all the items in one list` + "\n"},
}

// The reader agrees with the reference on the documents above, as
// agreesWithReference allows for lists in another case; they seed
// FuzzJSONReaderAgreesWithTheReference.
func TestJSONReaderAgreesWithTheReferenceOnListsInAnyCase(t *testing.T) {
	for _, c := range append(keyCaseCases, keyCaseDupCases...) {
		agreesWithReference(t, "p.json", []byte(c.doc), Options{})
	}
}
