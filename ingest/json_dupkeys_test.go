package ingest

import (
	"slices"
	"strings"
	"testing"
)

// A key given twice in one JSON object is refused, naming the field and
// both values. encoding/json keeps the last one without a word, so
// {"value": 65, "value": 650} was read as 650: a dry run said "1 new" and
// the figure came back as a jump. Keys are compared as the reader matches
// them to fields (in any case, escapes undone), so "value" and "Value" are
// one key; keys plancast does not read may repeat, as they are left out.

// An observation, a series object (its observations are then not read)
// and an observation in a series are each refused at the line where they
// start; the items around them are read.
func TestAKeyGivenTwiceInAnObservationIsAProblemAtItsLine(t *testing.T) {
	for _, c := range dupItemCases {
		if got := jsonOutcome(parseString(t, "p.json", c.doc, Options{})); got != c.want {
			t.Errorf("%s: %q\ngot:\n%s\nwant:\n%s", c.name, c.doc, got, c.want)
		}
	}
}

type dupCase struct{ name, doc, want string }

var dupItemCases = []dupCase{
	{name: "the value, as the user's test sent it",
		doc:  `[{"region":"houma","indicator":"fixed_asset_investment","year":2021,"value":65,"value":650}]`,
		want: `problem p.json line 1 (value): the key "value" is given twice in one item (65, then 650); keep one` + "\n"},
	{name: "the year, among items that are read", doc: "[\n" +
		obsLine(2020, "") + ",\n" +
		`{"region": "houma", "indicator": "gdp", "year": 2019, "value": 2, "year": 2018},` + "\n" +
		obsLine(2017, "") + "\n]",
		want: `problem p.json line 3 (year): the key "year" is given twice in one item (2019, then 2018); keep one` + "\n" +
			`obs line 2: houma gdp 2020 100 "final" "year" "p.json"|"" 2025-05-10 -` + "\n" +
			`obs line 4: houma gdp 2017 100 "final" "year" "p.json"|"" 2025-05-10 -` + "\n"},
	{name: "in another case", doc: `[{"region": "houma", "indicator": "gdp", "year": 2021, "value": 65, "Value": "650"}]`,
		want: `problem p.json line 1 (value): "value" and "Value" are one key, given twice in one item (65, then "650"); keep one` + "\n"},
	{name: "folded as encoding/json folds it", doc: `[{"region": "houma", "indicator": "gdp", "year": 2021, "value": 65, "status": "final", "ſtatus": "preliminary"}]`,
		want: `problem p.json line 1 (status): "status" and "ſtatus" are one key, given twice in one item ("final", then "preliminary"); keep one` + "\n"},
	{name: "escaped", doc: `[{"region": "houma", "indicator": "gdp", "year": 2021, "\u0076alue": 65, "value": 650}]`,
		want: `problem p.json line 1 (value): the key "value" is given twice in one item (65, then 650); keep one` + "\n"},
	{name: "once as null", doc: `[{"region": "houma", "region": null, "indicator": "gdp", "year": 2021, "value": 65}]`,
		want: `problem p.json line 1 (region): the key "region" is given twice in one item ("houma", then null); keep one` + "\n"},
	{name: "three times", doc: `[{"region": "houma", "indicator": "gdp", "year": 2021, "value": 1, "value": 2, "VALUE": 3}]`,
		want: `problem p.json line 1 (value): "value" and "VALUE" are one key, given 3 times in one item (1, 2, then 3); keep one` + "\n"},
	{name: "the first key repeated is named", doc: `[{"region": "houma", "indicator": "gdp", "value": 1, "year": 2020, "year": 2021, "value": 2}]`,
		want: `problem p.json line 1 (year): the key "year" is given twice in one item (2020, then 2021); keep one` + "\n"},
	{name: "sources as strings", doc: `[{"region": "houma", "indicator": "gdp", "year": 2021, "value": 1, "source": "统计公报", "source": "年鉴"}]`,
		want: `problem p.json line 1 (source): the key "source" is given twice in one item ("统计公报", then "年鉴"); keep one` + "\n"},
	{name: "values too long to quote", doc: `[{"region": "houma", "indicator": "gdp", "year": 2021, "value": 1, "source": {"document": "a"}, "source": "b"}, ` +
		`{"region": "houma", "indicator": "gdp", "year": 2020, "value": 1, "source": "b", "source": "a document named at some length, as they are"}]`,
		want: `problem p.json line 1 column 2 (source): the key "source" is given twice in one item; keep one` + "\n" +
			`problem p.json line 1 column 113 (source): the key "source" is given twice in one item; keep one` + "\n"},
	{name: "before the wrong JSON type", doc: `[{"region": 5, "region": "houma", "indicator": "gdp", "year": 2021, "value": 1}]`,
		want: `problem p.json line 1 (region): the key "region" is given twice in one item (5, then "houma"); keep one` + "\n"},
	{name: "before a misspelt key", doc: `[{"region": "houma", "indicator": "gdp", "year": 2021, "value": 1, "valeu": 2, "value": 3}]`,
		want: `problem p.json line 1 (value): the key "value" is given twice in one item (1, then 3); keep one` + "\n"},
	{name: "in a series object", doc: "[\n" +
		`{"region": "houma", "indicator": "gdp", "region": "linfen", "observations": [` + "\n" +
		`  {"year": 2020, "value": 1}` + "\n" +
		`]},` + "\n" +
		`{"region": "houma", "indicator": "gdp", "observations": [` + "\n" +
		`  {"year": 2019, "value": 2},` + "\n" +
		`  {"year": 2018, "value": 3, "YEAR": 2017},` + "\n" +
		`  {"year": 2016, "value": 4}` + "\n" +
		`]}` + "\n]",
		want: `problem p.json line 2 (region): the key "region" is given twice in one item ("houma", then "linfen"); keep one` + "\n" +
			`problem p.json line 7 (year): "year" and "YEAR" are one key, given twice in one item (2018, then 2017); keep one` + "\n" +
			`obs line 6: houma gdp 2019 2 "final" "year" "p.json"|"" 2025-05-10 -` + "\n" +
			`obs line 8: houma gdp 2016 4 "final" "year" "p.json"|"" 2025-05-10 -` + "\n"},
	{name: "a series' observations given twice", doc: "[\n" +
		`{"region": "houma", "indicator": "gdp", "observations": [{"year": 2020, "value": 1}],` + "\n" +
		`  "observations": [{"year": 2019, "value": 2}]},` + "\n" +
		obsLine(2018, "") + "\n]",
		want: `problem p.json line 2 (observations): the key "observations" is given twice in one item; give it once, with all the items in one list` + "\n" +
			`obs line 4: houma gdp 2018 100 "final" "year" "p.json"|"" 2025-05-10 -` + "\n"},
}

