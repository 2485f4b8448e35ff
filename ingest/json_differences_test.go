package ingest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
)

// The differential tests (agreesWithReference) compare the reader with the
// reference reader, which is not changed when the reader is. Where the
// reader has come to read a document differently, it is compared with what
// the reference makes of the document changed to say what the reader reads
// (expectDifferences):
//
//   - A key given twice, which the reference reads as encoding/json does
//     (the last one wins) and the reader refuses: each item holding one
//     (in itself or in its source) is replaced by an item the reference
//     refuses at the same line (dupMarker), and each declaration holding
//     one by a declaration it refuses (dupDeclMarker), the reader's problem
//     standing for the reference's; a top-level object with a key given
//     twice must be the one problem.
//   - A list ("observations", a bundle's "regions", ...) in another case,
//     which the reference leaves out and the reader reads: the key is
//     spelt as the reference reads it.
//   - A series answer's "units", which the reference takes for "unit"
//     misspelt: of lin (or null), which the reader reads past, the key is
//     spelt as one the reference leaves out ("_"); of anything else, the
//     reader's problem is the top-level object's one problem, or the
//     item's, which is replaced by dupMarker.
//
// What differs, and the words of the problems, are worked out here again
// from the document's tokens, not by the reader's code; only what counts
// as lin is fold's, as for a table's transform column (parser.levels).

// differenceDocs are the documents of the tests of what the reader reads
// differently from the reference: they seed
// FuzzJSONReaderAgreesWithTheReference.
func differenceDocs() []string {
	docs := duplicateKeyDocs()
	for _, c := range slices.Concat(keyCaseCases, keyCaseDupCases, unitsLevelsCases, unitsChangesCases, unitsItemCases) {
		docs = append(docs, c.doc)
	}
	return docs
}

// dupMarker opens what an item with a key given twice becomes for the
// reference: an object with a misspelt key, refused at its first line.
// The item's line ends follow, so that every line after it stays the same.
const dupMarker = `{"pubilshed": 0`

// dupDeclMarker opens what a declaration of a region or an indicator with a
// key given twice becomes for the reference: one whose code is a number.
const dupDeclMarker = `{"code": 0`

