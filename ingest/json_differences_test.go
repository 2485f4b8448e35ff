package ingest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
)

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

// expectation is what agreesWithReference expects of a document with a
// key given twice: only, the one problem of a top-level object; or doc,
// the document to give the reference, and for each of the reader's
// problems of an item replaced, the reference's problem of the marker.
type expectation struct {
	only  string
	doc   []byte
	marks map[string]string
}

// expectDifferences says what the reader should make of data, a JSON
// document named name, when a key is given twice in its top-level object,
// an item in a list of observations (a series' own, at any depth) or a
// target; ok is false for any other document.
func expectDifferences(name string, data []byte) (e expectation, ok bool) {
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
			return expectation{only: p + "\n"}, true
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
