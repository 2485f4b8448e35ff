package ingest

import (
	"bytes"
	"encoding/json"
	"fmt"
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
			`obs line 2: houma gdp 2020 100 "final" "year" "p.json"|"" 2021-05-10 -` + "\n" +
			`obs line 4: houma gdp 2017 100 "final" "year" "p.json"|"" 2021-05-10 -` + "\n"},
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
		want: `problem p.json line 1 (source): the key "source" is given twice in one item; keep one` + "\n" +
			`problem p.json line 1 (source): the key "source" is given twice in one item; keep one` + "\n"},
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
			`obs line 6: houma gdp 2019 2 "final" "year" "p.json"|"" 2021-05-10 -` + "\n" +
			`obs line 8: houma gdp 2016 4 "final" "year" "p.json"|"" 2021-05-10 -` + "\n"},
	{name: "a series' observations given twice", doc: "[\n" +
		`{"region": "houma", "indicator": "gdp", "observations": [{"year": 2020, "value": 1}],` + "\n" +
		`  "observations": [{"year": 2019, "value": 2}]},` + "\n" +
		obsLine(2018, "") + "\n]",
		want: `problem p.json line 2 (observations): the key "observations" is given twice in one item; give it once, with all the items in one list` + "\n" +
			`obs line 4: houma gdp 2018 100 "final" "year" "p.json"|"" 2021-05-10 -` + "\n"},
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
	want: `obs line 1: houma gdp 2021 65 "final" "year" "p.json"|"" 2021-05-10 -` + "\n"}

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
		`target line 4: houma gdp 14th-fyp level 2020/2025 250 false "p.json"|"" "x" 2021-05-10` + "\n"}

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

// The differential tests (agreesWithReference) compare the reader with the
// reference reader, which keeps the last of a key given twice as
// encoding/json does. A document with such keys is compared with what the
// reference makes of it with each item holding one (in itself or in its
// source) replaced by an item the reference refuses at the same line
// (dupMarker), and each declaration holding one by a declaration it
// refuses (dupDeclMarker), the reader's problem standing for the
// reference's; a top-level object with a key given twice must be the one
// problem. Which keys count as given twice, and the words of the problem,
// are worked out here again from encoding/json's tokens, not by the
// reader's code.

// dupMarker opens what an item with a key given twice becomes for the
// reference: an object with a misspelt key, refused at its first line.
// The item's line ends follow, so that every line after it stays the same.
const dupMarker = `{"pubilshed": 0`

// dupDeclMarker opens what a declaration of a region or an indicator with a
// key given twice becomes for the reference: one whose code is a number.
const dupDeclMarker = `{"code": 0`

// The fields an item or the top-level object is read with: those matched
// in any case (as encoding/json matches them) and those matched exactly.
var (
	dupObservationFields = []string{"region", "indicator", "unit", "period", "year", "value", "status", "source", "published", "growth", "growth_base_year"}
	dupTargetFields      = []string{"region", "indicator", "plan", "kind", "base_year", "year", "value", "unit", "binding", "source", "note", "published"}
	dupSeriesFields      = []string{"region", "indicator", "unit", "period"}
	dupBundleLists       = []string{"regions", "indicators", "observations", "targets"}
	dupSourceFields      = []string{"document", "quote"}
	dupRegionFields      = []string{"code", "name", "name_zh", "parent", "level"}
	dupIndicatorFields   = []string{"code", "name", "name_zh", "unit", "kind", "better"}
)

// dupIn is where an object is, as the problem of a key given twice in it
// says: the words, what the field's name follows ("source."), and whether
// the problem is at the key given again rather than at line.
type dupIn struct {
	where, path string
	atKey       bool
}

// dupExpectation is what agreesWithReference expects of a document with a
// key given twice: only, the one problem of a top-level object; or doc,
// the document to give the reference, and for each of the reader's
// problems of an item replaced, the reference's problem of the marker.
type dupExpectation struct {
	only  string
	doc   []byte
	marks map[string]string
}

