package ingest

import (
	"testing"
)

// A key given twice inside an object an item holds (a figure's or a
// target's source) or in a bundle's declaration of a region or an
// indicator is refused as a key given twice in an item is, naming where
// it is and both values: encoding/json keeps the last one without a word,
// so {"document": "2021年公报", "document": "2020年公报"} stored the figure
// as read from the 2020 report. The item (or the declaration) is refused
// at the line where it starts; the items around it are read. Keys plancast
// does not read (a source's "page") may repeat, as they are left out.

func TestAKeyGivenTwiceInASourceIsAProblemAtItsItemsLine(t *testing.T) {
	for _, c := range nestedDupSourceCases {
		if got := jsonOutcome(parseString(t, "p.json", c.doc, Options{})); got != c.want {
			t.Errorf("%s: %q\ngot:\n%s\nwant:\n%s", c.name, c.doc, got, c.want)
		}
	}
}

var nestedDupSourceCases = []dupCase{
	{name: "a figure's document", doc: "[\n" +
		obsLine(2020, "") + ",\n" +
		obsLine(2019, `, "source": {"document": "2021年公报", "document": "2020年公报"}`) + ",\n" +
		obsLine(2018, `, "source": {"document": "2019年公报", "page": 3, "page": 4}`) + "\n]",
		want: `problem p.json line 3 (source.document): the key "document" is given twice in the "source" of one item ("2021年公报", then "2020年公报"); keep one` + "\n" +
			`obs line 2: houma gdp 2020 100 "final" "year" "p.json"|"" 2025-05-10 -` + "\n" +
			`obs line 4: houma gdp 2018 100 "final" "year" "2019年公报"|"" 2025-05-10 -` + "\n"},
	{name: "a quote in another case, once as null", doc: "[\n" +
		obsLine(2020, `, "source": {"document": "a", "quote": "GDP 120.8", "Quote": null}`) + "\n]",
		want: `problem p.json line 2 (source.quote): "quote" and "Quote" are one key, given twice in the "source" of one item ("GDP 120.8", then null); keep one` + "\n"},
	{name: "three times, escaped, one of the wrong type", doc: "[\n" +
		obsLine(2020, `, "source": {"document": "a", "\u0064ocument": "b", "DOCUMENT": 5}`) + "\n]",
		want: `problem p.json line 2 (source.document): "document" and "DOCUMENT" are one key, given 3 times in the "source" of one item ("a", "b", then 5); keep one` + "\n"},
	{name: "a value too long to quote", doc: "[\n" +
		obsLine(2020, `, "source": {"document": "a", "document": "the report of the 17th People's Congress, 2021"}`) + "\n]",
		want: `problem p.json line 2 (source.document): the key "document" is given twice in the "source" of one item; keep one` + "\n"},
	{name: "in a series' observation", doc: "[\n" +
		`{"region": "houma", "indicator": "gdp", "observations": [` + "\n" +
		`  {"year": 2020, "value": 1, "source": {"quote": "a", "quote": "b"}},` + "\n" +
		`  {"year": 2019, "value": 2, "source": {"quote": "c"}}` + "\n" +
		"]}\n]",
		want: `problem p.json line 3 (source.quote): the key "quote" is given twice in the "source" of one item ("a", then "b"); keep one` + "\n" +
			`obs line 4: houma gdp 2019 2 "final" "year" ""|"c" 2025-05-10 -` + "\n"},
	{name: "a target's", doc: "{\"targets\": [\n" +
		dupTarget + `, "source": {"document": "十四五规划", "document": "十三五规划"}},` + "\n" +
		dupTarget + `, "source": {"document": "十四五规划"}}` + "\n]}",
		want: `problem p.json line 2 (source.document): the key "document" is given twice in the "source" of one item ("十四五规划", then "十三五规划"); keep one` + "\n" +
			`target line 3: houma gdp 14th-fyp level 0/2025 250 false "十四五规划"|"" "" 2025-05-10` + "\n"},
	{name: "the source given twice is named first", doc: "[\n" +
		obsLine(2020, `, "source": {"document": "a", "document": "b"}, "source": "c"`) + "\n]",
		want: `problem p.json line 2 (source): the key "source" is given twice in one item; keep one` + "\n"},
	{name: "before a mistake elsewhere in the item", doc: "[\n" +
		obsLine(2020, `, "publised": "2021-01-01", "status": 5, "source": {"document": "a", "document": "b"}`) + "\n]",
		want: `problem p.json line 2 (source.document): the key "document" is given twice in the "source" of one item ("a", then "b"); keep one` + "\n"},
}

func TestAKeyGivenTwiceInADeclarationIsAProblemAtItsLine(t *testing.T) {
	for _, c := range nestedDupDeclCases {
		if got := jsonOutcome(parseString(t, "p.json", c.doc, Options{})); got != c.want {
			t.Errorf("%s: %q\ngot:\n%s\nwant:\n%s", c.name, c.doc, got, c.want)
		}
	}
}

const (
	quwo  = `{"code": "quwo", "name_zh": "曲沃县", "level": "county", "parent": "linfen"`
	grain = `{"code": "grain_output", "name": "Grain output", "name_zh": "粮食产量", "unit": "10k_tons", "kind": "level", "better": "higher"`
)

var nestedDupDeclCases = []dupCase{
	{name: "a region's parent", doc: "{\"regions\": [\n" +
		quwo + `, "parent": "yuncheng"},` + "\n" +
		`{"code": "yicheng", "name_zh": "翼城县", "level": "county", "parent": "linfen"}` + "\n],\n" +
		"\"observations\": [\n" +
		`{"region": "yicheng", "indicator": "gdp", "year": 2020, "value": 1}` + "\n]}",
		want: `problem p.json line 2 (parent): the key "parent" is given twice in one item of "regions" ("linfen", then "yuncheng"); keep one` + "\n" +
			`obs line 6: yicheng gdp 2020 1 "final" "year" "p.json"|"" 2025-05-10 -` + "\n" +
			`region yicheng "" "翼城县" "linfen" "county"` + "\n" +
			"declared region:yicheng at line 3\n"},
	{name: "a region's code in another case: its figures are of a region not declared", doc: "{\"regions\": [\n" +
		quwo + `, "CODE": "quwu"}` + "\n],\n" +
		"\"observations\": [\n" +
		`{"region": "quwo", "indicator": "gdp", "year": 2020, "value": 1}` + "\n]}",
		want: `problem p.json line 2 (code): "code" and "CODE" are one key, given twice in one item of "regions" ("quwo", then "quwu"); keep one` + "\n" +
			`problem p.json line 5 (region): region "quwo" is unknown` + "\n"},
	{name: "an indicator's unit", doc: "{\"indicators\": [\n" +
		grain + `, "unit": "tons"},` + "\n" +
		grain + `, "extra": 1, "extra": 2}` + "\n]}",
		want: `problem p.json line 2 (unit): the key "unit" is given twice in one item of "indicators" ("10k_tons", then "tons"); keep one` + "\n" +
			`indicator grain_output "Grain output" "粮食产量" "10k_tons" "level" "higher"` + "\n" +
			"declared indicator:grain_output at line 3\n"},
}

// The reader agrees with the reference on the documents above, as
// agreesWithReference allows for a key given twice; they seed
// FuzzJSONReaderAgreesWithTheReference.
func TestJSONReaderAgreesWithTheReferenceOnNestedKeysGivenTwice(t *testing.T) {
	for _, c := range append(nestedDupSourceCases, nestedDupDeclCases...) {
		agreesWithReference(t, "p.json", []byte(c.doc), Options{})
	}
}