// Keys plancast does not read are left out however often they come; so is
// one in Chinese, which JSON does not take for a field ("值" is a column
// name in tables, not a JSON key).
func TestKeysNotReadMayBeGivenTwice(t *testing.T) {
	c := dupNotReadCase
	if got := jsonOutcome(parseString(t, "p.json", c.doc, Options{})); got != c.want {
		t.Errorf("%q\ngot:\n%s\nwant:\n%s", c.doc, got, c.want)
	}
}

var dupNotReadCase = dupCase{name: "keys not read",
	doc:  `[{"region": "houma", "indicator": "gdp", "year": 2021, "value": 65, "remarks": "a", "remarks": "b", "值": 650, "值": 6500}]`,
	want: `obs line 1: houma gdp 2021 65 "final" "year" "p.json"|"" 2025-05-10 -` + "\n"}

// A target in a bundle is refused at its line in the same words; the
// targets around it are read.
func TestAKeyGivenTwiceInATargetIsAProblemAtItsLine(t *testing.T) {
	c := dupTargetCase
	if got := jsonOutcome(parseString(t, "p.json", c.doc, Options{})); got != c.want {
		t.Errorf("%q\ngot:\n%s\nwant:\n%s", c.doc, got, c.want)
	}
}

const dupTarget = `{"region": "houma", "indicator": "gdp", "plan": "14th-fyp", "kind": "level", "year": 2025, "value": 250`