// expectDuplicateKeys says what the reader should make of data, a JSON
// document named name, when a key is given twice in its top-level object,
// an item in a list of observations (a series' own, at any depth) or a
// target; ok is false for any other document.
func expectDuplicateKeys(name string, data []byte) (e dupExpectation, ok bool) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if !json.Valid(data) {
		return e, false
	}
	lines := newLineIndex(data)
	root := jsonTree(data)
	type replaced struct {
		n               *jsonNode
		problem, marker string
	}
	var items []replaced // items with a key given twice, in the document's order
	in := dupIn{where: "one item"}
	// item is the problem of an item (an observation, a series object, a
	// target) with a key given twice in itself or in its source, or "".
	item := func(it *jsonNode, fields, lists []string) string {
		line := lines.line(it.start)
		if p := dupProblem(name, data, line, it, fields, lists, in); p != "" {
			return p
		}
		for i, k := range it.keys {
			if v := it.vals[i]; v.kind == '{' && strings.EqualFold(k, "source") {
				return dupProblem(name, data, line, v, dupSourceFields, nil, dupIn{where: `the "source" of one item`, path: "source."})
			}
		}
		return ""
	}
	var walk func(list *jsonNode)
	walk = func(list *jsonNode) {
		for _, it := range list.elems {
			if it.kind != '{' {
				continue
			}
			if p := item(it, dupObservationFields, []string{"observations"}); p != "" {
				items = append(items, replaced{it, p, dupMarker})
				continue
			}
			for i, k := range it.keys {
				if k == "observations" && it.vals[i].kind == '[' {
					walk(it.vals[i])
				}
			}
		}
	}
	switch root.kind {
	case '[':
		walk(root)
	case '{':
		if p := dupProblem(name, data, 0, root, dupSeriesFields, dupBundleLists, dupIn{where: "the top-level object", atKey: true}); p != "" {
			return dupExpectation{only: p + "\n"}, true
		}
		for i, k := range root.keys {
			switch v := root.vals[i]; {
			case v.kind != '[':
			case k == "observations":
				walk(v)
			case k == "targets":
				for _, it := range v.elems {
					if it.kind != '{' {
						continue
					}
					if p := item(it, dupTargetFields, nil); p != "" {
						items = append(items, replaced{it, p, dupMarker})
					}
				}
			case k == "regions" || k == "indicators":
				fields := dupRegionFields
				if k == "indicators" {
					fields = dupIndicatorFields
				}
				for _, it := range v.elems {
					if it.kind != '{' {
						continue
					}
					if p := dupProblem(name, data, lines.line(it.start), it, fields, nil, dupIn{where: fmt.Sprintf("one item of %q", k)}); p != "" {
						items = append(items, replaced{it, p, dupDeclMarker})
					}
				}
			}
		}
	}
	if len(items) == 0 {
		return e, false
	}
	// The declarations come before the observations they declare for.
	slices.SortFunc(items, func(a, b replaced) int { return a.n.start - b.n.start })
	e.marks = map[string]string{}
	at := 0
	for _, it := range items {
		e.doc = append(e.doc, data[at:it.n.start]...)
		e.doc = append(e.doc, it.marker...)
		e.doc = append(e.doc, bytes.Repeat([]byte("\n"), bytes.Count(data[it.n.start:it.n.end], []byte("\n")))...)
		e.doc = append(e.doc, '}')
		at = it.n.end
		mark := fmt.Sprintf(`problem %s line %d (pubilshed): "pubilshed" is not a field plancast reads; did you mean "published"? (a field it does not read is left out, with what it holds)`,
			name, lines.line(it.n.start))
		if it.marker == dupDeclMarker {
			mark = fmt.Sprintf("problem %s line %d (code): code must be a string, not a JSON number", name, lines.line(it.n.start))
		}
		e.marks[it.problem] = mark
	}
	e.doc = append(e.doc, data[at:]...)
	return e, true
}