// The fields an item or the top-level object is read with, matched in any
// case (as encoding/json matches them).
var (
	dupObservationFields = []string{"region", "indicator", "unit", "period", "year", "value", "status", "source", "published", "growth", "growth_base_year", "observations", "units"}
	dupTargetFields      = []string{"region", "indicator", "plan", "kind", "base_year", "year", "value", "unit", "binding", "source", "note", "published"}
	dupBundleFields      = []string{"region", "indicator", "unit", "period", "regions", "indicators", "observations", "targets", "units"}
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

// expectation is what agreesWithReference expects of a document the
// reader reads differently: only, the one problem of a top-level object;
// or doc, the document to give the reference, and for each of the
// reader's problems of an item replaced, the reference's problem of the
// marker.
type expectation struct {
	only  string
	doc   []byte
	marks map[string]string
}

// docEdit is a change to the document given to the reference: data[start:end]
// becomes text, and the reader's problem (if any) stands for mark.
type docEdit struct {
	start, end    int
	text          string
	problem, mark string
}

// expectDifferences says what the reader should make of data, a JSON
// document named name, when it reads it differently from the reference
// (see above); ok is false for any other document.
func expectDifferences(name string, data []byte) (e expectation, ok bool) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if !json.Valid(data) {
		return e, false
	}
	lines := newLineIndex(data)
	root := jsonTree(data)
	var edits []docEdit
	// replace puts marker in the place of n, which the reader refuses with
	// problem, keeping its line ends.
	replace := func(n *jsonNode, problem, marker string) {
		mark := fmt.Sprintf(`problem %s line %d (pubilshed): "pubilshed" is not a field plancast reads; did you mean "published"? (a field it does not read is left out, with what it holds)`,
			name, lines.line(n.start))
		if marker == dupDeclMarker {
			mark = fmt.Sprintf("problem %s line %d (code): code must be a string, not a JSON number", name, lines.line(n.start))
		}
		text := marker + strings.Repeat("\n", bytes.Count(data[n.start:n.end], []byte("\n"))) + "}"
		edits = append(edits, docEdit{start: n.start, end: n.end, text: text, problem: problem, mark: mark})
	}
	// list is the list key k (of lists, in any case) names, or ""; one
	// spelt otherwise is spelt as the reference reads it.
	list := func(n *jsonNode, i int, lists ...string) string {
		for _, l := range lists {
			if strings.EqualFold(n.keys[i], l) {
				if n.keys[i] != l {
					edits = append(edits, docEdit{start: n.keyAt[i], end: n.keyEnd[i], text: `"` + l + `"`})
				}
				return l
			}
		}
		return ""
	}
	// item is the problem of an item (an observation, a series object, a
	// target) with a key given twice in itself or in its source, or "".
	item := func(it *jsonNode, fields []string) string {
		line := lines.line(it.start)
		if p := dupProblem(name, data, line, it, fields, dupIn{where: "one item"}); p != "" {
			return p
		}
		for i, k := range it.keys {
			if v := it.vals[i]; v.kind == '{' && strings.EqualFold(k, "source") {
				return dupProblem(name, data, line, v, dupSourceFields, dupIn{where: `the "source" of one item`, path: "source."})
			}
		}
		return ""
	}
	// units is the problem of units other than lin in n, at line (or at
	// the key, for the top-level object), or "". Units of lin are spelt
	// as a key the reference leaves out.
	units := func(n *jsonNode, line int, top bool) string {
		series := top
		for _, k := range n.keys {
			series = series || strings.EqualFold(k, "observations")
		}
		for i, k := range n.keys {
			if !strings.EqualFold(k, "units") {
				continue
			}
			if top {
				line = lines.line(n.keyAt[i])
			}
			v := n.vals[i]
			text := string(data[v.start:v.end])
			msg := ""
			switch {
			case text == "null":
			case v.kind == '"':
				_ = json.Unmarshal(data[v.start:v.end], &text)
				text = strings.TrimSpace(text)
				// lin, as a CSV download's transform column says it
				// (parser.levels): blank, lin or 原值, as table
				// headers are folded.
				if f := fold(text); f == "" || f == "lin" || f == fold("原值") {
					break
				}
				msg = fmt.Sprintf("the value is not a figure but units=%s of the figures (a series downloaded with units=%s); download the series with units=lin, the default, to push its figures back", text, text)
				if series {
					msg = fmt.Sprintf("the values are not figures but units=%s of the figures (a series downloaded with units=%s); download the series with units=lin, the default, to push its figures back", text, text)
				}
			default:
				kind := map[byte]string{'{': "object", '[': "array", 0: "number"}[v.kind]
				if text == "true" || text == "false" {
					kind = "bool"
				}
				msg = fmt.Sprintf(`units must be "lin" or left out, not a JSON %s: a batch holds figures, and units names the transform of a downloaded series (lin, chg, pch, ...)`, kind)
			}
			if msg != "" {
				return fmt.Sprintf("problem %s line %d (units): %s", name, line, msg)
			}
			edits = append(edits, docEdit{start: n.keyAt[i], end: n.keyEnd[i], text: `"_"`})
		}
		return ""
	}
	var walk func(list *jsonNode)
	walk = func(l *jsonNode) {
		for _, it := range l.elems {
			if it.kind != '{' {
				continue
			}
			if p := item(it, dupObservationFields); p != "" {
				replace(it, p, dupMarker)
				continue
			}
			if p := units(it, lines.line(it.start), false); p != "" {
				replace(it, p, dupMarker)
				continue
			}
			for i := range it.keys {
				if list(it, i, "observations") != "" && it.vals[i].kind == '[' {
					walk(it.vals[i])
				}
			}
		}
	}
	switch root.kind {
	case '[':
		walk(root)
	case '{':
		if p := dupProblem(name, data, 0, root, dupBundleFields, dupIn{where: "the top-level object", atKey: true}); p != "" {
			return expectation{only: p + "\n"}, true
		}
		if p := units(root, 0, true); p != "" {
			return expectation{only: p + "\n"}, true
		}
		for i := range root.keys {
			k, v := list(root, i, "regions", "indicators", "observations", "targets"), root.vals[i]
			switch {
			case v.kind != '[':
			case k == "observations":
				walk(v)
			case k == "targets":
				for _, it := range v.elems {
					if it.kind != '{' {
						continue
					}
					if p := item(it, dupTargetFields); p != "" {
						replace(it, p, dupMarker)
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
					if p := dupProblem(name, data, lines.line(it.start), it, fields, dupIn{where: fmt.Sprintf("one item of %q", k)}); p != "" {
						replace(it, p, dupDeclMarker)
					}
				}
			}
		}
	}
	if len(edits) == 0 {
		return e, false
	}
	// The declarations come before the observations they declare for.
	slices.SortFunc(edits, func(a, b docEdit) int { return a.start - b.start })
	e.marks = map[string]string{}
	at := 0
	for _, ed := range edits {
		e.doc = append(append(e.doc, data[at:ed.start]...), ed.text...)
		at = ed.end
		if ed.problem != "" {
			e.marks[ed.problem] = ed.mark
		}
	}
	e.doc = append(e.doc, data[at:]...)
	return e, true
}

// dupProblem is the problem of object n when it gives one of its fields
// (in any case, see dupField) more than once, as jsonOutcome writes it, or
// "". The first field given again is named; the problem is at line (where
// the item starts) or at the line of the key given again (in.atKey).
func dupProblem(name string, data []byte, line int, n *jsonNode, fields []string, in dupIn) string {
	seen := map[string]bool{}
	field, again := "", 0
	for i, k := range n.keys {
		f := dupField(k, fields)
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
		if dupField(k, fields) != field {
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

// dupField is the field key gives: one of fields in any case, as
// encoding/json matches keys; or "".
func dupField(key string, fields []string) string {
	for _, f := range fields {
		if strings.EqualFold(key, f) {
			return f
		}
	}
	return ""
}

// jsonNode is a JSON value as encoding/json's tokens give it, with where it
// starts and ends in the document.
type jsonNode struct {
	start, end int
	kind       byte     // '{', '[', '"', or 0: a number, true, false or null
	keys       []string // an object's keys, decoded
	keyAt      []int    // where each of them starts (its opening quote)
	keyEnd     []int    // and ends (past its closing quote)
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
					n.keys, n.keyAt, n.keyEnd = append(n.keys, k), append(n.keyAt, at), append(n.keyEnd, i)
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