var dupTargetCase = dupCase{name: "targets",
	doc: "{\"targets\": [\n" +
		dupTarget + `, "value": 25},` + "\n" +
		dupTarget + `, "binding": true, "Binding": false},` + "\n" +
		dupTarget + `, "note": "x", "base_year": 2020}` + "\n]}",
	want: `problem p.json line 2 (value): the key "value" is given twice in one item (250, then 25); keep one` + "\n" +
		`problem p.json line 3 (binding): "binding" and "Binding" are one key, given twice in one item (true, then false); keep one` + "\n" +
		`target line 4: houma gdp 14th-fyp level 2020/2025 250 false "p.json"|"" "x" 2025-05-10` + "\n"}

// A key given twice in the top-level object (a series' region, or a
// bundle's list) leaves the whole document in doubt: it is the one problem,
// at the line of the key given again, and nothing is read.
func TestAKeyGivenTwiceInTheTopLevelObjectIsTheOnlyProblem(t *testing.T) {
	for _, c := range dupTopCases {
		if got := jsonOutcome(parseString(t, "p.json", c.doc, Options{})); got != c.want {
			t.Errorf("%s: %q\ngot:\n%s\nwant:\n%s", c.name, c.doc, got, c.want)
		}
	}
}

var dupObs = "[\n" + obsLine(2020, "") + "\n]"

var dupTopCases = []dupCase{
	{name: "a series' region", doc: "{\"region\": \"houma\", \"indicator\": \"gdp\",\n\"region\": \"linfen\",\n\"observations\": [{\"year\": 2020, \"value\": 1}]}",
		want: `problem p.json line 2 (region): the key "region" is given twice in the top-level object ("houma", then "linfen"); keep one` + "\n"},
	{name: "a series' indicator in another case", doc: "{\"observations\": [{\"year\": 2020, \"value\": 1}], \"region\": \"houma\",\n\"indicator\": \"gdp\",\n\"Indicator\": null}",
		want: `problem p.json line 3 (indicator): "indicator" and "Indicator" are one key, given twice in the top-level object ("gdp", then null); keep one` + "\n"},
	{name: "a bundle's observations", doc: "{\"observations\": " + dupObs + ",\n\"regions\": [],\n\"observations\": " + dupObs + "}",
		want: `problem p.json line 5 (observations): the key "observations" is given twice in the top-level object; give it once, with all the items in one list` + "\n"},
	{name: "a bundle's targets, one of them empty", doc: "{\"targets\": [],\n\"observations\": " + dupObs + ",\n\"targets\": [{\"region\": 5}]}",
		want: `problem p.json line 5 (targets): the key "targets" is given twice in the top-level object; give it once, with all the items in one list` + "\n"},
	{name: "a bundle's regions, one of them not a list", doc: "{\"observations\": " + dupObs + ",\n\"regions\": [{\"code\": \"quwo\"}],\n\"regions\": null}",
		want: `problem p.json line 5 (regions): the key "regions" is given twice in the top-level object; keep one` + "\n"},
}

// The reader agrees with the reference on the documents above, as
// agreesWithReference allows for a key given twice; they seed
// FuzzJSONReaderAgreesWithTheReference.
func TestJSONReaderAgreesWithTheReferenceOnKeysGivenTwice(t *testing.T) {
	for _, doc := range duplicateKeyDocs() {
		agreesWithReference(t, "p.json", []byte(doc), Options{})
	}
}

func duplicateKeyDocs() []string {
	var docs []string
	for _, c := range slices.Concat(dupItemCases, dupTopCases, []dupCase{dupNotReadCase, dupTargetCase}, nestedDupSourceCases, nestedDupDeclCases) {
		docs = append(docs, c.doc)
	}
	return docs
}

// Deep in a long document the item is named by its own line, and the
// 4,999 around it are read.
func TestAKeyGivenTwiceDeepInALongDocumentNamesItsLine(t *testing.T) {
	doc := manyObservations(5000, map[int]string{
		3500: `{"region": "houma", "indicator": "unemployment_rate", "year": 2000, "value": 4.1, "value": 41}`,
	})
	b := parseString(t, "long.json", doc, Options{})
	want := `long.json line 3502 (value): the key "value" is given twice in one item (4.1, then 41); keep one`
	if got := problemTexts(b.Problems); len(got) != 1 || got[0] != want {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), want)
	}
	if len(b.Observations) != 4999 {
		t.Errorf("read %d figures; want 4999", len(b.Observations))
	}
}