// dupProblem is the problem of object n when it gives one of its fields
// (folded or exact, see dupField) more than once, as jsonOutcome writes it,
// or "". The first field given again is named; the problem is at line
// (where the item starts) or at the line of the key given again (in.atKey).
func dupProblem(name string, data []byte, line int, n *jsonNode, folded, exact []string, in dupIn) string {
	seen := map[string]bool{}
	field, again := "", 0
	for i, k := range n.keys {
		f := dupField(k, folded, exact)
		if f != "" && seen[f] {
			field, again = f, n.keyAt[i]
			break
		}
		seen[f] = true
	}
	if field == "" {
		return ""
	}
	var spellings, values []string
	lists, quotable := true, true
	for i, k := range n.keys {
		if dupField(k, folded, exact) != field {
			continue
		}
		if !slices.Contains(spellings, k) {
			spellings = append(spellings, k)
		}
		v := n.vals[i]
		text := string(data[v.start:v.end])
		if v.kind == '"' {
			var s string
			_ = json.Unmarshal(data[v.start:v.end], &s)
			text = fmt.Sprintf("%q", s)
		}
		lists = lists && v.kind == '['
		quotable = quotable && v.kind != '[' && v.kind != '{' && len(text) <= 40
		values = append(values, text)
	}
	where := in.where
	if in.atKey {
		line = newLineIndex(data).line(again)
	}
	times := "twice"
	if len(values) > 2 {
		times = fmt.Sprintf("%d times", len(values))
	}
	msg := fmt.Sprintf("the key %q is given %s in %s", spellings[0], times, where)
	if len(spellings) > 1 {
		q := make([]string, len(spellings))
		for i, s := range spellings {
			q[i] = fmt.Sprintf("%q", s)
		}
		msg = fmt.Sprintf("%s and %s are one key, given %s in %s", strings.Join(q[:len(q)-1], ", "), q[len(q)-1], times, where)
	}
	switch {
	case lists:
		msg += "; give it once, with all the items in one list"
	case quotable:
		msg += fmt.Sprintf(" (%s, then %s); keep one", strings.Join(values[:len(values)-1], ", "), values[len(values)-1])
	default:
		msg += "; keep one"
	}
	return fmt.Sprintf("problem %s line %d (%s%s): %s", name, line, in.path, field, msg)
}

// dupField is the field key gives: one of folded in any case, as
// encoding/json matches keys, or one of exact as it is; or "".
func dupField(key string, folded, exact []string) string {
	for _, f := range folded {
		if strings.EqualFold(key, f) {
			return f
		}
	}
	if slices.Contains(exact, key) {
		return key
	}
	return ""
}

// jsonNode is a JSON value as encoding/json's tokens give it, with where it
// starts and ends in the document.
type jsonNode struct {
	start, end int
	kind       byte     // '{', '[', '"', or 0: a number, true, false or null
	keys       []string // an object's keys, decoded
	keyAt      []int    // where each of them starts
	vals       []*jsonNode
	elems      []*jsonNode // an array's
}

// jsonTree reads data, which json.Valid accepts. It walks the bytes itself
// rather than take json.Decoder's tokens, so that the code the fuzz target
// reaches for every input, and is steered by, stays little more than the
// reader's and the reference's.
func jsonTree(data []byte) *jsonNode {
	i := 0
	space := func() {
		for i < len(data) && strings.IndexByte(" \t\r\n", data[i]) >= 0 {
			i++
		}
	}
	str := func() { // from the opening quote at i to past the closing one
		for i++; data[i] != '"'; i++ {
			if data[i] == '\\' {
				i++
			}
		}
		i++
	}
	var read func() *jsonNode
	read = func() *jsonNode {
		space()
		n := &jsonNode{start: i}
		switch c := data[i]; c {
		case '{', '[':
			n.kind = c
			i++
			for space(); data[i] != c+2; space() { // up to '}' or ']'
				if c == '[' {
					n.elems = append(n.elems, read())
				} else {
					at := i
					str()
					var k string
					_ = json.Unmarshal(data[at:i], &k)
					n.keys, n.keyAt = append(n.keys, k), append(n.keyAt, at)
					space()
					i++ // the colon
					n.vals = append(n.vals, read())
				}
				if space(); data[i] == ',' {
					i++
				}
			}
			i++
		case '"':
			n.kind = '"'
			str()
		default: // a number, true, false or null
			for i < len(data) && strings.IndexByte(" \t\r\n,]}", data[i]) < 0 {
				i++
			}
		}
		n.end = i
		return n
	}
	return read()
}
